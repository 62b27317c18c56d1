import { expect, test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { join } from 'node:path';
import { startNginx } from '../support/nginx';
import { freePort, startServerProcess } from '../support/server-process';
import { finishEnrolment } from '../support/technician-pin';
import { sendAfterFirstTap } from './support';

// The server as a district deploys it: behind Debian's nginx terminating TLS, with
// HAILONG_PUBLIC_URL and HAILONG_TRUST_PROXY. Everything here goes through the proxy.

const PASSWORD = 'mat-khau-may-chu-quan';
let server: ChildProcess;
let proxy: Awaited<ReturnType<typeof startNginx>>;
let dataDir: string;
let origin: string;

test.use({ ignoreHTTPSErrors: true });

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hai-long-proxied-'));
  const port = await freePort();
  proxy = await startNginx(port);
  origin = `https://127.0.0.1:${proxy.https}`;
  server = await startServerProcess({
    dataDir,
    port,
    adminPassword: PASSWORD,
    env: { HAILONG_PUBLIC_URL: origin, HAILONG_TRUST_PROXY: '127.0.0.1', HAILONG_AUTH_RATE_LIMIT: '3' },
  });
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  proxy?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** A request through the proxy from a given loopback address (each one a different client). */
function through(
  path: string,
  options: { method?: string; from?: string; headers?: Record<string, string>; body?: unknown; plain?: boolean } = {},
) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const send = options.plain ? httpRequest : httpsRequest;
    const req = send(
      {
        host: '127.0.0.1',
        port: options.plain ? proxy.http : proxy.https,
        path,
        method: options.method ?? 'GET',
        localAddress: options.from ?? '127.0.0.1',
        ca: proxy.certificate,
        // The certificate is the proxy's own address's, whatever Host the request names.
        checkServerIdentity: (_host: string, cert: PeerCertificate) => checkServerIdentity('127.0.0.1', cert),
        headers: { ...(body && { 'content-type': 'application/json' }), ...options.headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('behind nginx with TLS: Secure sign-in, enrolment by the QR link, sync, per-client limits, a forged Host changing nothing', async ({
  page,
}) => {
  // The dashboard through the proxy: the session cookie is Secure, HSTS is sent.
  const first = await page.goto(`${origin}/admin/`);
  expect(first?.headers()['strict-transport-security']).toBe('max-age=31536000');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Báo cáo' })).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name === 'hl_session');
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });

  // The enrolment link and its QR code name the public address; the kiosk enrols through it and syncs.
  await page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();
  await page.getByLabel('Phường').selectOption({ label: 'UBND Phường Tràng Tiền' });
  await page.getByLabel('Quầy').selectOption({ label: 'Quầy số 1' });
  await page.getByRole('button', { name: 'Tạo mã đăng ký' }).click();
  const link = (await page.locator('.enrolment a').getAttribute('href'))!;
  expect(link.startsWith(`${origin}/kiosk/?enrol=`)).toBe(true);
  const kiosk = await page.context().newPage();
  await kiosk.goto(link);
  await finishEnrolment(kiosk);
  await kiosk.getByRole('button', { name: 'Rất hài lòng', exact: true }).click();
  await sendAfterFirstTap(kiosk);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await expect
    .poll(
      async () => {
        const report = await (
          await page.request.get(`${origin}/api/v1/reports?period=day&at=${today}&groupBy=counter&wardId=trang-tien`)
        ).json();
        return report.rows.find((r: { key: string }) => r.key === 'trang-tien/quay-1')?.count ?? 0;
      },
      { timeout: 20_000 },
    )
    .toBe(1);

  // A forged Host changes nothing: the link still names the public address.
  const csrf = (await (await page.request.get(`${origin}/api/v1/admin/session`)).json()).csrfToken as string;
  const forged = await through('/api/v1/admin/enrolment-codes', {
    method: 'POST',
    headers: { host: 'evil.example', cookie: `hl_session=${session!.value}`, 'x-csrf-token': csrf },
    body: { wardId: 'trang-tien', counterId: 'quay-2' },
  });
  expect(forged.status).toBe(201);
  expect(JSON.parse(forged.body).link).toMatch(new RegExp(`^${origin.replaceAll('.', '\\.')}/kiosk/\\?enrol=`));

  // Sign-in attempts are counted per real client behind the proxy, whatever a client claims.
  const wrong = (from: string) =>
    through('/api/v1/admin/login', {
      method: 'POST',
      from,
      headers: { 'x-forwarded-for': '198.51.100.1' },
      body: { username: 'admin', password: 'sai-mat-khau' },
    });
  for (let i = 0; i < 3; i++) expect((await wrong('127.0.0.2')).status).toBe(401);
  expect((await wrong('127.0.0.2')).status).toBe(429);
  expect((await wrong('127.0.0.3')).status).toBe(401);

  // Plain http forwarded by the proxy is sent to https; health checks are not.
  const plain = await through('/admin/', { plain: true });
  expect([plain.status, plain.headers.location]).toEqual([301, `${origin}/admin/`]);
  expect((await through('/readyz', { plain: true })).status).toBe(200);
});
