import SQLite from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultProxy, type Exchange, type ProxyFault } from '../support/fault-proxy';
import { adminSession, freePort, startServerProcess } from '../support/server-process';

const ADMIN_PASSWORD = 'reliability-admin-password';

/** The exchanges sync makes; pages, fonts and enrolment always pass so the kiosk can be set up. */
const SYNC_PATH = /^\/api\/v1\/(ratings\/batches|kiosk\/)/;

export type FaultPolicy = (request: { method: string; path: string; body: Buffer }) => ProxyFault | Promise<ProxyFault>;

/**
 * One district for one scenario: the real server in its own process (so it can be SIGKILLed and
 * started again on the same SQLite file and port) and the fault-injecting proxy in front of it. The
 * kiosk is opened through the proxy, so the proxy's address is the only server it knows.
 */
export class District {
  /** What the proxy does to each sync exchange; the scenario changes it as it goes. */
  policy: FaultPolicy = () => 'pass';
  /** Every sync exchange, in order, with what the server answered. */
  readonly exchanges: Exchange[] = [];
  private server: ChildProcess | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly proxy: Awaited<ReturnType<typeof startFaultProxy>>,
  ) {}

  static async start(): Promise<District> {
    const dataDir = await mkdtemp(join(tmpdir(), 'hai-long-reliability-'));
    const port = await freePort();
    let district: District | null = null;
    const proxy = await startFaultProxy(
      `http://127.0.0.1:${port}`,
      (request) => (SYNC_PATH.test(request.path) && district ? district.policy(request) : 'pass'),
      { onExchange: (exchange) => SYNC_PATH.test(exchange.path) && district?.exchanges.push(exchange) },
    );
    district = new District(dataDir, port, proxy);
    await district.startServer();
    return district;
  }

  /** Where kiosks reach the district: through the proxy. */
  get url() {
    return this.proxy.url;
  }

  get serverUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  get faultStats() {
    return this.proxy.stats;
  }

  async startServer() {
    this.server = await startServerProcess({ dataDir: this.dataDir, port: this.port, adminPassword: ADMIN_PASSWORD });
  }

  /** No shutdown, no flush: the process is gone mid-whatever-it-was-doing. */
  async killServer() {
    const server = this.server;
    this.server = null;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  }

  admin() {
    return adminSession(this.serverUrl, ADMIN_PASSWORD);
  }

  /** The link a technician opens on the kiosk (the dashboard's QR code), through the proxy. */
  async enrolmentLink(wardId: string, counterId: string) {
    const { code } = await (await this.admin()).post<{ code: string }>('/api/v1/admin/enrolment-codes', { wardId, counterId });
    return `${this.url}/kiosk/?enrol=${code}`;
  }

  async revoke(kioskId: string) {
    await (await this.admin()).post(`/api/v1/admin/kiosks/${kioskId}/revoke`);
  }

  async reenrolmentLink(kioskId: string) {
    const { code } = await (await this.admin()).post<{ code: string }>(`/api/v1/admin/kiosks/${kioskId}/reenrolment-code`);
    return `${this.url}/kiosk/?enrol=${code}`;
  }

  /** Straight from the server's database (a second, read-only connection). */
  stored(kioskIds: readonly string[], place: { wardId: string; counterId: string }) {
    const db = new SQLite(join(this.dataDir, 'hai-long.sqlite'), { readonly: true });
    try {
      const marks = kioskIds.map(() => '?').join(',');
      const rows = db.prepare(`select id, seq, day from ratings where kiosk_id in (${marks}) order by rowid`).all(...kioskIds) as {
        id: string;
        seq: number;
        day: string;
      }[];
      const counted = db
        .prepare('select coalesce(sum(count), 0) as n from rating_counts where ward_id = ? and counter_id = ?')
        .get(place.wardId, place.counterId) as { n: number };
      return { rows, ids: new Set(rows.map((r) => r.id)), counted: Number(counted.n) };
    } finally {
      db.close();
    }
  }

  /** How many ratings the server holds right now (to time a kill mid-stream). */
  storedCount(): number {
    const db = new SQLite(join(this.dataDir, 'hai-long.sqlite'), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from ratings').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  async close() {
    await this.killServer();
    await this.proxy.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
