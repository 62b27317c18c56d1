import type { Kiosk } from '../../shared/contract/admin-api';
import { Heartbeat } from '../../shared/contract/kiosk-api';
import { sql } from 'kysely';
import type { Store } from '../db/connect';
import { recordReport, refreshGaps } from '../ledger/record';
import { inTransaction } from '../db/transaction';
import { loadCounts } from '../ledger/counts';
import { ledgerView } from '../ledger/view';
import { isoAt } from '../time';

const SILENT_AFTER_MS = 86_400_000;

/** The kiosk fleet by ward and counter, each with its completeness ledger; kiosks silent for more than a day stand out. */
export async function listKiosks(store: Store, options: { wardId?: string; now: Date }): Promise<Kiosk[]> {
  let q = store.db
    .selectFrom('kiosks')
    .innerJoin('wards', 'wards.id', 'kiosks.ward_id')
    .leftJoin('counters', (join) => join.onRef('counters.ward_id', '=', 'kiosks.ward_id').onRef('counters.id', '=', 'kiosks.counter_id'))
    .select([
      'kiosks.id',
      'kiosks.ward_id',
      'wards.name_vi',
      'kiosks.counter_id',
      'counters.label_vi',
      'kiosks.enrolled_at',
      'kiosks.revoked_at',
      'kiosks.last_seen_at',
      'kiosks.heartbeat',
      'kiosks.app_version',
      'kiosks.clock_offset_ms',
    ])
    .orderBy('wards.name_vi')
    .orderBy('kiosks.counter_id')
    .orderBy('kiosks.enrolled_at');
  if (options.wardId) q = q.where('kiosks.ward_id', '=', options.wardId);
  const at = options.now.getTime();
  const kiosks = await q.execute();
  const counts = await loadCounts(
    store.db,
    kiosks.map((k) => k.id),
  );
  return kiosks.map((k) => {
    const heartbeat = k.heartbeat ? Heartbeat.safeParse(JSON.parse(k.heartbeat)) : null;
    return {
      id: k.id,
      wardId: k.ward_id,
      wardName: k.name_vi,
      counterId: k.counter_id,
      counterLabel: k.label_vi ?? k.counter_id,
      enrolledAt: isoAt(k.enrolled_at),
      revokedAt: isoAt(k.revoked_at),
      lastSeenAt: isoAt(k.last_seen_at),
      appVersion: k.app_version,
      clockOffsetMs: k.clock_offset_ms,
      heartbeat: heartbeat?.success ? heartbeat.data : null,
      silent: k.revoked_at === null && (k.last_seen_at === null || at - k.last_seen_at > SILENT_AFTER_MS),
      ledger: (counts.get(k.id) ?? []).map(ledgerView),
    };
  });
}

/** Revokes an active kiosk's token; false when there is no such active kiosk. */
export async function revokeKiosk(store: Store, kioskId: string, at: Date): Promise<boolean> {
  const result = await store.db
    .updateTable('kiosks')
    .set({ revoked_at: at.getTime() })
    .where('id', '=', kioskId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Stores a kiosk's heartbeat, and its count in the completeness ledger, in one transaction (on
 * PostgreSQL under the kiosk's row lock, as batches are). Returns the number of a count that began
 * while an earlier one exists: the kiosk's storage started again.
 */
export async function recordHeartbeat(
  store: Store,
  kioskId: string,
  heartbeat: Heartbeat,
  at: Date,
): Promise<{ recounting: number | null }> {
  return inTransaction(store, async (trx) => {
    if (store.engine === 'postgres') await sql`select id from kiosks where id = ${kioskId} for update`.execute(trx);
    await trx
      .updateTable('kiosks')
      .set({
        last_seen_at: at.getTime(),
        heartbeat: JSON.stringify(heartbeat),
        app_version: heartbeat.appVersion,
        clock_offset_ms: at.getTime() - Date.parse(heartbeat.sentAt),
      })
      .where('id', '=', kioskId)
      .execute();
    if (!heartbeat.sequence) return { recounting: null };
    const recounting = await recordReport(trx, kioskId, heartbeat.sequence, at.getTime());
    await refreshGaps(trx, kioskId, at.getTime());
    return { recounting };
  });
}

/** What /metrics reports of the fleet: kiosks in service, those silent for a day, and the ratings they hold. */
export async function fleetGauges(store: Store, now: Date) {
  const kiosks = await store.db.selectFrom('kiosks').select(['last_seen_at', 'heartbeat']).where('revoked_at', 'is', null).execute();
  const at = now.getTime();
  let queueDepth = 0;
  for (const k of kiosks) {
    const heartbeat = k.heartbeat ? Heartbeat.safeParse(JSON.parse(k.heartbeat)) : null;
    if (heartbeat?.success) queueDepth += heartbeat.data.queueDepth;
  }
  return {
    kiosks: kiosks.length,
    silent: kiosks.filter((k) => k.last_seen_at === null || at - k.last_seen_at > SILENT_AFTER_MS).length,
    queueDepth,
  };
}
