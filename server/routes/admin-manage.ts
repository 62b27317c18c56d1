import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../shared/contract/admin-api';
import { hashPin } from '../../shared/technician/pin';
import { requireStrongPassword } from '../auth/password-policy';
import { hashPassword } from '../auth/secrets';
import { officialPhoto } from '../official-photo';
import { wardScope } from '../auth/sessions';
import type { Store } from '../db/connect';
import { declare, type Callers } from '../http/declare';
import { HttpError } from '../http/errors';
import { tt01Report } from '../reports/tt01';
import { tt01Xlsx } from '../reports/export';
import { periodLabel, reportFileName } from '../../shared/report/naming';
import { decideDossier, listDossierReviews } from '../dossiers';
import { templateOf } from '../ingest';
import { createUser, findUser } from '../repo/accounts';
import { noteChange } from '../repo/audit';
import { placeName, readDistrict } from '../repo/organisation';
import { feedbackWard, listFeedback, updateFeedback } from '../repo/feedback';
import { listOfficials, officialById, setAttribution, updateOfficial } from '../repo/officials';
import { latestTemplate, saveTemplateVersion } from '../repo/org';
import { assignTemplate, listTemplates, wardExists } from '../repo/wards';

/** The dashboard's API, part two: templates, ward settings, officials, feedback, accounts, Circular 01/2018. */
export async function manageRoutes(
  app: FastifyInstance,
  {
    store,
    now,
    callers,
    minResponses,
    feedbackDueDays,
  }: { store: Store; now: () => Date; callers: Callers; minResponses: number; feedbackDueDays: number },
) {
  declare(app, adminApi.templates, callers, async () => listTemplates(store));

  /** Editing never changes a version ratings were given on: it stores the next one. */
  declare(app, adminApi.saveTemplate, callers, async ({ user, body: { version: _ignored, ...template } }) => {
    const saved = await saveTemplateVersion(store, template, now());
    await noteChange(store, user, { action: 'template.save', subject: saved.name.vi, after: { version: saved.version } }, now());
    return saved;
  });

  declare(app, adminApi.assignTemplate, callers, async ({ user, params: { id }, body: { templateId } }) => {
    const template = await latestTemplate(store, templateId);
    if (!template) throw new HttpError(404, 'unknown_template', `No template ${templateId}`);
    if (!(await assignTemplate(store, id, templateId))) throw new HttpError(404, 'unknown_ward', `No ward ${id}`);
    const subject = `${await placeName(store, id)}: ${template.name.vi}`;
    await noteChange(store, user, { action: 'ward.template', subject, wardId: id, after: { template: template.name.vi } }, now());
    return { wardId: id, templateId };
  });

  // Officials and how a ward attributes ratings to them (kiosks get both with their configuration).
  declare(app, adminApi.officials, callers, async ({ user, query }) => listOfficials(store, wardScope(user, query.wardId)));

  declare(
    app,
    adminApi.updateOfficial,
    callers,
    async ({ user, params: { id }, body: change }) => {
      const found = await officialById(store, id);
      const official = found && { name: found.name, wardId: found.ward_id };
      if (!official) throw new HttpError(404, 'unknown_official', `No official ${id}`);
      // A ward leader sets the PINs of their own ward's officials.
      wardScope(user, official.wardId);
      // Hashed here, checked offline by the kiosks: the PIN itself is never stored or sent.
      const pin = change.pin === undefined ? undefined : change.pin === null ? null : await hashPin(change.pin);
      const photo = change.photo === undefined || change.photo === null ? change.photo : await officialPhoto(change.photo);
      if (!(await updateOfficial(store, id, { pin, photo }))) throw new HttpError(404, 'unknown_official', `No official ${id}`);
      // What changed, never the PIN nor its hash.
      const after = {
        ...(pin !== undefined && { pin: pin === null ? 'cleared' : 'set' }),
        ...(change.photo !== undefined && { photo: change.photo === null ? 'cleared' : 'set' }),
      };
      await noteChange(store, user, { action: 'official.pin', subject: official.name, wardId: official.wardId, after }, now());
      return pin === undefined ? { id } : { id, hasPin: pin !== null };
    },
    // A phone's photo, as base64 in a data: URL (5 MB of image); a larger body is refused unread.
    { bodyLimit: 7_200_000 },
  );

  declare(app, adminApi.setAttribution, callers, async ({ user, params: { id }, body: { attribution } }) => {
    if (!(await setAttribution(store, id, attribution))) throw new HttpError(404, 'unknown_ward', `No ward ${id}`);
    await noteChange(
      store,
      user,
      { action: 'ward.attribution', subject: await placeName(store, id), wardId: id, after: { attribution } },
      now(),
    );
    return { wardId: id, attribution };
  });

  declare(app, adminApi.feedback, callers, async ({ user, query: { overdue, ...query } }) =>
    listFeedback(
      store,
      { ...query, wardId: wardScope(user, query.wardId), ...(overdue && { overdue: overdue === 'true' }) },
      now(),
      feedbackDueDays,
    ),
  );

  declare(app, adminApi.updateFeedback, callers, async ({ user, params: { id }, body: update }) => {
    const wardId = await feedbackWard(store, id);
    if (!wardId) throw new HttpError(404, 'unknown_feedback', `No feedback ${id}`);
    wardScope(user, wardId);
    const updated = await updateFeedback(store, id, update, now());
    await noteChange(store, user, { action: 'feedback.update', subject: `Góp ý số ${id}`, wardId, after: update }, now());
    return updated;
  });

  declare(app, adminApi.createUser, callers, async ({ user, body }) => {
    if (body.wardId && !(await wardExists(store, body.wardId))) throw new HttpError(404, 'unknown_ward', `No ward ${body.wardId}`);
    if (await findUser(store, body.username)) throw new HttpError(409, 'username_taken', `The user name ${body.username} is taken.`);
    requireStrongPassword(body.password, [body.username]);
    await createUser(
      store,
      user,
      { username: body.username, passwordHash: await hashPassword(body.password), role: body.role, wardId: body.wardId },
      now(),
    );
    return { username: body.username, role: body.role, wardId: body.wardId };
  });

  declare(app, adminApi.dossierReviews, callers, async ({ user, query }) => listDossierReviews(store, wardScope(user, query.wardId)));

  declare(app, adminApi.decideDossier, callers, async ({ user, body }) => {
    await decideDossier(store, body, user.username, now(), (id, version) => templateOf(store, id, version));
    const after = { counted: body.countedRatingId !== null };
    await noteChange(store, user, { action: 'dossier.decide', subject: body.dossierCode, wardId: body.wardId, after }, now());
    return { ok: true as const };
  });

  declare(app, adminApi.tt01, callers, async ({ user, query, reply }) => {
    const wardId = wardScope(user, query.wardId);
    const report = await tt01Report(store, { quarter: query.quarter, wardId }, { minResponses });
    if (query.format !== 'xlsx') return report;
    const district = await readDistrict(store);
    const unit = wardId ? await placeName(store, wardId) : (district?.unit ?? '');
    const choice = { period: 'quarter' as const, at: query.quarter };
    const period = `${periodLabel(choice)} (từ ${report.from.split('-').reverse().join('/')} đến ${report.to.split('-').reverse().join('/')})`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${reportFileName('bao-cao-tt01', unit, choice, 'xlsx')}"`)
      .send(await tt01Xlsx(report, { district, period, now: now(), unit }));
  });
}
