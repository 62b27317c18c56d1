import { describe, expect, it } from 'vitest';
import { AlertService } from '../../server/alerts/service';
import { engines, testServer } from './support/server-harness';

// The checks two servers (or two batches) run at the same moment: each episode gives one alert.

describe.each(engines())('an alert is raised once, however many look at once (%s)', (engine) => {
  it('a ward’s drop in satisfaction and a silent kiosk, checked twice at the same moment', async () => {
    const server = await testServer(engine);
    try {
      // Two counters' kiosks, 30 ratings each: within each kiosk's ceiling, 60 for the ward's window of 50.
      const kiosk = await server.enrolKiosk('trang-tien', 'quay-1');
      const other = await server.enrolKiosk('trang-tien', 'quay-2');
      const ratings = Array.from({ length: 30 }, () => server.rating(kiosk, { overall: 1 }));
      const others = Array.from({ length: 30 }, () => server.rating(other, { overall: 1 }));
      await server.sendBatch(kiosk, ratings);
      await server.sendBatch(other, others);
      // As if the route had not looked yet: the drop is still to be found.
      await server.store.db.deleteFrom('alerts').execute();
      await server.store.db.deleteFrom('settings').where('key', 'like', '%low%').execute();
      const another = () => new AlertService(server.store, { now: () => new Date(Date.now()), mailer: null, report: () => undefined });
      const ids = [...ratings, ...others].map((r) => r.id);
      await Promise.all([another().afterRatings('trang-tien', ids), another().afterRatings('trang-tien', ids)]);
      const count = async (kind: string) =>
        Number(
          (
            await server.store.db
              .selectFrom('alerts')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('kind', '=', kind)
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count('satisfaction-drop')).toBe(1);

      // Three days later both kiosks have been silent through opening hours; two servers' timers fire together.
      const later = () => new Date(Date.now() + 3 * 86_400_000);
      const timer = () => new AlertService(server.store, { now: later, mailer: null, report: () => undefined });
      await Promise.all([timer().checkSilentKiosks(), timer().checkSilentKiosks(), timer().checkSilentKiosks()]);
      expect(await count('silent-kiosk')).toBe(2);
    } finally {
      await server.close();
    }
  });
});
