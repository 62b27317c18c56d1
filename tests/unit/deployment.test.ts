import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readServerEnv } from '../../server/config';
import { purgeExpired } from '../../server/repo/housekeeping';
import { engines, testServer } from './support/server-harness';

// The server as a district runs it: behind an HTTPS proxy, at the address people use, logged without
// secrets, its health and readiness asked by a load balancer, its leftovers purged.

describe('settings a district sets', () => {
  it.each([
    [{ HOST: '0.0.0.0' }, /HAILONG_PUBLIC_URL is required when HOST \(0\.0\.0\.0\) is not a loopback address/],
    [{ HAILONG_PUBLIC_URL: 'ftp://hailong.example' }, /http:\/\/ or https:\/\//],
    [{ HAILONG_TRUST_PROXY: '10.0.0.0/33' }, /IP address or a CIDR/],
    [{ HAILONG_TRUST_PROXY: 'proxy.local' }, /IP address or a CIDR/],
    [{ HAILONG_LOG_LEVEL: 'verbose' }, /HAILONG_LOG_LEVEL/],
  ])('%j is refused with a reason', (env, reason) => {
    expect(() => readServerEnv(env)).toThrow(reason);
  });

  it('takes a public address, trusted proxies and a log level', () => {
    const env = readServerEnv({
      HOST: '0.0.0.0',
      HAILONG_PUBLIC_URL: 'https://hailong.govap.gov.vn/',
      HAILONG_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16, ::1',
      HAILONG_LOG_LEVEL: 'warn',
    });
    expect([env.HAILONG_PUBLIC_URL, env.HAILONG_TRUST_PROXY, env.HAILONG_LOG_LEVEL]).toEqual([
      'https://hailong.govap.gov.vn',
      ['10.0.0.5', '10.1.0.0/16', '::1'],
      'warn',
    ]);
    expect(readServerEnv({}).HAILONG_LOG_LEVEL).toBe('info');
  });
});

describe('behind an https proxy', () => {
  it('builds links from the public address, never from a forged Host; Secure cookies and HSTS', async () => {
    const server = await testServer('sqlite', undefined, { publicUrl: 'https://hailong.govap.gov.vn', trustProxy: ['127.0.0.1'] });
    try {
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/v1/admin/login',
        headers: { host: 'evil.example', 'x-forwarded-proto': 'https' },
        payload: { username: 'admin', password: 'correct-horse-battery' },
      });
      expect(login.headers['set-cookie']).toMatch(/; Secure/);
      expect(login.headers['strict-transport-security']).toBe('max-age=31536000');
      const session = login.cookies.find((c) => c.name === 'hl_session')!;
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/v1/admin/enrolment-codes',
        headers: {
          host: 'evil.example',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'evil.example',
          cookie: `hl_session=${session.value}`,
          'x-csrf-token': login.json().csrfToken,
        },
        payload: { wardId: 'trang-tien', counterId: 'quay-1' },
      });
      expect(created.json().link).toMatch(/^https:\/\/hailong\.govap\.gov\.vn\/kiosk\/\?enrol=/);
      expect(created.json().qrSvg).toContain('<svg');
    } finally {
      await server.close();
    }
  });

  it('an alert e-mail links to the dashboard at the public address', async () => {
    const sent: { subject: string; text: string }[] = [];
    const mailer = { send: async (message: { subject: string; text: string }) => void sent.push(message) };
    const server = await testServer('sqlite', undefined, { publicUrl: 'https://hailong.govap.gov.vn', mailer });
    try {
      const kiosk = await server.enrolKiosk();
      await server.sendBatch(kiosk, [server.rating(kiosk, { overall: 1, comment: 'Chờ quá lâu' })]);
      await expect.poll(() => sent.length).toBe(1);
      expect(sent[0]!.text).toContain('Xem trên trang quản trị: https://hailong.govap.gov.vn/admin/');
    } finally {
      await server.close();
    }
  });

  it('sends what the trusted proxy forwarded as plain http to https, but not a health check', async () => {
    const server = await testServer('sqlite', undefined, { publicUrl: 'https://hailong.govap.gov.vn', trustProxy: ['127.0.0.1'] });
    try {
      const viaProxy = { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-proto': 'http', 'x-forwarded-for': '203.0.113.7' } };
      const page = await server.app.inject({ method: 'GET', url: '/admin/?x=1', ...viaProxy });
      expect([page.statusCode, page.headers.location]).toEqual([301, 'https://hailong.govap.gov.vn/admin/?x=1']);
      const post = await server.app.inject({ method: 'POST', url: '/api/v1/ratings/batches', ...viaProxy });
      expect(post.statusCode).toBe(308);
      expect((await server.app.inject({ method: 'GET', url: '/healthz', ...viaProxy })).statusCode).toBe(200);
      const https = await server.app.inject({
        method: 'GET',
        url: '/healthz',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(https.statusCode).toBe(200);
      // Someone else's claim to have come over https is not believed.
      const claim = await server.app.inject({
        method: 'GET',
        url: '/kiosk/',
        remoteAddress: '198.51.100.9',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect([claim.statusCode, claim.headers.location]).toEqual([301, 'https://hailong.govap.gov.vn/kiosk/']);
    } finally {
      await server.close();
    }
  });

  it('limits sign-in attempts per real client behind the trusted proxy, and per address without one', async () => {
    const wrong = (server: Awaited<ReturnType<typeof testServer>>, client: string, remoteAddress = '127.0.0.1') =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/admin/login',
        remoteAddress,
        headers: { 'x-forwarded-for': client },
        payload: { username: 'admin', password: 'sai-mat-khau' },
      });
    const trusted = await testServer('sqlite', undefined, { trustProxy: ['127.0.0.1'], authRateLimit: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await wrong(trusted, '203.0.113.7')).statusCode).toBe(401);
      expect((await wrong(trusted, '203.0.113.7')).statusCode).toBe(429);
      // The district's other administrators, behind the same proxy, are not locked out.
      expect((await wrong(trusted, '203.0.113.8')).statusCode).toBe(401);
      // A client that says it is someone else, not through the proxy, is keyed on its own address.
      for (let i = 0; i < 3; i++) await wrong(trusted, '192.0.2.1', '198.51.100.9');
      expect((await wrong(trusted, '192.0.2.2', '198.51.100.9')).statusCode).toBe(429);
    } finally {
      await trusted.close();
    }
  });
});

