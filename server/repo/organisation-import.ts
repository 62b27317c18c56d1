import type { ExistingOrganisation, Plan, WardRef } from '../../shared/organisation/import-plan';
import type { AdminUser } from '../auth/sessions';
import type { Store } from '../db/connect';
import { recordChange } from './audit';
import { latestTemplates } from './org';
import { newCounterId, newOfficialId, newWardId } from './organisation';

/** What the district has now, as the import plan compares rows against it. */
export async function existingOrganisation(store: Store, defaultTemplateId: string): Promise<ExistingOrganisation> {
  const [wards, counters, officials, templates] = await Promise.all([
    store.db.selectFrom('wards').selectAll().execute(),
    store.db.selectFrom('counters').selectAll().execute(),
    store.db.selectFrom('officials').select(['id', 'ward_id', 'name', 'title', 'active']).execute(),
    latestTemplates(store),
  ]);
  const latest = new Map([...templates].map(([id, template]) => [id, template.name.vi]));
  return {
    wards: wards
      .map((w) => ({
        id: w.id,
        name: w.name_vi,
        nameEn: w.name_en,
        leaderEmail: w.leader_email,
        templateId: w.template_id,
        retired: w.retired_at !== null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true })),
    counters: counters
      .map((c) => ({ wardId: c.ward_id, id: c.id, name: c.label_vi, nameEn: c.label_en, retired: c.retired_at !== null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true })),
    officials: officials
      .map((o) => ({ id: o.id, wardId: o.ward_id, name: o.name, title: o.title, active: o.active === 1 }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    templates: [...latest].map(([id, name]) => ({ id, name })),
    defaultTemplateId,
  };
}

/**
 * Applies a plan without problems in one transaction (all or nothing), each change with its audit
 * entry; the import itself is recorded once, with its counts.
 */
export async function applyImport(store: Store, who: Pick<AdminUser, 'id' | 'username'>, plan: Plan, now: Date) {
  const at = now.getTime();
  await store.db.transaction().execute(async (trx) => {
    const newWards = new Map<number, string>();
    const wardId = (ref: WardRef) => ('id' in ref ? ref.id : newWards.get(ref.newRow)!);
    for (const w of plan.wards) {
      if (w.kind === 'create') {
        const id = await newWardId(trx, w.name);
        await trx
          .insertInto('wards')
          .values({ id, name_vi: w.name, name_en: w.nameEn, leader_email: w.leaderEmail, template_id: w.templateId, created_at: at })
          .execute();
        newWards.set(w.row, id);
        await recordChange(
          trx,
          who,
          { action: 'ward.create', subject: w.name, wardId: id, after: { name: w.name, leaderEmail: w.leaderEmail } },
          now,
        );
      } else {
        const set = {
          ...(w.set.nameEn !== undefined && { name_en: w.set.nameEn }),
          ...(w.set.leaderEmail !== undefined && { leader_email: w.set.leaderEmail }),
          ...(w.set.templateId !== undefined && { template_id: w.set.templateId }),
        };
        await trx.updateTable('wards').set(set).where('id', '=', w.id).execute();
        await recordChange(trx, who, { action: 'ward.change', subject: w.name, wardId: w.id, after: w.after }, now);
      }
    }
    for (const c of plan.counters) {
      if (c.kind === 'create') {
        const ward = wardId(c.ward);
        const id = await newCounterId(trx, ward, c.name);
        await trx.insertInto('counters').values({ ward_id: ward, id, label_vi: c.name, label_en: c.nameEn }).execute();
        await recordChange(trx, who, { action: 'counter.create', subject: c.name, wardId: ward, after: { name: c.name } }, now);
      } else {
        await trx.updateTable('counters').set({ label_en: c.nameEn }).where('ward_id', '=', c.wardId).where('id', '=', c.id).execute();
        await recordChange(trx, who, { action: 'counter.change', subject: c.name, wardId: c.wardId, after: { nameEn: c.nameEn } }, now);
      }
    }
    for (const o of plan.officials) {
      if (o.kind === 'create') {
        const ward = wardId(o.ward);
        const id = await newOfficialId(trx, ward, o.name);
        await trx
          .insertInto('officials')
          .values({ id, ward_id: ward, name: o.name, title: o.title, active: o.active ? 1 : 0, created_at: at })
          .execute();
        await recordChange(
          trx,
          who,
          { action: 'official.create', subject: o.name, wardId: ward, after: { name: o.name, title: o.title } },
          now,
        );
      } else {
        const set = {
          ...(o.set.title !== undefined && { title: o.set.title }),
          ...(o.set.active !== undefined && { active: o.set.active ? 1 : 0 }),
        };
        await trx.updateTable('officials').set(set).where('id', '=', o.id).execute();
        await recordChange(trx, who, { action: 'official.change', subject: o.name, after: o.set }, now);
      }
    }
  });
}
