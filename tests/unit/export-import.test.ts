import { afterEach, describe, expect, it } from 'vitest';
import { Rating } from '../../shared/schema/rating';
import { EXPORT_PART_BYTES, IMPORT_BODY_LIMIT_BYTES, MAX_EXPORT_RATINGS } from '../../shared/contract/export-file';
import { sampleRating } from '../support/fixtures';
import {
  exportFileName,
  exportParts,
  exportKey,
  newExportKeyPair,
  exportPublicKey,
  signExport,
  signLegacyExport,
  signLegacyExportWithKey,
} from '../../shared/sync/export-file';
import { hashToken } from '../../server/auth/secrets';
import { engines, testServer } from './support/server-harness';

describe('export files: signed by the kiosk, checked by the server', () => {
  it('the old signature’s key is the token hash the server’s database holds: anyone with a backup could forge it', async () => {
    const token = 'a'.repeat(43);
    expect(await exportKey(token)).toBe(hashToken(token));
  });
});

describe('a large backlog is written in files the server takes whole', () => {
  const at = new Date('2026-11-22T03:00:00Z');
  it('splits by count, in order, none empty', () => {
    const ratings = Array.from({ length: MAX_EXPORT_RATINGS * 2 + 5 }, (_, i) => sampleRating(i + 1, at));
    const parts = exportParts(ratings);
    expect(parts.map((p) => p.length)).toEqual([MAX_EXPORT_RATINGS, MAX_EXPORT_RATINGS, 5]);
    expect(parts.flat().map((r) => r.seq)).toEqual(ratings.map((r) => r.seq));
    expect(exportParts([])).toEqual([]);
  });

  it('splits by size: long Vietnamese comments make smaller files, each within the import limit', () => {
    const comment = 'Cán bộ hướng dẫn tận tình, thủ tục nhanh gọn. '.repeat(40).slice(0, 2000);
    const ratings = Array.from({ length: 6000 }, (_, i) => sampleRating(i + 1, at, { comment }));
    const parts = exportParts(ratings);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const bytes = new TextEncoder().encode(JSON.stringify(part)).length;
      expect(bytes).toBeLessThanOrEqual(EXPORT_PART_BYTES);
      expect(bytes + 4096).toBeLessThan(IMPORT_BODY_LIMIT_BYTES); // the envelope and signature fit too
    }
    expect(parts.flat()).toHaveLength(6000);
  });
});

