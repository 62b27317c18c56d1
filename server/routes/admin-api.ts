import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { Slug } from '../../shared/schema/common';
import { ReportQuery } from '../../shared/schema/report';
import { ExportFile } from '../../shared/sync/export-file';
import { hashToken, verifyPassword } from '../auth/secrets';
import { requireAdmin, requireDistrictAdmin, SESSION_COOKIE, startSession, wardScope } from '../auth/sessions';
import type { Store } from '../db/connect';
import { createEnrolmentCode, createReenrolmentCode } from '../repo/enrolment';
import { HttpError, parseInput } from '../http/errors';
import { importExportFile } from '../import-file';
import type { AlertService } from '../alerts/service';
import { reportCsv, reportXlsx } from '../reports/export';
import { buildReport } from '../reports/query';
import { endSession, findUser } from '../repo/accounts';
import { listKiosks, revokeKiosk } from '../repo/fleet';
import { listWards } from '../repo/wards';

const Login = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
const NewEnrolment = z.strictObject({ wardId: Slug, counterId: Slug });
const KioskParams = z.strictObject({ id: z.uuid() });

/** The link the dashboard's QR code encodes: opening it on a browser kiosk enrols it. */
async function withLink(created: { code: string; expiresAt: string }, origin: string) {
  const link = `${origin}/kiosk/?enrol=${created.code}`;
  return { ...created, link, qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1 }) };
}

export interface AdminOptions {
  store: Store;
  now: () => Date;
  minResponses?: number;
  authRateLimit?: number;
  alerts?: AlertService;
}

/** The dashboard's API: sign-in, enrolment codes, the kiosk fleet, reports. */
export async function adminApi(app: FastifyInstance, { store, now, minResponses = 30, authRateLimit = 10, alerts }: AdminOptions) {
  await app.register(async (limited) => {
    await limited.register(rateLimit, { max: authRateLimit, timeWindow: '1 minute' });
    limited.post('/api/v1/admin/login', async (request, reply) => {
      const { username, password } = parseInput(Login, request.body, 'sign-in');
      const user = await findUser(store, username);
      // Verify against a dummy hash too, so unknown names take as long as wrong passwords.
      const ok = await verifyPassword(password, user?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
      if (!user || !ok) throw new HttpError(401, 'bad_credentials', 'Wrong user name or password.');
      const csrfToken = await startSession(store, reply, user.id, now(), request.protocol === 'https');
      return { username: user.username, role: user.role, wardId: user.ward_id, csrfToken };
    });
  });

  app.post('/api/v1/admin/logout', async (request, reply) => {
    await requireAdmin(store, request, now());
    await endSession(store, hashToken(request.cookies[SESSION_COOKIE]!));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/v1/admin/session', async (request) => {
    const user = await requireAdmin(store, request, now());
    return { username: user.username, role: user.role, wardId: user.wardId, csrfToken: user.csrfToken };
  });

  app.get('/api/v1/admin/wards', async (request) => {
    const user = await requireAdmin(store, request, now());
    return listWards(store, wardScope(user, undefined));
  });

  app.post('/api/v1/admin/enrolment-codes', async (request, reply) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const place = parseInput(NewEnrolment, request.body, 'enrolment code');
    const created = await createEnrolmentCode(store, place, user.id, now());
    return reply.status(201).send(await withLink(created, `${request.protocol}://${request.host}`));
  });

  // For a revoked kiosk, or one whose token was lost: same kiosk, new token, its queue still counts.
  app.post('/api/v1/admin/kiosks/:id/reenrolment-code', async (request, reply) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const { id } = parseInput(KioskParams, request.params, 'kiosk');
    const created = await createReenrolmentCode(store, id, user.id, now());
    return reply.status(201).send(await withLink(created, `${request.protocol}://${request.host}`));
  });

  app.get('/api/v1/admin/kiosks', async (request) => {
    const user = await requireAdmin(store, request, now());
    return listKiosks(store, { wardId: wardScope(user, undefined), now: now() });
  });

  app.post('/api/v1/admin/kiosks/:id/revoke', async (request) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const { id } = parseInput(KioskParams, request.params, 'kiosk');
    if (!(await revokeKiosk(store, id, now()))) throw new HttpError(404, 'unknown_kiosk', 'No such active kiosk.');
    return { ok: true };
  });

  // A kiosk's export file, brought on a USB stick: signed by the kiosk, stored exactly once.
  app.post('/api/v1/admin/imports', { bodyLimit: 160 * 1024 * 1024 }, async (request) => {
    const user = await requireAdmin(store, request, now());
    requireDistrictAdmin(user);
    const file = parseInput(ExportFile, request.body, 'export file');
    const summary = await importExportFile(store, file, { wardScope: undefined, now });
    await alerts?.afterRatings(summary.wardId, summary.acceptedIds).catch((error: unknown) => request.log.error(error));
    const { acceptedIds: _ids, ...answer } = summary;
    return answer;
  });

  app.get('/api/v1/reports', async (request, reply) => {
    const user = await requireAdmin(store, request, now());
    const query = parseInput(ReportQuery, request.query, 'report query');
    query.wardId = wardScope(user, query.wardId);
    const report = await buildReport(store, query, { minResponses });
    const name = `bao-cao-${report.from}-${report.to}-${query.groupBy}`;
    if (query.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(reportCsv(report));
    }
    if (query.format === 'xlsx') {
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await reportXlsx(report));
    }
    return report;
  });
}
