import { afterEach, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import { checkPin } from '../../shared/technician/pin';
import { engines, testServer } from './support/server-harness';

describe.each(engines())('officer attribution on %s', (engine) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  afterEach(async () => server?.close());

  const put = async (url: string, payload: object) => {
    const admin = await server.login();
    return server.app.inject({ method: 'PUT', url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload });
  };

  it('sends kiosks the ward’s mode and its officials with a PIN hash the kiosk can check offline, never the PIN', async () => {
    server = await testServer(engine);
    expect((await put('/api/v1/admin/officials/hang-bac-cb-1', { pin: '135790' })).json()).toEqual({ id: 'hang-bac-cb-1', hasPin: true });
    expect((await put('/api/v1/admin/wards/hang-bac/attribution', { attribution: 'shift' })).statusCode).toBe(200);
    const kiosk = await server.enrolKiosk('hang-bac', 'quay-1');
    const config = KioskConfig.parse(kiosk.config);
    expect(config.attribution).toBe('shift');
    expect(config.officials.map((o) => o.name)).toEqual(['Phạm Quốc Huy', 'Đỗ Thị Lan'].sort((a, b) => (a < b ? -1 : 1)));
    const official = config.officials.find((o) => o.id === 'hang-bac-cb-1')!;
    expect(JSON.stringify(kiosk.config)).not.toContain('135790');
    expect((await checkPin(official.pin!, '135790', Date.now())).ok).toBe(true);
    expect((await checkPin(official.pin!, '000000', Date.now())).ok).toBe(false);
    expect(config.officials.find((o) => o.id === 'hang-bac-cb-2')!.pin).toBeNull();
  });

  it('refuses bad changes: a PIN that is not 4–8 digits, a photo that is not an image, an unknown mode or official', async () => {
    server = await testServer(engine);
    for (const [url, body, status] of [
      ['/api/v1/admin/officials/hang-bac-cb-1', { pin: '12' }, 400],
      ['/api/v1/admin/officials/hang-bac-cb-1', { pin: 'abcd' }, 400],
      // Four digits are guessed from a kiosk's configuration in a few dozen tries: six at least.
      ['/api/v1/admin/officials/hang-bac-cb-1', { pin: '1357' }, 400],
      ['/api/v1/admin/officials/hang-bac-cb-1', { photo: 'https://evil.example/x.png' }, 400],
      ['/api/v1/admin/officials/hang-bac-cb-1', { photo: 'data:text/html;base64,PHNjcmlwdD4=' }, 400],
      ['/api/v1/admin/officials/nobody', { pin: '123456' }, 404],
      ['/api/v1/admin/wards/hang-bac/attribution', { attribution: 'everyone' }, 400],
      ['/api/v1/admin/wards/nowhere/attribution', { attribution: 'shift' }, 404],
    ] as const) {
      expect((await put(url, body)).statusCode, `${url} ${JSON.stringify(body)}`).toBe(status);
    }
  });

  it('reports per official: ratings name an official of their own ward, anything else counts unattributed', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk('hang-bac', 'quay-1');
    const result = await server.sendBatch(kiosk, [
      server.rating(kiosk, { officialId: 'hang-bac-cb-1', overall: 5 }),
      server.rating(kiosk, { officialId: 'hang-bac-cb-1', overall: 4 }),
      server.rating(kiosk, { officialId: 'hang-bac-cb-2', overall: 2 }),
      server.rating(kiosk, { officialId: 'trang-tien-cb-1', overall: 5 }), // another ward's official
      server.rating(kiosk, { officialId: 'khong-co', overall: 5 }),
      server.rating(kiosk, { overall: 3 }),
    ]);
    expect(result.json().accepted).toHaveLength(6);
    const admin = await server.login();
    const report = (
      await server.app.inject({
        method: 'GET',
        url: '/api/v1/reports?period=quarter&at=2026-Q4&groupBy=official&wardId=hang-bac',
        headers: { cookie: admin.cookie },
      })
    ).json();
    // Below the minimum of 3 an official's figures are withheld; the unattributed three are shown.
    const shown = report.rows.filter((r: { hidden: boolean }) => !r.hidden).map((r: { key: string; count: number }) => [r.key, r.count]);
    const withheld = report.rows.filter((r: { hidden: boolean }) => r.hidden).map((r: { key: string }) => r.key);
    expect(shown).toEqual([['', 3]]);
    expect(withheld.sort()).toEqual(['hang-bac-cb-1', 'hang-bac-cb-2']);
  });
});
