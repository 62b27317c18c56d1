import type { Kysely } from 'kysely';
import type { District, DistrictState, ManagedCounter, ManagedWard } from '../../shared/contract/district-api';
import { freeSlug, sameName } from '../../shared/organisation/slug';
import type { Store } from '../db/connect';
import type { Database } from '../db/tables';
import { HttpError } from '../http/errors';
import { isoAt } from '../time';

// The district's own description of itself: settings rows, wards, counters, officials. Nothing here
// deletes: a ward or counter retires and keeps its history.

const KEYS = { name: 'district_name', province: 'district_province', unit: 'district_unit' } as const;

export async function readDistrict(store: Store | { db: Kysely<Database> }): Promise<District | null> {
  const rows = await store.db.selectFrom('settings').selectAll().where('key', 'in', Object.values(KEYS)).execute();
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const name = value(KEYS.name);
  if (!name) return null;
  return { name, province: value(KEYS.province) ?? '', unit: value(KEYS.unit) ?? name };
}

export async function districtState(store: Store): Promise<DistrictState> {
  const district = await readDistrict(store);
  const demo = (await store.db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst())?.value === '1';
  const hasWard = (await store.db.selectFrom('wards').select('id').limit(1).executeTakeFirst()) !== undefined;
  return { district, demo, setup: !district ? 'district' : hasWard ? 'done' : 'wards' };
}

export async function saveDistrict(db: Kysely<Database>, district: District) {
  for (const [field, key] of Object.entries(KEYS) as [keyof District, string][]) {
    const value = district[field];
    const updated = await db.updateTable('settings').set({ value }).where('key', '=', key).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await db.insertInto('settings').values({ key, value }).execute();
  }
}

export async function managedWards(store: Store | { db: Kysely<Database> }, onlyWard?: string): Promise<ManagedWard[]> {
  // One ward (the answer to a change) reads that ward's rows only, not the district's.
  const all = store.db.selectFrom('wards').selectAll();
  const wards = await (onlyWard ? all.where('id', '=', onlyWard) : all).execute();
  const ids = wards.map((w) => w.id);
  if (ids.length === 0) return [];
  const counters = await store.db.selectFrom('counters').selectAll().where('ward_id', 'in', ids).execute();
  const kiosks = await store.db
    .selectFrom('kiosks')
    .select(['id', 'ward_id', 'counter_id', 'last_seen_at'])
    .where('revoked_at', 'is', null)
    .where('ward_id', 'in', ids)
    .execute();
  const officials = await store.db
    .selectFrom('officials')
    .select(['ward_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ward_id', 'in', ids)
    .groupBy('ward_id')
    .execute();
  // The monthly counts: a ward's total in a few rows a month rather than one a day.
  const ratings = await store.db
    .selectFrom('monthly_rating_counts')
    .select(['ward_id'])
    .select((eb) => eb.fn.sum<number>('count').as('n'))
    .where('ward_id', 'in', ids)
    .groupBy('ward_id')
    .execute();
  const counterOf = (c: (typeof counters)[number]): ManagedCounter => ({
    id: c.id,
    name: c.label_vi,
    nameEn: c.label_en,
    retiredAt: isoAt(c.retired_at),
    kiosks: kiosks
      .filter((k) => k.ward_id === c.ward_id && k.counter_id === c.id)
      .map((k) => ({ id: k.id, lastSeenAt: isoAt(k.last_seen_at) })),
  });
  return wards
    .map((w) => ({
      id: w.id,
      name: w.name_vi,
      nameEn: w.name_en,
      leaderEmail: w.leader_email,
      templateId: w.template_id,
      retiredAt: isoAt(w.retired_at),
      counters: counters
        .filter((c) => c.ward_id === w.id)
        .sort((a, b) => a.label_vi.localeCompare(b.label_vi, 'vi', { numeric: true }))
        .map(counterOf),
      officials: Number(officials.find((o) => o.ward_id === w.id)?.n ?? 0),
      ratings: Number(ratings.find((r) => r.ward_id === w.id)?.n ?? 0),
    }))
    .sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || a.name.localeCompare(b.name, 'vi', { numeric: true }));
}

/** A ward that exists and is not retired, or the error that says why not. */
export async function openWard(db: Kysely<Database>, wardId: string) {
  const ward = await db.selectFrom('wards').selectAll().where('id', '=', wardId).executeTakeFirst();
  if (!ward) throw new HttpError(404, 'unknown_ward', `No ward ${wardId}`);
  if (ward.retired_at !== null) throw new HttpError(409, 'ward_retired', `The ward ${ward.name_vi} is retired.`);
  return ward;
}

/** Refuses a ward name another ward already has (retired ones included: reports would confuse them). */
export async function refuseTakenWardName(db: Kysely<Database>, name: string, exceptId?: string) {
  const wards = await db.selectFrom('wards').select(['id', 'name_vi']).execute();
  if (wards.some((w) => w.id !== exceptId && sameName(w.name_vi, name)))
    throw new HttpError(409, 'name_taken', `Another ward is already called ${name}.`);
}

export async function refuseTakenCounterName(db: Kysely<Database>, wardId: string, name: string, exceptId?: string) {
  const counters = await db.selectFrom('counters').select(['id', 'label_vi']).where('ward_id', '=', wardId).execute();
  if (counters.some((c) => c.id !== exceptId && sameName(c.label_vi, name)))
    throw new HttpError(409, 'name_taken', `The ward already has a counter called ${name}.`);
}

export async function newWardId(db: Kysely<Database>, name: string) {
  const taken = new Set((await db.selectFrom('wards').select('id').execute()).map((w) => w.id));
  return freeSlug(name, taken);
}

export async function newCounterId(db: Kysely<Database>, wardId: string, name: string) {
  const taken = new Set((await db.selectFrom('counters').select('id').where('ward_id', '=', wardId).execute()).map((c) => c.id));
  return freeSlug(name, taken);
}

export async function newOfficialId(db: Kysely<Database>, wardId: string, name: string) {
  const taken = new Set((await db.selectFrom('officials').select('id').execute()).map((o) => o.id));
  return freeSlug(`${wardId} ${name}`, taken);
}

/** "UBND Phường 1 — Quầy số 2": how the audit log names a place (people read names, never ids). */
export async function placeName(store: Store, wardId: string, counterId?: string): Promise<string> {
  const ward = await store.db.selectFrom('wards').select('name_vi').where('id', '=', wardId).executeTakeFirst();
  if (counterId === undefined) return ward?.name_vi ?? wardId;
  const counter = await store.db
    .selectFrom('counters')
    .select('label_vi')
    .where('ward_id', '=', wardId)
    .where('id', '=', counterId)
    .executeTakeFirst();
  return `${ward?.name_vi ?? wardId} — ${counter?.label_vi ?? counterId}`;
}

/** A kiosk by its place: "Ki-ốt 7b0c1d2e, UBND Phường 1 — Quầy số 2". */
export async function kioskName(store: Store, kioskId: string): Promise<{ name: string; wardId: string | null }> {
  const kiosk = await store.db.selectFrom('kiosks').select(['ward_id', 'counter_id']).where('id', '=', kioskId).executeTakeFirst();
  if (!kiosk) return { name: `Ki-ốt ${kioskId.slice(0, 8)}`, wardId: null };
  return { name: `Ki-ốt ${kioskId.slice(0, 8)}, ${await placeName(store, kiosk.ward_id, kiosk.counter_id)}`, wardId: kiosk.ward_id };
}