describe.each(engines())('importing a kiosk’s export file (%s)', (engine) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  afterEach(() => server.close());

  const upload = async (payload: unknown, admin: { cookie: string; csrf: string }) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/imports',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: payload as object,
    });

  it('stores each rating once: a second import of the same file, or of an overlapping one, counts nothing twice', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const pending = Array.from({ length: 1203 }, () => Rating.parse(server.rating(kiosk)));
    const file = await signExport({ kioskId: kiosk.kioskId, exportedAt: '2026-11-22T10:00:00.000+07:00', ratings: pending }, kiosk.keys);
    expect(exportFileName(file)).toBe(`hai-long-${kiosk.kioskId.slice(0, 8)}-2026-11-22-${pending[0]!.seq}-1203.json`);
    expect(file).toMatchObject({ version: 2, publicKey: kiosk.keys.publicKey });
    const admin = await server.login();

    const first = await upload(file, admin);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ kioskId: kiosk.kioskId, ratings: 1203, accepted: 1203, duplicate: 0, rejected: 0 });
    const again = await upload(JSON.parse(JSON.stringify(file)), admin);
    expect(again.json()).toMatchObject({ accepted: 0, duplicate: 1203, rejected: 0 });
    // Some of them also arrive by sync later (the network came back): still once.
    const synced = await server.sendBatch(kiosk, pending.slice(0, 10));
    expect(synced.json().duplicate).toHaveLength(10);
    expect(await server.counts()).toEqual({ ratings: 1203, aggregated: 1203 });
  });

  it('refuses an altered file, another kiosk’s signature, a ward viewer, and garbage, storing nothing', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    const other = await server.enrolKiosk('hang-bac', 'quay-1');
    const pending = [Rating.parse(server.rating(kiosk)), Rating.parse(server.rating(kiosk))];
    const file = await signExport({ kioskId: kiosk.kioskId, exportedAt: '2026-11-22T10:00:00.000+07:00', ratings: pending }, kiosk.keys);
    const admin = await server.login();
    // What someone holding only the server's database could make: the old signature under the token
    // hash it stores (refused after the transition), or a key pair of their own (never registered).
    const tokenHash = (
      await server.store.db.selectFrom('kiosks').select('token_hash').where('id', '=', kiosk.kioskId).executeTakeFirstOrThrow()
    ).token_hash;
    const forgedLegacy = await signLegacyExportWithKey(
      { kioskId: kiosk.kioskId, exportedAt: file.exportedAt, ratings: pending },
      tokenHash,
    );
    const strangerPair = await newExportKeyPair();
    const stranger = await signExport(
      { kioskId: kiosk.kioskId, exportedAt: file.exportedAt, ratings: pending },
      { privateKey: strangerPair.privateKey, publicKey: await exportPublicKey(strangerPair.publicKey) },
    );
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const altered = structuredClone(file);
    altered.ratings[0]!.overall = altered.ratings[0]!.overall === 1 ? 5 : 1;
    const cases: [unknown, number, string][] = [
      [altered, 422, 'bad_signature'],
      [{ ...file, ratings: file.ratings.slice(1) }, 422, 'bad_signature'],
      [await signExport({ kioskId: kiosk.kioskId, exportedAt: file.exportedAt, ratings: pending }, other.keys), 422, 'bad_signature'],
      [stranger, 422, 'bad_signature'],
      [forgedLegacy, 422, 'bad_signature'],
      [{ ...file, kioskId: crypto.randomUUID() }, 404, 'unknown_kiosk'],
      [{ ...file, format: 'something-else' }, 400, 'invalid_request'],
      [{ hello: 'world' }, 400, 'invalid_request'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await upload(payload, admin);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const noCsrf = await server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/imports',
      headers: { cookie: admin.cookie },
      payload: file,
    });
    expect(noCsrf.statusCode).toBe(403);
    const viewer = { username: 'xem.trangtien', password: 'mot-mat-khau-dai', role: 'ward_viewer', wardId: 'trang-tien' };
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: viewer,
    });
    expect(created.statusCode).toBe(201);
    expect((await upload(file, await server.login(viewer.username, viewer.password))).statusCode).toBe(403);
    expect(await server.counts()).toEqual({ ratings: 0, aggregated: 0 });
  });

  it('dates imported ratings by the kiosk’s clock offset measured at its last sync, not by the day of import', async () => {
    server = await testServer(engine);
    const kiosk = await server.enrolKiosk();
    // The kiosk synced once with its clock an hour behind; then the network went, and a stick came a week later.
    const first = server.rating(kiosk);
    await server.sendBatch(kiosk, [first], {
      sentAt: new Date(Date.parse('2026-11-22T03:00:00Z') - 3_600_000).toISOString().replace('Z', '+00:00'),
    });
    const later = Rating.parse(server.rating(kiosk));
    server.advance(7 * 86_400_000);
    const file = await signExport({ kioskId: kiosk.kioskId, exportedAt: '2026-11-29T10:00:00.000+07:00', ratings: [later] }, kiosk.keys);
    expect((await upload(file, await server.login())).json().accepted).toBe(1);
    const row = await server.store.db
      .selectFrom('ratings')
      .select(['completed_at_ms', 'corrected_at_ms'])
      .where('id', '=', later.id)
      .executeTakeFirstOrThrow();
    expect(row.corrected_at_ms - row.completed_at_ms).toBe(3_600_000);
  });

  it('imports files signed the old way (by a kiosk with no key yet) until the end of the stated transition, and refuses them after', async () => {
    server = await testServer(engine); // 2026-11-22, before 2027-06-30
    const code = await server.enrolmentCode();
    const enrolled = (await server.app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code: code.code } })).json();
    const kiosk = { kioskId: enrolled.kioskId as string, token: enrolled.deviceToken as string, config: enrolled.config };
    const old = await signLegacyExport(
      { kioskId: kiosk.kioskId, exportedAt: '2026-11-22T10:00:00.000+07:00', ratings: [Rating.parse(server.rating(kiosk))] },
      kiosk.token,
    );
    expect((await upload(old, await server.login())).json()).toMatchObject({ accepted: 1 });
    server.advance(250 * 86_400_000); // August 2027
    const later = await signLegacyExport(
      { kioskId: kiosk.kioskId, exportedAt: '2027-08-01T10:00:00.000+07:00', ratings: [Rating.parse(server.rating(kiosk))] },
      kiosk.token,
    );
    const refused = await upload(later, await server.login());
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'legacy_export']);
  });

  it('a kiosk enrolled before export keys registers one with its token; files it signs then import', async () => {
    server = await testServer(engine);
    const code = await server.enrolmentCode();
    const enrolled = (await server.app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code: code.code } })).json();
    const pair = await newExportKeyPair();
    const keys = { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) };
    const registered = await server.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/export-key',
      headers: { authorization: `Bearer ${enrolled.deviceToken}` },
      payload: { publicKey: keys.publicKey },
    });
    expect(registered.json()).toEqual({ registered: true });
    const kiosk = { kioskId: enrolled.kioskId as string, token: enrolled.deviceToken as string, config: enrolled.config };
    const file = await signExport(
      { kioskId: kiosk.kioskId, exportedAt: '2026-11-22T10:00:00.000+07:00', ratings: [Rating.parse(server.rating(kiosk))] },
      keys,
    );
    expect((await upload(file, await server.login())).json()).toMatchObject({ accepted: 1 });
  });
});
