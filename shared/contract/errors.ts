import { z } from 'zod';

/**
 * Every error code the district server answers with, each with a stable meaning: clients (the
 * dashboard, kiosks, integrators) key their own words on the code, never on the English message.
 */
export const ErrorCode = z.enum([
  // Any route
  'invalid_request',
  'bad_request',
  'body_too_large',
  'rate_limited',
  'not_found',
  'internal',
  /** Too many kiosks' batches in work at once: send again after the answer's Retry-After. */
  'overloaded',
  /** The server's disk is full: nothing was stored; send again later. */
  'storage_full',
  /** /readyz: the database does not answer; a load balancer sends no one here meanwhile. */
  'not_ready',
  // Kiosks
  'missing_token',
  'invalid_token',
  'revoked_token',
  'wrong_kiosk',
  'implausible_clock',
  'unknown_code',
  'code_used',
  'code_expired',
  'kiosk_mismatch',
  // People signed in to the dashboard
  'not_signed_in',
  'bad_credentials',
  'csrf',
  'forbidden',
  'username_taken',
  /** A password shorter than 10 characters, or one that is common or easy to guess. */
  'weak_password',
  'wrong_password',
  /** An account whose password was reset chooses its own before anything else. */
  'password_change_required',
  'account_disabled',
  'unknown_account',
  'unknown_session',
  // The organisation
  /** Another ward (or counter of the same ward) already has this name. */
  'name_taken',
  /** The ward is retired: it keeps its history and takes nothing new. */
  'ward_retired',
  'counter_retired',
  /** An organisation import that is not an Excel workbook (a CSV, another file). */
  'not_a_spreadsheet',
  /** An official's photo that is not a JPEG, PNG or WebP image (whatever its name says). */
  'not_an_image',
  /** … and not even UTF-8 text (a CSV saved in a legacy Vietnamese encoding). */
  'wrong_encoding',
  // Things that do not exist (or not for this account)
  'unknown_ward',
  'unknown_counter',
  'unknown_kiosk',
  'unknown_template',
  'unknown_official',
  'unknown_feedback',
  'unknown_alert',
  'unknown_dossier',
  'unknown_gap',
  // Reports and imports
  'invalid_period',
  'bad_signature',
  'legacy_export',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Every error the server answers has this shape; the message is plain English for a technician. */
export const ApiError = z.strictObject({
  error: z.strictObject({ code: ErrorCode, message: z.string() }),
});
export type ApiError = z.infer<typeof ApiError>;

/**
 * The same shape read leniently, by a client that may be older than its server (a kiosk not yet
 * updated): an unknown code is kept as text rather than refused.
 */
export const ApiErrorFromAnyServer = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
