import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { adminApi, Role } from '../../shared/contract/admin-api';
import { IMPORT_BODY_LIMIT_BYTES } from '../../shared/contract/export-file';
import type { AlertService } from '../alerts/service';
import { hashToken, verifyPassword } from '../auth/secrets';
import { SESSION_COOKIE, startSession, wardScope } from '../auth/sessions';
import type { Store } from '../db/connect';
import { declare, type Callers } from '../http/declare';
import { HttpError } from '../http/errors';
import { importExportFile } from '../import-file';
import { reportCsv, reportXlsx } from '../reports/export';
import { periodLabel, reportFileName } from '../../shared/report/naming';
import { buildReport } from '../reports/query';
import { buildInsights } from '../reports/insights';
import { endSession, findUser } from '../repo/accounts';
import { createEnrolmentCode, createReenrolmentCode } from '../repo/enrolment';
import { listKiosks, revokeKiosk } from '../repo/fleet';
import { listWards } from '../repo/wards';
import { noteChange } from '../repo/audit';
import { kioskName, placeName, readDistrict } from '../repo/organisation';
import { isHttps, originOf, type PublicAddress } from '../http/origin';

/** The link the dashboard's QR code encodes: opening it on a browser kiosk enrols it. */
async function withLink(created: { code: string; expiresAt: string }, origin: string) {
  const link = `${origin}/kiosk/?enrol=${created.code}`;
  return { ...created, link, qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1 }) };
}

export interface AdminOptions {
  store: Store;
  now: () => Date;
  callers: Callers;
  minResponses: number;
  authRateLimit: number;
  alerts?: AlertService;
  legacyExportsUntil: string;
  address: PublicAddress;
}

/** The dashboard's API, part one: sign-in, wards, enrolment, the kiosk fleet, imports, reports. */
export async function adminRoutes(
  app: FastifyInstance,
  { store, now, callers, minResponses, authRateLimit, alerts, legacyExportsUntil, address }: AdminOptions,
) {
  declare(
    app,
    adminApi.login,
    callers,
    async ({ body: { username, password }, request, reply }) => {
      const user = await findUser(store, username);
      // Verify against a dummy hash too, so unknown names take as long as wrong passwords.
      const ok = await verifyPassword(password, user?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
      if (!user || !ok) throw new HttpError(401, 'bad_credentials', 'Wrong user name or password.');
      if (user.disabled_at !== null) throw new HttpError(403, 'account_disabled', 'This account is disabled.');
      // Secure whenever people reach the server over https, also when a proxy ends TLS before it.
      const secure = isHttps(address) || request.protocol === 'https';
      const csrfToken = await startSession(store, reply, user.id, now(), secure, request.headers['user-agent']);
      return {
        username: user.username,
        role: Role.parse(user.role),
        wardId: user.ward_id,
        csrfToken,
        mustChangePassword: user.must_change_password === 1,
      };
    },
    { config: { rateLimit: { max: authRateLimit, timeWindow: '1 minute' } } },
  );

  declare(app, adminApi.logout, callers, async ({ request, reply }) => {
    await endSession(store, hashToken(request.cookies[SESSION_COOKIE]!));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  declare(app, adminApi.session, callers, async ({ user }) => ({
    username: user.username,
    role: user.role,
    wardId: user.wardId,
    csrfToken: user.csrfToken,
    mustChangePassword: user.mustChangePassword,
  }));

  declare(app, adminApi.wards, callers, async ({ user }) => listWards(store, wardScope(user, undefined)));

  declare(app, adminApi.enrolmentCode, callers, async ({ user, body, request }) => {
    const created = await createEnrolmentCode(store, body, user.id, now());
    const subject = await placeName(store, body.wardId, body.counterId);
    await noteChange(store, user, { action: 'kiosk.enrolment-code', subject, wardId: body.wardId }, now());
    return withLink(created, originOf(address, request));
  });

  // For a revoked kiosk, or one whose token was lost: same kiosk, new token, its queue still counts.
  declare(app, adminApi.reenrolmentCode, callers, async ({ user, params, request }) => {
    const created = await createReenrolmentCode(store, params.id, user.id, now());
    const kiosk = await kioskName(store, params.id);
    await noteChange(store, user, { action: 'kiosk.reenrolment-code', subject: kiosk.name, wardId: kiosk.wardId }, now());
    return withLink(created, originOf(address, request));
  });

  declare(app, adminApi.kiosks, callers, async ({ user }) => listKiosks(store, { wardId: wardScope(user, undefined), now: now() }));

  declare(app, adminApi.revokeKiosk, callers, async ({ user, params }) => {
    if (!(await revokeKiosk(store, params.id, now()))) throw new HttpError(404, 'unknown_kiosk', 'No such active kiosk.');
    const kiosk = await kioskName(store, params.id);
    await noteChange(store, user, { action: 'kiosk.revoke', subject: kiosk.name, wardId: kiosk.wardId }, now());
    return { ok: true as const };
  });

  // A kiosk's export file, brought on a USB stick: signed by the kiosk, stored exactly once.
  declare(
    app,
    adminApi.importExport,
    callers,
    async ({ user, body: file, request }) => {
      const { acceptedIds, ceilingCrossed, ...summary } = await importExportFile(store, file, {
        wardScope: undefined,
        now,
        legacyExportsUntil,
      });
      const { accepted, duplicate, rejected } = summary;
      const after = { accepted, duplicate, rejected };
      const kiosk = await kioskName(store, summary.kioskId);
      await noteChange(store, user, { action: 'kiosk.import', subject: kiosk.name, wardId: summary.wardId, after }, now());
      await alerts?.afterRatings(summary.wardId, acceptedIds).catch((error: unknown) => request.log.error(error));
      if (ceilingCrossed) await alerts?.afterCeiling(summary.kioskId, summary.wardId).catch((error: unknown) => request.log.error(error));
      return summary;
    },
    // A kiosk writes files well within this (shared/contract/export-file.ts): nobody makes the server read more.
    { bodyLimit: IMPORT_BODY_LIMIT_BYTES },
  );

  declare(app, adminApi.insights, callers, async ({ user, query }) =>
    buildInsights(store, { ...query, wardId: wardScope(user, query.wardId) }),
  );

  declare(app, adminApi.report, callers, async ({ user, query, reply }) => {
    const scoped = { ...query, wardId: wardScope(user, query.wardId) };
    const report = await buildReport(store, scoped, { minResponses });
    // What, whose, when: bao-cao-hai-long_quan-go-vap_2026-Q4.xlsx (ASCII, as every browser saves it).
    const name = (extension: 'csv' | 'xlsx') => reportFileName('bao-cao-hai-long', report.unit, scoped, extension);
    if (scoped.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name('csv')}"`)
        .send(reportCsv(report));
    }
    if (scoped.format === 'xlsx') {
      const dates = `từ ${report.from.split('-').reverse().join('/')} đến ${report.to.split('-').reverse().join('/')}`;
      const period = scoped.period === 'custom' ? `từ ${periodLabel(scoped).replace(' – ', ' đến ')}` : `${periodLabel(scoped)} (${dates})`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name('xlsx')}"`)
        .send(await reportXlsx(report, { district: await readDistrict(store), period, now: now() }));
    }
    return report;
  });
}
