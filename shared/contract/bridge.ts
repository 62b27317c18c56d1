import { z } from 'zod';
import { KioskConfig } from '../schema/kiosk-config';
import { Rating } from '../schema/rating';
import { Incarnation, Seq } from '../schema/sequence';
import { ServerOrigin, ShellSettings } from '../schema/shell-settings';
import { MAX_EXPORT_RATINGS } from './export-file';
import { BatchResult, Heartbeat, MAX_BATCH_RATINGS, RatingBatch } from './kiosk-api';

/**
 * The Electron kiosk's bridge: every message the page may send the main process over `window.kiosk`,
 * by IPC channel, each a pair of schemas (request, answer). The main process holds the device token
 * and the files; the page never sees the token.
 *
 * Who checks what (each message once, by the side that receives it from a less trusted one): the
 * preload checks a request the page hands it, the main process checks it again as it arrives (the
 * preload could be bypassed by a compromised renderer), and the page checks each answer.
 */

const Timeout = z.int().min(100).max(120_000);

/** What a batch send can come back with; a transport never throws for these. */
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

export const EnrolProblem = z.enum([
  'wrong_code',
  'used_code',
  'expired_code',
  'kiosk_mismatch',
  'certificate',
  'unreachable',
  'server_error',
]);
export type EnrolProblem = z.infer<typeof EnrolProblem>;

/** The enrolment answer the main process gives the page: never the token, which it keeps. */
export const EnrolOutcome = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), config: KioskConfig }),
  z.strictObject({ ok: z.literal(false), problem: EnrolProblem }),
]);
export type EnrolOutcome = z.infer<typeof EnrolOutcome>;

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
  /** How many times this kiosk's storage started a new count (1: never wiped). */
  incarnations: z.int().min(0),
  update: UpdateStatus,
});
export type ShellDiagnostics = z.infer<typeof ShellDiagnostics>;

/** Where the citizen is, as the main process needs it: updates wait for the start screen. */
export const ScreenReport = z.strictObject({ onStartScreen: z.boolean() });
export type ScreenReport = z.infer<typeof ScreenReport>;

const Done = z.literal(true);
const Nothing = z.undefined();

const channel = <Q extends z.ZodType, A extends z.ZodType>(request: Q, answer: A) => ({ request, answer });

export const bridgeContract = {
  'kiosk:config': channel(Nothing, KioskConfig.nullable()),
  'kiosk:config-save': channel(KioskConfig, Done),
  'kiosk:settings': channel(Nothing, ShellSettings),
  'kiosk:settings-save': channel(ShellSettings, Done),
  'kiosk:enrol': channel(
    z.strictObject({
      code: z.string().min(1).max(40),
      keepKioskId: z.uuid().optional(),
      /** The server the technician typed on the setup screen; kept by the main process once enrolment works. */
      serverOrigin: ServerOrigin.optional(),
    }),
    EnrolOutcome,
  ),
  /** "Kiểm tra kết nối" for an address typed but not yet saved, or the saved one. */
  'kiosk:check': channel(z.strictObject({ serverOrigin: ServerOrigin.optional() }), z.boolean()),
  // Stricter than the server's own schema: the kiosk only ever sends ratings it validated.
  'kiosk:send-batch': channel(
    z.strictObject({ batch: RatingBatch.extend({ ratings: z.array(Rating).min(1).max(MAX_BATCH_RATINGS) }), timeoutMs: Timeout }),
    SendOutcome,
  ),
  'kiosk:fetch-config': channel(z.strictObject({ etag: z.string().max(200).nullable(), timeoutMs: Timeout }), ConfigOutcome),
  'kiosk:send-heartbeat': channel(z.strictObject({ heartbeat: Heartbeat, timeoutMs: Timeout }), z.boolean()),
  /** Resolves once the rating is on disk: the thank-you waits for it. */
  'kiosk:journal-append': channel(Rating, Done),
  'kiosk:journal-entries': channel(Nothing, z.array(Rating)),
  'kiosk:journal-compact': channel(z.array(z.uuid()).max(200_000), Done),
  /** Pending ratings the main process signs and writes to a file the technician picks. */
  'kiosk:export': channel(z.strictObject({ ratings: z.array(Rating).min(1).max(MAX_EXPORT_RATINGS) }), ExportOutcome),
  'kiosk:forget': channel(Nothing, Done),
  'kiosk:screen': channel(ScreenReport, Done),
  'kiosk:diagnostics': channel(Nothing, ShellDiagnostics),
  /** Gives a kiosk enrolled before export keys existed its key, registered with the server; true once it has one. */
  'kiosk:ensure-export-key': channel(Nothing, z.boolean()),
  /**
   * Start-up: the incarnation this database holds (null after a wipe) and where its count stands;
   * the main process, which keeps the kiosk's incarnations, answers the one to number in.
   */
  'kiosk:incarnation': channel(z.strictObject({ current: Incarnation.nullable(), nextSeq: Seq }), Incarnation),
} as const;

export type BridgeChannel = keyof typeof bridgeContract;
export const BRIDGE_CHANNELS = Object.keys(bridgeContract) as BridgeChannel[];
export type BridgeRequest<K extends BridgeChannel> = z.output<(typeof bridgeContract)[K]['request']>;
export type BridgeValue<K extends BridgeChannel> = z.output<(typeof bridgeContract)[K]['answer']>;

/** Why a message got no value: refused (not the kiosk page), invalid (failed its schema), or failed. */
export const BridgeError = z.strictObject({ code: z.enum(['refused', 'invalid', 'failed']), message: z.string().max(300) });
export type BridgeError = z.infer<typeof BridgeError>;

/** Every answer crosses the bridge as this: a value, or the plain reason there is none. */
export type BridgeAnswer<K extends BridgeChannel> = { ok: true; value: BridgeValue<K> } | { ok: false; error: BridgeError };

/** The schema of a channel's answer, as the page checks it. */
export const bridgeAnswer = <K extends BridgeChannel>(channel: K) =>
  z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value: bridgeContract[channel].answer }),
    z.strictObject({ ok: z.literal(false), error: BridgeError }),
  ]) as unknown as z.ZodType<BridgeAnswer<K>>;

/** `window.kiosk`: one door, one method. What comes back is checked by the caller (`callBridge`). */
export interface KioskBridge {
  invoke<K extends BridgeChannel>(channel: K, request: BridgeRequest<K>): Promise<unknown>;
}

/** The page's side: sends a request and checks the answer against the channel's schema. */
export async function callBridge<K extends BridgeChannel>(
  bridge: KioskBridge,
  channel: K,
  request: BridgeRequest<K>,
): Promise<BridgeAnswer<K>> {
  let raw: unknown;
  try {
    raw = await bridge.invoke(channel, request);
  } catch {
    return { ok: false, error: { code: 'failed', message: `${channel} did not answer` } };
  }
  const parsed = bridgeAnswer(channel).safeParse(raw);
  return parsed.success ? parsed.data : { ok: false, error: { code: 'invalid', message: `${channel} answered something unexpected` } };
}

/** The value of an answer, or an error naming the channel (for callers that cannot go on without it). */
export async function requireBridge<K extends BridgeChannel>(
  bridge: KioskBridge,
  channel: K,
  request: BridgeRequest<K>,
): Promise<BridgeValue<K>> {
  const answer = await callBridge(bridge, channel, request);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}
