import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

/** "a, b ,c" → ["a", "b", "c"]: the form of every list setting. */
const commaList = z
  .string()
  .default('')
  .transform((list) =>
    list
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
  );

/** The server's settings, all from the environment, validated before anything starts. */
export const ServerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  HAILONG_DATA_DIR: z.string().min(1).default('./data'),
  /** The Electron kiosks' update feed, served at /updates/ (default: <data dir>/updates). */
  HAILONG_UPDATES_DIR: z.string().min(1).optional(),
  /** Alerts by e-mail: the district's SMTP server (smtp:// or smtps://user:pass@host:port) … */
  HAILONG_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  HAILONG_ALERT_FROM: z.string().min(3).default('Hài Lòng <hailong@localhost>'),
  /** … and whom to tell: comma-separated addresses of the leaders who read them. */
  HAILONG_ALERT_TO: commaList.pipe(z.array(z.email())),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  HAILONG_ADMIN_PASSWORD: z.string().min(10, 'HAILONG_ADMIN_PASSWORD needs at least 10 characters').optional(),
  /** Per-official figures are shown only above this many responses. */
  HAILONG_MIN_RESPONSES: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Working days (Monday to Friday) a citizen's feedback may stay open before the dashboard marks it overdue. */
  HAILONG_FEEDBACK_DUE_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /**
   * USB export files signed the old way (HMAC under a hash the database holds) are imported until
   * this day; after it only files signed with a kiosk's own key (docs/deployment.md).
   */
  HAILONG_LEGACY_EXPORTS_UNTIL: z.iso.date().default('2027-06-30'),
  /** PostgreSQL connections the server keeps (DATABASE_URL only). */
  HAILONG_DB_POOL: z.coerce.number().int().min(2).max(200).default(10),
  /**
   * Kiosks' batches and heartbeats in work at once; more are answered 503 with Retry-After at once.
   * Default: two fewer than HAILONG_DB_POOL on PostgreSQL, 4 on SQLite.
   */
  HAILONG_BATCHES_IN_WORK: z.coerce.number().int().min(1).max(1000).optional(),
  /**
   * `1`: a first start seeds the demo district (`npm start` sets it). A district's own server starts
   * empty and its first administrator describes the district in the dashboard.
   */
  HAILONG_DEMO: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  /** Sign-in and enrolment attempts per minute from one address. */
  HAILONG_AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /**
   * The address kiosks and people use (https://hailong.quan.gov.vn): enrolment links and their QR
   * codes are built from it, never from a request's Host. Required unless HOST is a loopback address.
   */
  HAILONG_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'HAILONG_PUBLIC_URL must be an http:// or https:// address' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /**
   * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: comma-separated
   * addresses or CIDRs (10.0.0.5, 10.0.0.0/24). Off by default: a client's own claim is never believed.
   */
  HAILONG_TRUST_PROXY: commaList.pipe(
    z.array(z.string().refine(isAddressOrCidr, 'each HAILONG_TRUST_PROXY entry is an IP address or a CIDR (10.0.0.0/24)')),
  ),
  /** Nightly backups of the SQLite database (after 02:00 Vietnam time) into this folder; none when unset. */
  HAILONG_BACKUP_DIR: z.string().min(1).optional(),
  /** How many nightly backups are kept. */
  HAILONG_BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(14),
  /** Who may read /metrics (Prometheus): addresses or CIDRs; loopback only when unset. */
  HAILONG_METRICS_FROM: commaList.pipe(
    z.array(z.string().refine(isAddressOrCidr, 'each HAILONG_METRICS_FROM entry is an IP address or a CIDR')),
  ),
  /** How much the server logs (JSON lines on standard output): info by default, one line per request. */
  HAILONG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

function isAddressOrCidr(entry: string) {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
export type ServerEnv = z.infer<typeof ServerEnv>;

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  // Beyond this machine, links must name the address people use: a request's Host can be forged.
  if (!parsed.data.HAILONG_PUBLIC_URL && !LOOPBACK.test(parsed.data.HOST))
    throw new Error(
      `Invalid environment:\nHAILONG_PUBLIC_URL is required when HOST (${parsed.data.HOST}) is not a loopback address: the address kiosks and people use, e.g. https://hailong.quan.gov.vn`,
    );
  return { ...parsed.data, HAILONG_DATA_DIR: resolve(parsed.data.HAILONG_DATA_DIR) };
}
