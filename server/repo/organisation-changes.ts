import type { Kysely } from 'kysely';
import type { District } from '../../shared/contract/district-api';
import { recordChange } from './audit';
import type { AdminUser } from '../auth/sessions';
import type { Store } from '../db/connect';
import type { Database } from '../db/tables';
import { HttpError } from '../http/errors';
import {
  newCounterId,
  newOfficialId,
  newWardId,
  openWard,
  readDistrict,
  refuseTakenCounterName,
  refuseTakenWardName,
  saveDistrict,
} from './organisation';

// Every change to the organisation, each in one transaction with its audit entry. Nothing is deleted:
// a retired ward or counter keeps its ratings, and unused enrolment codes for it end with it.

type Who = Pick<AdminUser, 'id' | 'username'>;

/** The survey's name as people know it, for the audit log. */
const templateName = async (db: Kysely<Database>, id: string) => {
  const row = await db.selectFrom('templates').select('body').where('id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? (JSON.parse(row.body) as { name: { vi: string } }).name.vi : id;
};

export async function changeDistrict(store: Store, who: Who, district: District, now: Date) {
  await store.db.transaction().execute(async (trx) => {
    const before = await readDistrict({ db: trx });
    await saveDistrict(trx, district);
    await recordChange(trx, who, { action: 'district.change', subject: district.name, before, after: district }, now);
  });
}

export async function createWard(
  store: Store,
  who: Who,
  ward: { name: string; nameEn?: string; leaderEmail?: string | null; templateId: string },
  now: Date,
): Promise<string> {
  return store.db.transaction().execute(async (trx) => {
    await refuseTakenWardName(trx, ward.name);
    const id = await newWardId(trx, ward.name);
    const row = {
      name_vi: ward.name,
      name_en: ward.nameEn ?? ward.name,
      leader_email: ward.leaderEmail ?? null,
      template_id: ward.templateId,
    };
    await trx
      .insertInto('wards')
      .values({ id, ...row, created_at: now.getTime() })
      .execute();
    const after = {
      name: row.name_vi,
      nameEn: row.name_en,
      leaderEmail: row.leader_email,
      template: await templateName(trx, row.template_id),
    };
    await recordChange(trx, who, { action: 'ward.create', subject: ward.name, wardId: id, after }, now);
    return id;
  });
}

export async function changeWard(
  store: Store,
  who: Who,
  id: string,
  change: { name?: string; nameEn?: string; leaderEmail?: string | null },
  now: Date,
) {
  await store.db.transaction().execute(async (trx) => {
    const ward = await openWard(trx, id);
    if (change.name !== undefined) await refuseTakenWardName(trx, change.name, id);
    const set = {
      ...(change.name !== undefined && { name_vi: change.name }),
      ...(change.nameEn !== undefined && { name_en: change.nameEn }),
      ...(change.leaderEmail !== undefined && { leader_email: change.leaderEmail }),
    };
    await trx.updateTable('wards').set(set).where('id', '=', id).execute();
    // The log keeps the domain's words (name, nameEn, leaderEmail), never the columns'.
    const before = { name: ward.name_vi, nameEn: ward.name_en, leaderEmail: ward.leader_email };
    await recordChange(
      trx,
      who,
      { action: 'ward.change', subject: change.name ?? ward.name_vi, wardId: id, before, after: { ...before, ...change } },
      now,
    );
  });
}

export async function retireWard(store: Store, who: Who, id: string, now: Date) {
  await store.db.transaction().execute(async (trx) => {
    const ward = await openWard(trx, id);
    const at = now.getTime();
    await trx.updateTable('wards').set({ retired_at: at }).where('id', '=', id).execute();
    // A code not yet used would enrol a kiosk into a retired ward: it ends with the ward.
    await trx.updateTable('enrolment_codes').set({ expires_at: at }).where('ward_id', '=', id).where('used_at', 'is', null).execute();
    await recordChange(trx, who, { action: 'ward.retire', subject: ward.name_vi, wardId: id }, now);
  });
}

async function openCounter(trx: Kysely<Database>, wardId: string, counterId: string) {
  const counter = await trx.selectFrom('counters').selectAll().where('ward_id', '=', wardId).where('id', '=', counterId).executeTakeFirst();
  if (!counter) throw new HttpError(404, 'unknown_counter', `No counter ${counterId} in ward ${wardId}`);
  const ward = await openWard(trx, wardId);
  if (counter.retired_at !== null) throw new HttpError(409, 'counter_retired', `The counter ${counter.label_vi} is retired.`);
  return { ward, counter };
}

export async function createCounter(store: Store, who: Who, wardId: string, counter: { name: string; nameEn?: string }, now: Date) {
  return store.db.transaction().execute(async (trx) => {
    const ward = await openWard(trx, wardId);
    await refuseTakenCounterName(trx, wardId, counter.name);
    const id = await newCounterId(trx, wardId, counter.name);
    const row = { label_vi: counter.name, label_en: counter.nameEn ?? counter.name };
    await trx
      .insertInto('counters')
      .values({ ward_id: wardId, id, ...row })
      .execute();
    const after = { name: row.label_vi, nameEn: row.label_en };
    await recordChange(trx, who, { action: 'counter.create', subject: `${ward.name_vi} — ${counter.name}`, wardId, after }, now);
    return id;
  });
}

export async function changeCounter(
  store: Store,
  who: Who,
  wardId: string,
  counterId: string,
  change: { name?: string; nameEn?: string },
  now: Date,
) {
  await store.db.transaction().execute(async (trx) => {
    const { ward, counter } = await openCounter(trx, wardId, counterId);
    if (change.name !== undefined) await refuseTakenCounterName(trx, wardId, change.name, counterId);
    const set = {
      ...(change.name !== undefined && { label_vi: change.name }),
      ...(change.nameEn !== undefined && { label_en: change.nameEn }),
    };
    await trx.updateTable('counters').set(set).where('ward_id', '=', wardId).where('id', '=', counterId).execute();
    const before = { name: counter.label_vi, nameEn: counter.label_en };
    const subject = `${ward.name_vi} — ${change.name ?? counter.label_vi}`;
    await recordChange(trx, who, { action: 'counter.change', subject, wardId, before, after: { ...before, ...change } }, now);
  });
}

export async function retireCounter(store: Store, who: Who, wardId: string, counterId: string, now: Date) {
  await store.db.transaction().execute(async (trx) => {
    const counter = await trx
      .selectFrom('counters')
      .selectAll()
      .where('ward_id', '=', wardId)
      .where('id', '=', counterId)
      .executeTakeFirst();
    if (!counter) throw new HttpError(404, 'unknown_counter', `No counter ${counterId} in ward ${wardId}`);
    if (counter.retired_at !== null) throw new HttpError(409, 'counter_retired', `The counter ${counter.label_vi} is retired.`);
    const at = now.getTime();
    await trx.updateTable('counters').set({ retired_at: at }).where('ward_id', '=', wardId).where('id', '=', counterId).execute();
    await trx
      .updateTable('enrolment_codes')
      .set({ expires_at: at })
      .where('ward_id', '=', wardId)
      .where('counter_id', '=', counterId)
      .where('used_at', 'is', null)
      .execute();
    await recordChange(trx, who, { action: 'counter.retire', subject: counter.label_vi, wardId }, now);
  });
}

export async function createOfficial(store: Store, who: Who, official: { wardId: string; name: string; title?: string | null }, now: Date) {
  return store.db.transaction().execute(async (trx) => {
    await openWard(trx, official.wardId);
    const id = await newOfficialId(trx, official.wardId, official.name);
    const row = { id, ward_id: official.wardId, name: official.name, title: official.title ?? null, active: 1, created_at: now.getTime() };
    await trx.insertInto('officials').values(row).execute();
    await recordChange(
      trx,
      who,
      { action: 'official.create', subject: official.name, wardId: official.wardId, after: { name: row.name, title: row.title } },
      now,
    );
    return { id, wardId: official.wardId, name: official.name };
  });
}

export async function changeOfficial(
  store: Store,
  who: Who,
  id: string,
  change: { name?: string; title?: string | null; active?: boolean; wardId?: string },
  now: Date,
) {
  return store.db.transaction().execute(async (trx) => {
    const official = await trx.selectFrom('officials').selectAll().where('id', '=', id).executeTakeFirst();
    if (!official) throw new HttpError(404, 'unknown_official', `No official ${id}`);
    const moving = change.wardId !== undefined && change.wardId !== official.ward_id;
    if (moving) await openWard(trx, change.wardId!);
    const set = {
      ...(change.name !== undefined && { name: change.name }),
      ...(change.title !== undefined && { title: change.title }),
      ...(change.active !== undefined && { active: change.active ? 1 : 0 }),
      // Ratings keep the ward they were given in: the official's history stays with the old ward.
      ...(change.wardId !== undefined && { ward_id: change.wardId }),
    };
    await trx.updateTable('officials').set(set).where('id', '=', id).execute();
    const wardName = async (id: string) =>
      (await trx.selectFrom('wards').select('name_vi').where('id', '=', id).executeTakeFirst())?.name_vi ?? id;
    const before = { name: official.name, title: official.title, active: official.active === 1, ward: await wardName(official.ward_id) };
    const after = { ...before, ...change, ward: await wardName(change.wardId ?? official.ward_id) };
    delete (after as { wardId?: string }).wardId;
    await recordChange(
      trx,
      who,
      {
        action: moving ? 'official.move' : 'official.change',
        subject: after.name,
        wardId: change.wardId ?? official.ward_id,
        before,
        after,
      },
      now,
    );
    return { id, wardId: change.wardId ?? official.ward_id, name: after.name };
  });
}
