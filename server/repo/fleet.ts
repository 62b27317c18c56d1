import type { Heartbeat } from '../../shared/schema/api';
import type { Store } from '../db/connect';

const SILENT_AFTER_MS = 86_400_000;

/** The kiosk fleet, newest health first; kiosks silent for more than a day stand out. */
export async function listKiosks(store: Store, options: { wardId?: string; now: Date }) {
  let q = store.db
    .selectFrom('kiosks')
    .select(['id', 'ward_id', 'counter_id', 'enrolled_at', 'revoked_at', 'last_seen_at', 'heartbeat', 'app_version', 'clock_offset_ms'])
    .orderBy('ward_id');
  if (options.wardId) q = q.where('ward_id', '=', options.wardId);
  const at = options.now.getTime();
  return (await q.execute()).map((k) => ({
    ...k,
    heartbeat: k.heartbeat ? (JSON.parse(k.heartbeat) as Heartbeat) : null,
    silent: k.revoked_at === null && (k.last_seen_at === null || at - k.last_seen_at > SILENT_AFTER_MS),
  }));
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

export async function recordHeartbeat(store: Store, kioskId: string, heartbeat: Heartbeat, at: Date) {
  await store.db
    .updateTable('kiosks')
    .set({
      last_seen_at: at.getTime(),
      heartbeat: JSON.stringify(heartbeat),
      app_version: heartbeat.appVersion,
      clock_offset_ms: at.getTime() - Date.parse(heartbeat.sentAt),
    })
    .where('id', '=', kioskId)
    .execute();
}
