import type { Ward } from '../../shared/contract/admin-api';
import { Attribution } from '../../shared/schema/kiosk-config';
import { SurveyTemplate } from '../../shared/schema/template';
import type { Store } from '../db/connect';

/** Wards with their counters (one ward for a ward viewer), by name. */
export async function listWards(store: Store, wardId?: string): Promise<Ward[]> {
  let q = store.db.selectFrom('wards').select(['id', 'name_vi', 'name_en', 'template_id', 'attribution', 'retired_at']);
  if (wardId) q = q.where('id', '=', wardId);
  const wards = await q.execute();
  const counters = await store.db.selectFrom('counters').selectAll().orderBy('id').execute();
  return wards
    .map((w) => ({
      id: w.id,
      name: { vi: w.name_vi, en: w.name_en },
      templateId: w.template_id,
      attribution: Attribution.catch('none').parse(w.attribution),
      retired: w.retired_at !== null,
      counters: counters
        .filter((c) => c.ward_id === w.id)
        .map((c) => ({ id: c.id, label: { vi: c.label_vi, en: c.label_en }, retired: c.retired_at !== null })),
    }))
    .sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'));
}

export async function wardExists(store: Store, wardId: string): Promise<boolean> {
  return (await store.db.selectFrom('wards').select('id').where('id', '=', wardId).executeTakeFirst()) !== undefined;
}

/** Points a ward at a template (its latest version from then on); false when there is no such ward. */
export async function assignTemplate(store: Store, wardId: string, templateId: string): Promise<boolean> {
  const result = await store.db.updateTable('wards').set({ template_id: templateId }).where('id', '=', wardId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every template at its latest version, with the list of its versions. */
export async function listTemplates(store: Store) {
  const rows = await store.db.selectFrom('templates').select(['id', 'version', 'body']).orderBy('id').orderBy('version').execute();
  const latest = new Map<string, SurveyTemplate & { versions: number[] }>();
  for (const row of rows) {
    const template = SurveyTemplate.parse(JSON.parse(row.body));
    latest.set(row.id, { ...template, versions: [...(latest.get(row.id)?.versions ?? []), row.version] });
  }
  return [...latest.values()];
}
