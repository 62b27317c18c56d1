import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AlertSettings } from '../../shared/alerts/rules';
import { Slug } from '../../shared/schema/common';
import type { AlertService } from '../alerts/service';
import { requireAdmin, requireDistrictAdmin, wardScope } from '../auth/sessions';
import type { Store } from '../db/connect';
import { HttpError, parseInput } from '../http/errors';

const AlertsQuery = z.strictObject({ status: z.enum(['open', 'acknowledged']).default('open'), wardId: Slug.optional() });
const AlertParams = z.strictObject({ id: z.coerce.number().int().min(1) });
const Acknowledgement = z.strictObject({ note: z.string().trim().min(1, 'say what was done').max(1000) });

/** Alerts for ward leaders: the list (silent kiosks checked on the way), acknowledging with a note, the thresholds. */
export async function alertsApi(app: FastifyInstance, { store, now, alerts }: { store: Store; now: () => Date; alerts: AlertService }) {
  app.get('/api/v1/admin/alerts', async (request) => {
    const user = await requireAdmin(store, request, now());
    const query = parseInput(AlertsQuery, request.query, 'alerts query');
    await alerts.checkSilentKiosks();
    return alerts.list({ wardId: wardScope(user, query.wardId), open: query.status === 'open' });
  });

  // Ward leaders acknowledge their own ward's alerts; the district, any.
  app.post('/api/v1/admin/alerts/:id/acknowledge', async (request) => {
    const user = await requireAdmin(store, request, now());
    const { id } = parseInput(AlertParams, request.params, 'alert');
    const { note } = parseInput(Acknowledgement, request.body, 'acknowledgement');
    if (!(await alerts.acknowledge(id, user.username, note, wardScope(user, undefined)))) {
      throw new HttpError(404, 'unknown_alert', 'No such open alert.');
    }
    return { id, acknowledged: true };
  });

  app.get('/api/v1/admin/alert-settings', async (request) => {
    await requireAdmin(store, request, now());
    return alerts.settings();
  });

  app.put('/api/v1/admin/alert-settings', async (request) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const settings = parseInput(AlertSettings, request.body, 'alert settings');
    await alerts.saveSettings(settings);
    return settings;
  });
}
