import type { Kysely, Selectable } from 'kysely';
import type { Store } from '../db/connect';
import type { Database, KiosksTable } from '../db/tables';
import { HttpError } from '../http/errors';
import { hashToken, newEnrolmentCode, newSecretToken } from '../auth/secrets';
import { kioskConfigFor } from './org';

const CODE_LIFETIME_MS = 24 * 3_600_000;

/** A counter and whether it or its ward is retired; undefined when there is no such counter. */
const placeOf = (db: Kysely<Database>, wardId: string, counterId: string) =>
  db
    .selectFrom('counters')
    .innerJoin('wards', 'wards.id', 'counters.ward_id')
    .select(['counters.retired_at as counter_retired_at', 'wards.retired_at as ward_retired_at'])
    .where('counters.ward_id', '=', wardId)
    .where('counters.id', '=', counterId)
    .executeTakeFirst();

/** An admin makes a single-use code for one ward's counter, valid for 24 hours. */
export async function createEnrolmentCode(
  store: Store,
  place: { wardId: string; counterId: string },
  createdBy: number | null,
  now: Date,
  forKioskId: string | null = null,
) {
  const counter = await placeOf(store.db, place.wardId, place.counterId);
  if (!counter) throw new HttpError(404, 'unknown_counter', `No counter ${place.counterId} in ward ${place.wardId}`);
  // A retired ward or counter takes no new kiosk; a kiosk of it may still come back for what it holds.
  if (forKioskId === null && counter.ward_retired_at !== null) throw new HttpError(409, 'ward_retired', 'The ward is retired.');
  if (forKioskId === null && counter.counter_retired_at !== null) throw new HttpError(409, 'counter_retired', 'The counter is retired.');
  const { code, display } = newEnrolmentCode();
  const expiresAt = now.getTime() + CODE_LIFETIME_MS;
  await store.db
    .insertInto('enrolment_codes')
    .values({
      code_hash: hashToken(code),
      ward_id: place.wardId,
      counter_id: place.counterId,
      created_by: createdBy,
      created_at: now.getTime(),
      expires_at: expiresAt,
      used_at: null,
      kiosk_id: null,
      for_kiosk_id: forKioskId,
    })
    .execute();
  return { code: display, expiresAt: new Date(expiresAt).toISOString() };
}

/**
 * A re-enrolment code for an existing kiosk (revoked, or its token lost): redeeming it gives the same
 * kiosk a new token, so the ratings it still holds are accepted as its own.
 */
export async function createReenrolmentCode(store: Store, kioskId: string, createdBy: number | null, now: Date) {
  const kiosk = await store.db.selectFrom('kiosks').select(['ward_id', 'counter_id']).where('id', '=', kioskId).executeTakeFirst();
  if (!kiosk) throw new HttpError(404, 'unknown_kiosk', 'No such kiosk.');
  return createEnrolmentCode(store, { wardId: kiosk.ward_id, counterId: kiosk.counter_id }, createdBy, now, kioskId);
}

/**
 * A kiosk redeems a code: it gets its id, a device token (shown once) and its configuration.
 * `keepKioskId`: a kiosk that still holds unsent ratings may only take a re-enrolment code for
 * itself; any other code is refused without being spent (its ratings would be refused as another
 * kiosk's).
 */
export async function redeemEnrolmentCode(
  store: Store,
  code: string,
  appVersion: string | undefined,
  now: Date,
  keepKioskId?: string,
  exportKey?: string,
) {
  const token = newSecretToken();
  const kiosk = await store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', hashToken(code)).executeTakeFirst();
    if (!row) throw new HttpError(404, 'unknown_code', 'Mã đăng ký không đúng. / The enrolment code is wrong.');
    if (row.used_at !== null) throw new HttpError(409, 'code_used', 'Mã đăng ký đã được dùng. / The enrolment code was already used.');
    if (row.expires_at <= now.getTime())
      throw new HttpError(410, 'code_expired', 'Mã đăng ký đã hết hạn. / The enrolment code has expired.');
    if (keepKioskId !== undefined && row.for_kiosk_id !== keepKioskId) {
      throw new HttpError(
        409,
        'kiosk_mismatch',
        'Ki-ốt còn đánh giá chưa gửi: cần mã đăng ký lại của chính ki-ốt này. / This kiosk holds unsent ratings: use a re-enrolment code for this kiosk.',
      );
    }
    if (row.for_kiosk_id === null) {
      const place = await placeOf(trx, row.ward_id, row.counter_id);
      if (place?.ward_retired_at != null || place?.counter_retired_at != null)
        throw new HttpError(409, 'ward_retired', 'Phường hoặc quầy này đã ngừng hoạt động. / This ward or counter is retired.');
    }
    const kioskId = row.for_kiosk_id ?? crypto.randomUUID();
    // The conditional update makes redeeming single-use even when two kiosks race for one code.
    const used = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: now.getTime(), kiosk_id: kioskId })
      .where('code_hash', '=', row.code_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1)
      throw new HttpError(409, 'code_used', 'Mã đăng ký đã được dùng. / The enrolment code was already used.');
    const kiosk = { id: kioskId, ward_id: row.ward_id, counter_id: row.counter_id };
    if (row.for_kiosk_id !== null) {
      // Same kiosk, new token: the old token (perhaps stolen) stops working at once.
      await trx
        .updateTable('kiosks')
        .set({ token_hash: hashToken(token), revoked_at: null, last_seen_at: now.getTime(), app_version: appVersion ?? null })
        .where('id', '=', kioskId)
        .execute();
      return kiosk;
    }
    await trx
      .insertInto('kiosks')
      .values({
        ...kiosk,
        token_hash: hashToken(token),
        enrolled_at: now.getTime(),
        revoked_at: null,
        last_seen_at: now.getTime(),
        heartbeat: null,
        app_version: appVersion ?? null,
        clock_offset_ms: null,
      })
      .execute();
    return kiosk;
  });
  if (exportKey) await registerExportKey(store, kiosk.id, exportKey, now);
  return { kioskId: kiosk.id, deviceToken: token, config: await kioskConfigFor(store, kiosk) };
}

export type KioskRow = Selectable<KiosksTable>;

/** Keeps the public half of a kiosk's export signing key; a key registered twice changes nothing. */
export async function registerExportKey(store: Store, kioskId: string, publicKey: string, now: Date) {
  await store.db
    .insertInto('kiosk_export_keys')
    .values({ kiosk_id: kioskId, public_key: publicKey, registered_at: now.getTime() })
    .onConflict((oc) => oc.columns(['kiosk_id', 'public_key']).doNothing())
    .execute();
}

/** Every export key a kiosk ever registered: files it signed with any of them still import. */
export async function exportKeysOf(store: Store, kioskId: string): Promise<string[]> {
  return (await store.db.selectFrom('kiosk_export_keys').select('public_key').where('kiosk_id', '=', kioskId).execute()).map(
    (r) => r.public_key,
  );
}

/** The kiosk behind a bearer token; revoked or unknown tokens are refused alike. */
export async function kioskForToken(store: Store, authorization: string | undefined): Promise<KioskRow> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '');
  if (!match) throw new HttpError(401, 'missing_token', 'A device token is required (Authorization: Bearer …).');
  const kiosk = await store.db.selectFrom('kiosks').selectAll().where('token_hash', '=', hashToken(match[1]!)).executeTakeFirst();
  if (!kiosk) throw new HttpError(401, 'invalid_token', 'The device token is not valid.');
  if (kiosk.revoked_at !== null) throw new HttpError(401, 'revoked_token', 'The device token was revoked: enrol the kiosk again.');
  return kiosk;
}
