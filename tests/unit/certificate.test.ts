import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redeemEnrolment } from '../../shared/sync/enrolment';
import { HttpTransport } from '../../shared/sync/http-transport';
import { isCertificateError } from '../../shared/sync/network-errors';
import { toIsoWithOffset } from '../../shared/time';
import { sampleRating } from '../support/fixtures';
import { selfSignedCertificate } from '../support/certificate';

describe('recognising a certificate problem', () => {
  it.each([
    [{ cause: { code: 'CERT_HAS_EXPIRED' } }, true],
    [{ cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }, true],
    [{ cause: { cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } } }, true],
    [{ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, true],
    [{ cause: { code: 'ECONNREFUSED' } }, false],
    [{ cause: { code: 'ENOTFOUND' } }, false],
    [new TypeError('Failed to fetch'), false],
    [null, false],
    ['CERT_HAS_EXPIRED', false],
  ])('%j → %s', (error, expected) => {
    expect(isCertificateError(error)).toBe(expected);
  });
});

/** A district server behind a self-signed certificate (made with openssl for the test). */
describe('a server whose certificate is not trusted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hai-long-cert-'));
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    selfSignedCertificate(dir);
    server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) =>
      res.end('{}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes sync report a certificate problem (retried, and shown to staff), not a plain outage', async () => {
    const transport = new HttpTransport({ serverOrigin: origin, deviceToken: async () => 't'.repeat(43), fetch, now: () => new Date() });
    const batch = {
      batchId: crypto.randomUUID(),
      kioskId: crypto.randomUUID(),
      sentAt: toIsoWithOffset(new Date()),
      ratings: [sampleRating(1, new Date())],
    };
    expect(await transport.sendBatch(batch, 5_000)).toMatchObject({ kind: 'network', certificate: true });
  });

  it('makes enrolment explain the certificate', async () => {
    await expect(redeemEnrolment(fetch, origin, 'ABCD-EFGH-JKLM', '0.1.0')).rejects.toMatchObject({ problem: 'certificate' });
    await expect(redeemEnrolment(fetch, 'http://127.0.0.1:9', 'ABCD-EFGH-JKLM', '0.1.0')).rejects.toMatchObject({ problem: 'unreachable' });
  });
});
