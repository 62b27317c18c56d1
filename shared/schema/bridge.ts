import { z } from 'zod';
import { BatchResult, Heartbeat, MAX_BATCH_RATINGS, RatingBatch } from './api';
import { KioskConfig } from './kiosk-config';
import { Rating } from './rating';
import { ServerOrigin, ShellSettings } from './shell-settings';
import { MAX_EXPORT_RATINGS } from '../sync/export-file';

/**
 * What sync sends to the district server and what comes back, as messages: the Electron renderer
 * hands them to the main process (which holds the device token and does the HTTP), and both sides
 * check them against these schemas.
 */
const Timeout = z.int().min(100).max(120_000);

export const SyncRequest = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('sendBatch'),
    // Stricter than the server's own schema: the kiosk only ever sends ratings it validated.
    batch: RatingBatch.extend({ ratings: z.array(Rating).min(1).max(MAX_BATCH_RATINGS) }),
    timeoutMs: Timeout,
  }),
  z.strictObject({ op: z.literal('fetchConfig'), etag: z.string().max(200).nullable(), timeoutMs: Timeout }),
  z.strictObject({ op: z.literal('sendHeartbeat'), heartbeat: Heartbeat, timeoutMs: Timeout }),
]);
export type SyncRequest = z.infer<typeof SyncRequest>;

/** What a send can come back with; a transport never throws for these. */
export const SendOutcome = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('answer'),
    status: z.int().min(100).max(599),
    result: BatchResult.nullable(),
    retryAfterMs: z.number().min(0).nullable(),
    errorCode: z.string().max(80).nullable(),
  }),
  // `certificate`: the server's TLS certificate was refused (expired, self-signed, wrong name);
  // only a transport that can see why (Electron's main process) says so.
  z.strictObject({ kind: z.literal('network'), message: z.string().max(300), certificate: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('timeout') }),
]);
export type SendOutcome = z.infer<typeof SendOutcome>;

export const ConfigOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unchanged') }),
  z.strictObject({ kind: z.literal('config'), config: KioskConfig, etag: z.string().max(200).nullable() }),
  z.strictObject({ kind: z.literal('failed') }),
]);
export type ConfigOutcome = z.infer<typeof ConfigOutcome>;

export const HeartbeatOutcome = z.boolean();

/** The enrolment answer the main process gives the renderer: never the token, which it keeps. */
export const EnrolOutcome = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), config: KioskConfig }),
  z.strictObject({
    ok: z.literal(false),
    problem: z.enum(['wrong_code', 'used_code', 'expired_code', 'kiosk_mismatch', 'certificate', 'unreachable', 'server_error']),
  }),
]);
export type EnrolOutcome = z.infer<typeof EnrolOutcome>;

export const EnrolBridgeRequest = z.strictObject({
  code: z.string().min(1).max(40),
  keepKioskId: z.uuid().optional(),
  /** The server the technician typed on the setup screen; kept by the main process once enrolment works. */
  serverOrigin: ServerOrigin.optional(),
});

/** "Kiểm tra kết nối" for an address typed but not yet saved, or the saved one. */
export const CheckBridgeRequest = z.strictObject({ serverOrigin: ServerOrigin.optional() }).optional();

/** Pending ratings the main process signs with the device token and writes to a file. */
export const ExportBridgeRequest = z.strictObject({ ratings: z.array(Rating).min(1).max(MAX_EXPORT_RATINGS) });
export const ExportOutcome = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), fileName: z.string().max(200) }),
  z.strictObject({ ok: z.literal(false), problem: z.enum(['no_token', 'cancelled', 'failed']) }),
]);
export type ExportOutcome = z.infer<typeof ExportOutcome>;

/** The shell's update: a downloaded version waiting for the rule (outside opening hours, start screen). */
export const UpdateStatus = z.strictObject({ pending: z.string().max(40).nullable(), installing: z.boolean() });
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** What only the main process knows, for the technician: how the token is kept, what the journal holds. */
export const ShellDiagnostics = z.strictObject({
  /** Null when the kiosk holds no token. */
  tokenEncrypted: z.boolean().nullable(),
  journalEntries: z.int().min(0),
  update: UpdateStatus,
});
export type ShellDiagnostics = z.infer<typeof ShellDiagnostics>;

/** Where the citizen is, as the main process needs it: updates wait for the start screen. */
export const ScreenReport = z.strictObject({ onStartScreen: z.boolean() });
export type ScreenReport = z.infer<typeof ScreenReport>;

/**
 * Every message the renderer may send over `window.kiosk`, by IPC channel: the preload checks what
 * leaves the page against it and the main process checks again what arrives.
 */
export const BRIDGE_REQUESTS = {
  'kiosk:config': z.undefined(),
  'kiosk:config-save': KioskConfig,
  'kiosk:settings': z.undefined(),
  'kiosk:settings-save': ShellSettings,
  'kiosk:enrol': EnrolBridgeRequest,
  'kiosk:check': CheckBridgeRequest,
  'kiosk:sync': SyncRequest,
  'kiosk:journal-append': Rating,
  'kiosk:journal-entries': z.undefined(),
  'kiosk:journal-compact': z.array(z.uuid()).max(200_000),
  'kiosk:export': ExportBridgeRequest,
  'kiosk:forget': z.undefined(),
  'kiosk:screen': ScreenReport,
  'kiosk:diagnostics': z.undefined(),
} as const;
export type BridgeChannel = keyof typeof BRIDGE_REQUESTS;
export const BRIDGE_CHANNELS = Object.keys(BRIDGE_REQUESTS) as BridgeChannel[];
