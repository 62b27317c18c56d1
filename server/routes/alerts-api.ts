import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../shared/contract/admin-api';
import type { AlertService } from '../alerts/service';
import { wardScope } from '../auth/sessions';
import { declare, type Callers } from '../http/declare';
import { HttpError } from '../http/errors';

/** Alerts for ward leaders: the list (silent kiosks and gaps in kiosks' counts checked on the way), acknowledging with a note, the thresholds. */
export async function alertRoutes(app: FastifyInstance, { callers, alerts }: { callers: Callers; alerts: AlertService }) {
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
    return { id, acknowledged: true as const };
  });

  declare(app, adminApi.alertSettings, callers, async () => alerts.settings());

  declare(app, adminApi.saveAlertSettings, callers, async ({ body: settings }) => {
    await alerts.saveSettings(settings);
    return settings;
  });
}
