import type { Official } from '../../shared/contract/admin-api';
import type { Attribution } from '../../shared/schema/kiosk-config';
import type { StoredPin } from '../../shared/technician/pin';
import type { Store } from '../db/connect';

/** A ward's officials for the dashboard: whether a PIN is set, never the hash. */
export async function listOfficials(store: Store, wardId: string | undefined): Promise<Official[]> {
  let q = store.db
    .selectFrom('officials')
    .select(['id', 'ward_id', 'name', 'title', 'active', 'photo', 'pin'])
    .orderBy('ward_id')
    .orderBy('name');
  if (wardId) q = q.where('ward_id', '=', wardId);
  return (await q.execute()).map((o) => ({
    id: o.id,
    wardId: o.ward_id,
    name: o.name,
    title: o.title,
    active: o.active === 1,
    photo: o.photo,
    hasPin: o.pin !== null,
  }));
}

/** Sets or clears an official's PIN and photo; false when there is no such official. */
export async function updateOfficial(
  store: Store,
  id: string,
  change: { pin?: StoredPin | null; photo?: string | null },
): Promise<boolean> {
  const set = {
    ...(change.pin !== undefined && { pin: change.pin === null ? null : JSON.stringify(change.pin) }),
    ...(change.photo !== undefined && { photo: change.photo }),
  };
  if (Object.keys(set).length === 0)
    return (await store.db.selectFrom('officials').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  const result = await store.db.updateTable('officials').set(set).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setAttribution(store: Store, wardId: string, attribution: Attribution): Promise<boolean> {
  const result = await store.db.updateTable('wards').set({ attribution }).where('id', '=', wardId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** One official's name and ward, or undefined. */
export const officialById = (store: Store, id: string) =>
  store.db.selectFrom('officials').select(['id', 'ward_id', 'name']).where('id', '=', id).executeTakeFirst();
