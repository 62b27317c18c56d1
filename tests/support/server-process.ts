import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * The real server in its own process, as `npm run server` runs it, so a test can SIGKILL it and
 * start it again on the same data directory and port.
 */
export async function startServerProcess(options: {
  dataDir: string;
  port: number;
  adminPassword: string;
  /** More settings (DATABASE_URL, HAILONG_BATCHES_IN_WORK…). */
  env?: Record<string, string>;
}): Promise<ChildProcess> {
  const logFile = join(tmpdir(), `hai-long-server-${process.pid}-${options.port}.log`);
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      HAILONG_DATA_DIR: options.dataDir,
      HAILONG_ADMIN_PASSWORD: options.adminPassword,
      HAILONG_AUTH_RATE_LIMIT: '1000',
      HAILONG_DEMO: '1',
      ...options.env,
    },
    // Its log lines go to a file, as a district's go to journald: a pipe that a busy test process
    // drains late would make the server wait on its own logging.
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const output = () => readFileSync(logFile, 'utf8').slice(-4000);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const up = await fetch(`http://127.0.0.1:${options.port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start:\n${output()}`);
}

/** Signs in as the seeded admin: the session cookie and the CSRF token for the admin API. */
export async function adminSession(url: string, password: string, fetch: typeof globalThis.fetch = globalThis.fetch) {
  const login = await fetch(`${url}/api/v1/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`admin sign-in failed: HTTP ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const send = async <T>(method: 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body ?? {}),
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const post = <T>(path: string, body?: unknown) => send<T>('POST', path, body);
  const put = <T>(path: string, body?: unknown) => send<T>('PUT', path, body);
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return { cookie, csrfToken, post, put, get };
}
