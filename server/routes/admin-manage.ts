import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Slug } from '../../shared/schema/common';
import { FeedbackStatus, FeedbackUpdate, Tt01Query } from '../../shared/schema/report';
import { Attribution, OfficialPhoto } from '../../shared/schema/kiosk-config';
import { SurveyTemplate } from '../../shared/schema/template';
import { hashPin, TechnicianPin } from '../../shared/technician/pin';
import { listOfficials, setAttribution, updateOfficial } from '../repo/officials';
import { hashPassword } from '../auth/secrets';
import { requireAdmin, requireDistrictAdmin, Role, wardScope } from '../auth/sessions';
import type { Store } from '../db/connect';
import { HttpError, parseInput } from '../http/errors';
import { latestTemplate, saveTemplateVersion } from '../repo/org';
import { tt01Report } from '../reports/tt01';
import { createUser, findUser } from '../repo/accounts';
import { feedbackWard, listFeedback, updateFeedback } from '../repo/feedback';
import { assignTemplate, listTemplates, wardExists } from '../repo/wards';

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
const OfficialsQuery = z.strictObject({ wardId: Slug.optional() });
const OfficialChange = z.strictObject({ pin: TechnicianPin.nullable().optional(), photo: OfficialPhoto.nullable().optional() });
const AttributionChange = z.strictObject({ attribution: Attribution });
const FeedbackQuery = z.strictObject({ status: FeedbackStatus.optional(), wardId: Slug.optional() });

/** Templates, ward assignments, feedback handling and the Circular 01/2018 report. */
export async function adminManage(app: FastifyInstance, { store, now, minResponses }: { store: Store; now: () => Date; minResponses: number }) {
  app.get('/api/v1/admin/templates', async (request) => {
    await requireAdmin(store, request, now());
    return listTemplates(store);
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
    if (!(await assignTemplate(store, id, templateId))) throw new HttpError(404, 'unknown_ward', `No ward ${id}`);
    return { wardId: id, templateId };
  });

  // Officials and how a ward attributes ratings to them (kiosks get both with their configuration).
  app.get('/api/v1/admin/officials', async (request) => {
    const user = await requireAdmin(store, request, now());
    const { wardId } = parseInput(OfficialsQuery, request.query, 'officials query');
    return listOfficials(store, wardScope(user, wardId));
  });

  app.put('/api/v1/admin/officials/:id', async (request) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const { id } = parseInput(WardParams, request.params, 'official');
    const change = parseInput(OfficialChange, request.body, 'official');
    // Hashed here, checked offline by the kiosks: the PIN itself is never stored or sent.
    const pin = change.pin === undefined ? undefined : change.pin === null ? null : await hashPin(change.pin);
    if (!(await updateOfficial(store, id, { pin, photo: change.photo }))) throw new HttpError(404, 'unknown_official', `No official ${id}`);
    return { id, hasPin: pin === undefined ? undefined : pin !== null };
  });

  app.put('/api/v1/admin/wards/:id/attribution', async (request) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const { id } = parseInput(WardParams, request.params, 'ward');
    const { attribution } = parseInput(AttributionChange, request.body, 'attribution');
    if (!(await setAttribution(store, id, attribution))) throw new HttpError(404, 'unknown_ward', `No ward ${id}`);
    return { wardId: id, attribution };
  });

  app.get('/api/v1/admin/feedback', async (request) => {
    const user = await requireAdmin(store, request, now());
    const query = parseInput(FeedbackQuery, request.query, 'feedback query');
    return listFeedback(store, { wardId: wardScope(user, query.wardId), status: query.status });
  });

  app.patch('/api/v1/admin/feedback/:id', async (request) => {
    const user = await requireAdmin(store, request, now());
    const { id } = parseInput(FeedbackParams, request.params, 'feedback');
    const update = parseInput(FeedbackUpdate, request.body, 'feedback update');
    const wardId = await feedbackWard(store, id);
    if (!wardId) throw new HttpError(404, 'unknown_feedback', `No feedback ${id}`);
    wardScope(user, wardId);
    return updateFeedback(store, id, update, now());
  });

  app.post('/api/v1/admin/users', async (request, reply) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const body = parseInput(NewUser, request.body, 'user');
    if (body.wardId && !(await wardExists(store, body.wardId))) {
      throw new HttpError(404, 'unknown_ward', `No ward ${body.wardId}`);
    }
    if (await findUser(store, body.username)) {
      throw new HttpError(409, 'username_taken', `The user name ${body.username} is taken.`);
    }
    await createUser(store, { username: body.username, passwordHash: await hashPassword(body.password), role: body.role, wardId: body.wardId }, now());
    return reply.status(201).send({ username: body.username, role: body.role, wardId: body.wardId });
  });

  app.get('/api/v1/reports/tt01', async (request) => {
    const user = await requireAdmin(store, request, now());
    const query = parseInput(Tt01Query, request.query, 'report query');
    return tt01Report(store, { quarter: query.quarter, wardId: wardScope(user, query.wardId) }, { minResponses });
  });
}