describe('logging', () => {
  it('one JSON line per request with its route, status, time and caller; no token, cookie, password, code or comment', async () => {
    const stream = new PassThrough();
    let logged = '';
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
    const server = await testServer('sqlite', undefined, { log: stream });
    try {
      const code = await server.enrolmentCode();
      const enrolled = await server.app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code: code.code } });
      const kiosk = {
        kioskId: enrolled.json().kioskId as string,
        token: enrolled.json().deviceToken as string,
        config: enrolled.json().config,
      };
      const comment = 'Chị Lan ở số 12 phố Hàng Bạc bị hỏi tiền';
      expect((await server.sendBatch(kiosk, [server.rating(kiosk, { overall: 1, comment })])).statusCode).toBe(200);
      await server.app.inject({ method: 'GET', url: `/kiosk/?enrol=${code.code}` });
      await server.app.inject({ method: 'POST', url: '/api/v1/admin/login', payload: { username: 'admin', password: 'sai-mat-khau-nay' } });
      const lines = logged
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const requests = lines.filter((l) => l.msg === 'request');
      expect(requests.find((l) => l.route === '/api/v1/ratings/batches')).toMatchObject({
        method: 'POST',
        status: 200,
        kioskId: kiosk.kioskId,
      });
      expect(requests.find((l) => l.route === '/api/v1/admin/enrolment-codes')).toMatchObject({ status: 201, userId: 1 });
      expect(requests.find((l) => l.route === '/api/v1/admin/login' && l.status === 401)).toBeDefined();
      expect(requests.every((l) => typeof l.ms === 'number' && typeof l.level === 'number')).toBe(true);
      const session = (await server.login()).cookie.split('=')[1]!;
      for (const secret of [
        kiosk.token,
        code.code,
        code.code.replaceAll('-', ''),
        comment,
        'correct-horse-battery',
        'sai-mat-khau-nay',
        session,
      ])
        expect(logged).not.toContain(secret);
    } finally {
      await server.close();
    }
  });

  it('logs a 5xx with its error and the batch it sank', async () => {
    const stream = new PassThrough();
    let logged = '';
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
    const server = await testServer('sqlite', undefined, { log: stream });
    const kiosk = await server.enrolKiosk();
    // The database goes away under the server: the batch cannot be stored.
    await server.store.db.schema.dropTable('batches').execute();
    const batchId = crypto.randomUUID();
    const res = await server.sendBatch(kiosk, [server.rating(kiosk)], { batchId });
    expect(res.statusCode).toBe(500);
    const failure = logged
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.level === 50);
    expect(failure).toMatchObject({ batchId, msg: 'request failed' });
    expect(JSON.stringify(failure)).toContain('batches');
    await server.close();
  });
});

