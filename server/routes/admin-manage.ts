import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Slug } from '../../shared/schema/common';
import { FeedbackStatus, FeedbackUpdate, Tt01Query } from '../../shared/schema/report';
import { SurveyTemplate } from '../../shared/schema/template';
import { hashPassword } from '../auth/secrets';
import { requireAdmin, requireDistrictAdmin, Role, wardScope } from '../auth/sessions';
import type { Store } from '../db/connect';
import { HttpError, parseInput } from '../http/errors';
import { latestTemplate, saveTemplateVersion } from '../org';
import { tt01Report } from '../reports/tt01';

const Assignment = z.strictObject({ templateId: Slug });
const WardParams = z.strictObject({ id: Slug });
const FeedbackParams = z.strictObject({ id: z.coerce.number().int().min(1) });
const NewUser = z
  .strictObject({
    username: z.string().trim().min(3).max(64).regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, dot, dash, underscore'),
    password: z.string().min(10).max(200),
    role: Role,
    wardId: Slug.nullable(),
  })
  .refine((u) => (u.role === 'ward_viewer') === (u.wardId !== null), 'a ward viewer has a ward; a district admin has none');
const FeedbackQuery = z.strictObject({ status: FeedbackStatus.optional(), wardId: Slug.optional() });

/** Templates, ward assignments, feedback handling and the Circular 01/2018 report. */
export async function adminManage(app: FastifyInstance, { store, now, minResponses }: { store: Store; now: () => Date; minResponses: number }) {
  app.get('/api/v1/admin/templates', async (request) => {
    await requireAdmin(store, request, now());
    const rows = await store.db.selectFrom('templates').select(['id', 'version', 'body']).orderBy('id').orderBy('version').execute();
    const latest = new Map<string, SurveyTemplate & { versions: number[] }>();
    for (const row of rows) {
      const template = SurveyTemplate.parse(JSON.parse(row.body));
      latest.set(row.id, { ...template, versions: [...(latest.get(row.id)?.versions ?? []), row.version] });
    }
    return [...latest.values()];
  });

  /** Editing never changes a version ratings were given on: it stores the next one. */
  app.post('/api/v1/admin/templates', async (request, reply) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    // The version is the server's to give: whatever the body says is replaced.
    const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
    const template = parseInput(SurveyTemplate, { ...body, version: 1 }, 'template');
    const { version: _version, ...fields } = template;
    return reply.status(201).send(await saveTemplateVersion(store, fields, now()));
  });

  app.put('/api/v1/admin/wards/:id/template', async (request) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const { id } = parseInput(WardParams, request.params, 'ward');
    const { templateId } = parseInput(Assignment, request.body, 'assignment');
    if (!(await latestTemplate(store, templateId))) throw new HttpError(404, 'unknown_template', `No template ${templateId}`);
    const result = await store.db.updateTable('wards').set({ template_id: templateId }).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new HttpError(404, 'unknown_ward', `No ward ${id}`);
    return { wardId: id, templateId };
  });

  app.get('/api/v1/admin/feedback', async (request) => {
    const user = await requireAdmin(store, request, now());
    const query = parseInput(FeedbackQuery, request.query, 'feedback query');
    const ward = wardScope(user, query.wardId);
    let q = store.db.selectFrom('feedback').selectAll().orderBy('created_at', 'desc').limit(500);
    if (ward) q = q.where('ward_id', '=', ward);
    if (query.status) q = q.where('status', '=', query.status);
    return q.execute();
  });

  app.patch('/api/v1/admin/feedback/:id', async (request) => {
    const user = await requireAdmin(store, request, now());
    const { id } = parseInput(FeedbackParams, request.params, 'feedback');
    const update = parseInput(FeedbackUpdate, request.body, 'feedback update');
    const item = await store.db.selectFrom('feedback').select(['id', 'ward_id']).where('id', '=', id).executeTakeFirst();
    if (!item) throw new HttpError(404, 'unknown_feedback', `No feedback ${id}`);
    wardScope(user, item.ward_id);
    await store.db
      .updateTable('feedback')
      .set({
        ...(update.status !== undefined && { status: update.status }),
        ...(update.assignee !== undefined && { assignee: update.assignee }),
        ...(update.responseNote !== undefined && { response_note: update.responseNote }),
        updated_at: now().getTime(),
      })
      .where('id', '=', id)
      .execute();
    return store.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });

  app.post('/api/v1/admin/users', async (request, reply) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const body = parseInput(NewUser, request.body, 'user');
    if (body.wardId && !(await store.db.selectFrom('wards').select('id').where('id', '=', body.wardId).executeTakeFirst())) {
      throw new HttpError(404, 'unknown_ward', `No ward ${body.wardId}`);
    }
    if (await store.db.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst()) {
      throw new HttpError(409, 'username_taken', `The user name ${body.username} is taken.`);
    }
    await store.db
      .insertInto('users')
      .values({ username: body.username, password_hash: await hashPassword(body.password), role: body.role, ward_id: body.wardId, created_at: now().getTime() })
      .execute();
    return reply.status(201).send({ username: body.username, role: body.role, wardId: body.wardId });
  });

  app.get('/api/v1/reports/tt01', async (request) => {
    const user = await requireAdmin(store, request, now());
    const query = parseInput(Tt01Query, request.query, 'report query');
    return tt01Report(store, { quarter: query.quarter, wardId: wardScope(user, query.wardId) }, { minResponses });
  });
}
