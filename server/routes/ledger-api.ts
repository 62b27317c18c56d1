import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../shared/contract/admin-api';
import { wardScope } from '../auth/sessions';
import type { Store } from '../db/connect';
import { declare, type Callers } from '../http/declare';
import { HttpError } from '../http/errors';
import { noteGap } from '../ledger/record';
import { noteChange } from '../repo/audit';
import { kioskName } from '../repo/organisation';
import { completenessStatement } from '../ledger/statement';

/** The completeness ledger for people: a note on a gap, and a ward's statement for a quarter. */
export async function ledgerRoutes(app: FastifyInstance, { store, now, callers }: { store: Store; now: () => Date; callers: Callers }) {
  // The ward's own account may note its kiosks' gaps; the district, any.
  declare(app, adminApi.noteGap, callers, async ({ user, params, body }) => {
    const noted = await noteGap(
      store,
      { kioskId: params.id, incarnation: body.incarnation, first: body.first },
      { text: body.note, by: user.username, at: now().getTime() },
      wardScope(user, undefined),
    );
    if (!noted) throw new HttpError(404, 'unknown_gap', 'No such gap in this kiosk’s count.');
    const kiosk = await kioskName(store, params.id);
    const after = { first: body.first, note: body.note };
    await noteChange(store, user, { action: 'kiosk.gap-note', subject: kiosk.name, wardId: kiosk.wardId, after }, now());
    return { ok: true as const };
  });

  declare(app, adminApi.completeness, callers, async ({ user, query }) =>
    completenessStatement(store, { quarter: query.quarter, wardId: wardScope(user, query.wardId) ?? query.wardId }, now()),
  );
}
