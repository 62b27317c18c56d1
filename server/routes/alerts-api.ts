import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../shared/contract/admin-api';
import type { AlertService } from '../alerts/service';
import { wardScope } from '../auth/sessions';
import type { Store } from '../db/connect';
import { declare, type Callers } from '../http/declare';
import { HttpError } from '../http/errors';
import { noteChange } from '../repo/audit';

/** Alerts for ward leaders: the list (silent kiosks and gaps in kiosks' counts checked on the way), acknowledging with a note, the thresholds. */
export async function alertRoutes(
  app: FastifyInstance,
  { store, now, callers, alerts }: { store: Store; now: () => Date; callers: Callers; alerts: AlertService },
) {
  declare(app, adminApi.alerts, callers, async ({ user, query }) => {
    await alerts.checkSilentKiosks();
    await alerts.checkSequenceGaps();
    await alerts.fileStorageFull();
    return alerts.list({ wardId: wardScope(user, query.wardId), open: query.status === 'open' });
  });

  // Ward leaders acknowledge their own ward's alerts; the district, any.
  declare(app, adminApi.acknowledgeAlert, callers, async ({ user, params: { id }, body: { note } }) => {
    if (!(await alerts.acknowledge(id, user.username, note, wardScope(user, undefined)))) {
      throw new HttpError(404, 'unknown_alert', 'No such open alert.');
    }
    await noteChange(
      store,
      user,
      { action: 'alert.acknowledge', subject: `Cảnh báo số ${id}`, wardId: user.wardId, after: { note } },
      now(),
    );
    return { id, acknowledged: true as const };
  });

  declare(app, adminApi.alertSettings, callers, async () => alerts.settings());

  declare(app, adminApi.saveAlertSettings, callers, async ({ user, body: settings }) => {
    const before = await alerts.settings();
    await alerts.saveSettings(settings);
    await noteChange(store, user, { action: 'alert.settings', subject: 'Ngưỡng cảnh báo', before, after: settings }, now());
    return settings;
  });
}
