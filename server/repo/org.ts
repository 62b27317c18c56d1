import { KioskConfig } from '../../shared/schema/kiosk-config';
import { SurveyTemplate } from '../../shared/schema/template';
import type { Store } from '../db/connect';

/** The latest version of a template, or undefined. */
export async function latestTemplate(store: Store, templateId: string): Promise<SurveyTemplate | undefined> {
  const row = await store.db
    .selectFrom('templates')
    .select('body')
    .where('id', '=', templateId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? SurveyTemplate.parse(JSON.parse(row.body)) : undefined;
}

/** Each template at its latest version, by id: the words reports and lists name a survey and its criteria with. */
export async function latestTemplates(store: Store): Promise<Map<string, SurveyTemplate>> {
  const templates = new Map<string, SurveyTemplate>();
  for (const row of await store.db.selectFrom('templates').select(['id', 'version', 'body']).orderBy('version').execute()) {
    templates.set(row.id, SurveyTemplate.parse(JSON.parse(row.body)));
  }
  return templates;
}

/** Editing a template stores a new version; ratings keep the version they were given on. */
export async function saveTemplateVersion(store: Store, template: Omit<SurveyTemplate, 'version'>, now: Date) {
  const current = await latestTemplate(store, template.id);
  const next = SurveyTemplate.parse({ ...template, version: (current?.version ?? 0) + 1 });
  await store.db
    .insertInto('templates')
    .values({ id: next.id, version: next.version, body: JSON.stringify(next), created_at: now.getTime() })
    .execute();
  return next;
}

/** What a kiosk at this ward and counter runs with: built from the server's records each time. */
export async function kioskConfigFor(store: Store, kiosk: { id: string; ward_id: string; counter_id: string }): Promise<KioskConfig> {
  const ward = await store.db.selectFrom('wards').selectAll().where('id', '=', kiosk.ward_id).executeTakeFirstOrThrow();
  const counter = await store.db
    .selectFrom('counters')
    .selectAll()
    .where('ward_id', '=', kiosk.ward_id)
    .where('id', '=', kiosk.counter_id)
    .executeTakeFirstOrThrow();
  const template = await latestTemplate(store, ward.template_id);
  if (!template) throw new Error(`ward ${ward.id} has no template ${ward.template_id}`);
  const officials = await store.db
    .selectFrom('officials')
    .select(['id', 'name', 'title', 'photo', 'pin'])
    .where('ward_id', '=', ward.id)
    .where('active', '=', 1)
    .orderBy('name')
    .execute();
  return KioskConfig.parse({
    attribution: ward.attribution,
    officials: officials.map((o) => ({ ...o, pin: o.pin === null ? null : (JSON.parse(o.pin) as unknown) })),
    kioskId: kiosk.id,
    ward: { id: ward.id, name: { vi: ward.name_vi, en: ward.name_en } },
    counter: { id: counter.id, label: { vi: counter.label_vi, en: counter.label_en } },
    template,
    retired: ward.retired_at !== null || counter.retired_at !== null,
  });
}
