import type { FastifyInstance } from 'fastify';
import { districtApi } from '../../shared/contract/district-api';
import { builtinTemplates } from '../../shared/templates/builtin';
import { listChanges } from '../repo/audit';
import type { Store } from '../db/connect';
import { declare, type Callers } from '../http/declare';
import { HttpError } from '../http/errors';
import { latestTemplate } from '../repo/org';
import { districtState, managedWards } from '../repo/organisation';
import {
  changeCounter,
  changeDistrict,
  changeOfficial,
  changeWard,
  createCounter,
  createOfficial,
  createWard,
  retireCounter,
  retireWard,
} from '../repo/organisation-changes';
import { csvOf } from '../reports/export';
import { auditActionName } from '../../shared/audit/actions';
import { planImport } from '../../shared/organisation/import-plan';
import { organisationWorkbook, readOrganisationWorkbook } from '../organisation-spreadsheet';
import { applyImport, existingOrganisation } from '../repo/organisation-import';

/** A new ward's survey until the district chooses: the five-level SIPAS survey with its five criteria. */
const DEFAULT_TEMPLATE = builtinTemplates.find((t) => t.id === 'sipas-5')?.id ?? builtinTemplates[0]!.id;

/** The district describes itself: its name, wards, counters and officials, each change in the audit log. */
export async function districtRoutes(app: FastifyInstance, { store, now, callers }: { store: Store; now: () => Date; callers: Callers }) {
  const wardById = async (id: string) => (await managedWards(store, id))[0]!;
  const counterIn = async (wardId: string, counterId: string) => (await wardById(wardId)).counters.find((c) => c.id === counterId)!;

  declare(app, districtApi.district, callers, async () => districtState(store));

  declare(app, districtApi.saveDistrict, callers, async ({ user, body }) => {
    await changeDistrict(store, user, body, now());
    return districtState(store);
  });

  declare(app, districtApi.managedWards, callers, async () => managedWards(store));

  declare(app, districtApi.createWard, callers, async ({ user, body, reply }) => {
    const templateId = body.templateId ?? DEFAULT_TEMPLATE;
    if (!(await latestTemplate(store, templateId))) throw new HttpError(404, 'unknown_template', `No template ${templateId}`);
    const id = await createWard(store, user, { ...body, templateId }, now());
    reply.code(201);
    return wardById(id);
  });

  declare(app, districtApi.changeWard, callers, async ({ user, params: { id }, body }) => {
    await changeWard(store, user, id, body, now());
    return wardById(id);
  });

  declare(app, districtApi.retireWard, callers, async ({ user, params: { id } }) => {
    await retireWard(store, user, id, now());
    return wardById(id);
  });

  declare(app, districtApi.createCounter, callers, async ({ user, params: { id }, body, reply }) => {
    const counterId = await createCounter(store, user, id, body, now());
    reply.code(201);
    return counterIn(id, counterId);
  });

  declare(app, districtApi.changeCounter, callers, async ({ user, params: { id, counterId }, body }) => {
    await changeCounter(store, user, id, counterId, body, now());
    return counterIn(id, counterId);
  });

  declare(app, districtApi.retireCounter, callers, async ({ user, params: { id, counterId } }) => {
    await retireCounter(store, user, id, counterId, now());
    return counterIn(id, counterId);
  });

  declare(app, districtApi.createOfficial, callers, async ({ user, body, reply }) => {
    const official = await createOfficial(store, user, body, now());
    reply.code(201);
    return official;
  });

  declare(app, districtApi.changeOfficial, callers, async ({ user, params: { id }, body }) => changeOfficial(store, user, id, body, now()));

  declare(app, districtApi.spreadsheet, callers, async ({ reply }) => {
    const workbook = await organisationWorkbook(await existingOrganisation(store, DEFAULT_TEMPLATE));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="to-chuc-${now().toISOString().slice(0, 10)}.xlsx"`)
      .send(workbook);
  });

  // A preview first (apply: false); applied only when asked and only without a problem, all at once.
  declare(
    app,
    districtApi.importSpreadsheet,
    callers,
    async ({ user, body }) => {
      const book = await readOrganisationWorkbook(Buffer.from(body.file, 'base64'));
      const plan = planImport(book, await existingOrganisation(store, DEFAULT_TEMPLATE));
      const count = (kind: string) => plan.steps.filter((s) => s.kind === kind).length;
      const applied = body.apply && plan.problems.length === 0 && (count('create') > 0 || count('change') > 0);
      if (applied) await applyImport(store, user, plan, now());
      return {
        steps: plan.steps,
        problems: plan.problems,
        applied,
        created: count('create'),
        changed: count('change'),
        unchanged: count('same'),
      };
    },
    { bodyLimit: 8 * 1024 * 1024 },
  );

  declare(app, districtApi.auditLog, callers, async ({ query, reply }) => {
    const entries = await listChanges(store, query);
    if (query.format !== 'csv') return entries;
    const json = (v: unknown) => (v === null ? '' : JSON.stringify(v));
    const rows = [['Thời điểm', 'Tài khoản', 'Thao tác', 'Đối tượng', 'Phường', 'Trước', 'Sau']];
    for (const e of entries)
      rows.push([e.at, e.username, auditActionName(e.action, 'vi'), e.subject, e.wardName ?? '', json(e.before), json(e.after)]);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="nhat-ky-thay-doi-${now().toISOString().slice(0, 10)}.csv"`)
      .send(csvOf(rows));
  });
}