describe('metrics for the district’s monitoring', () => {
  it('counts requests by route, ratings by outcome, batch latency and the fleet, for the monitoring addresses only', async () => {
    const server = await testServer('sqlite', undefined, { metricsFrom: ['10.20.0.0/16'] });
    try {
      const kiosk = await server.enrolKiosk();
      const first = server.rating(kiosk);
      await server.sendBatch(kiosk, [first, server.rating(kiosk)]);
      await server.sendBatch(kiosk, [first, { ...server.rating(kiosk), seq: -1 }]);
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/kiosk/heartbeat',
        headers: { authorization: `Bearer ${kiosk.token}` },
        payload: {
          kioskId: kiosk.kioskId,
          sentAt: new Date('2026-11-22T03:00:00Z').toISOString().replace('Z', '+00:00'),
          queueDepth: 37,
          oldestPendingAgeSeconds: 60,
          appVersion: '1.0.0',
          lastError: null,
          storageUsedBytes: null,
          storageQuotaBytes: null,
        },
      });
      const read = (remoteAddress: string) => server.app.inject({ method: 'GET', url: '/metrics', remoteAddress });
      expect((await read('203.0.113.9')).statusCode).toBe(403);
      const res = await read('10.20.3.4');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      const text = res.body;
      expect(text).toMatch(/hailong_ratings_ingested_total\{outcome="accepted"\} 2/);
      expect(text).toMatch(/hailong_ratings_ingested_total\{outcome="duplicate"\} 1/);
      expect(text).toMatch(/hailong_ratings_ingested_total\{outcome="rejected"\} 1/);
      expect(text).toMatch(/hailong_batch_duration_seconds_count 2/);
      expect(text).toMatch(/hailong_http_requests_total\{route="\/api\/v1\/ratings\/batches",method="POST",status="200"\} 2/);
      expect(text).toMatch(/hailong_kiosks 1/);
      expect(text).toMatch(/hailong_kiosks_silent 0/);
      expect(text).toMatch(/hailong_kiosk_queue_depth 37/);
      // Route patterns, never values: no kiosk id, no token.
      expect(text).not.toContain(kiosk.kioskId);
      expect(text).not.toContain(kiosk.token);
    } finally {
      await server.close();
    }
  });
});

describe.each(engines())('health, readiness and housekeeping (%s)', (engine) => {
  it('/readyz answers while the database does, and says not_ready when it does not', async () => {
    const server = await testServer(engine);
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ ok: true });
    await server.store.close();
    const down = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect([down.statusCode, down.json().error.code]).toEqual([503, 'not_ready']);
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await server.app.close();
  });

  it('purges ended sessions and enrolment codes used or expired a month ago, nothing else', async () => {
    const start = new Date('2026-11-22T03:00:00Z');
    const server = await testServer(engine, start);
    try {
      await server.login();
      const kiosk = await server.enrolKiosk();
      await server.enrolmentCode('hang-bac', 'quay-1');
      await server.sendBatch(kiosk, [server.rating(kiosk)]);
      const count = async (table: 'sessions' | 'enrolment_codes' | 'ratings') =>
        Number(
          (
            await server.store.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await purgeExpired(server.store, start)).toEqual({ sessions: 0, codes: 0 });
      expect(await purgeExpired(server.store, new Date(start.getTime() + 13 * 3_600_000))).toMatchObject({ sessions: 3 });
      expect(await count('enrolment_codes')).toBe(2);
      expect(await purgeExpired(server.store, new Date(start.getTime() + 32 * 86_400_000))).toEqual({ sessions: 0, codes: 2 });
      expect([await count('sessions'), await count('enrolment_codes'), await count('ratings')]).toEqual([0, 0, 1]);
    } finally {
      await server.close();
    }
  });
});

describe('the public page under a crowd', () => {
  it('is made once a minute, with an ETag and 304', async () => {
    const server = await testServer('sqlite');
    try {
      const kiosk = await server.enrolKiosk();
      const get = (etag?: string) => server.app.inject({ method: 'GET', url: '/public/', headers: etag ? { 'if-none-match': etag } : {} });
      const crowd = await Promise.all(Array.from({ length: 50 }, () => get()));
      const etags = new Set(crowd.map((r) => r.headers.etag));
      expect(etags.size).toBe(1);
      const [etag] = [...etags] as string[];
      expect((await get(etag)).statusCode).toBe(304);
      await server.sendBatch(kiosk, [server.rating(kiosk, { overall: 5 })]);
      expect((await get(etag)).statusCode).toBe(304);
      server.advance(61_000);
      const fresh = await get(etag);
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers.etag).not.toBe(etag);
    } finally {
      await server.close();
    }
  });
});
