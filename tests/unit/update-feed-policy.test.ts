import { describe, expect, it } from 'vitest';
import { updateFeed } from '../../shared/security/update-feed';

describe('where kiosks take their updates from', () => {
  it.each([
    ['https://hailong.quan.gov.vn/updates/', 'https://hailong.quan.gov.vn/updates/'],
    ['https://hailong.quan.gov.vn/updates', 'https://hailong.quan.gov.vn/updates/'],
    ['https://10.0.0.5:8443/updates/', 'https://10.0.0.5:8443/updates/'],
  ])('takes %s', (url, feed) => {
    expect(updateFeed(url, { allowHttp: false })).toEqual({ ok: true, url: feed });
  });

  it.each([
    [undefined, 'no update feed'],
    ['http://hailong.quan.gov.vn/updates/', 'must be https'],
    ['ftp://hailong.quan.gov.vn/updates/', 'must be https'],
    ['file:///etc/', 'must be https'],
    ['https://user:pw@hailong.quan.gov.vn/updates/', 'plain address'],
    ['https://hailong.quan.gov.vn/updates/?channel=x', 'plain address'],
    ['not a url', 'not an address'],
  ])('refuses %s', (url, reason) => {
    const verdict = updateFeed(url, { allowHttp: false });
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
  });

  it('takes plain http only when a developer says so', () => {
    expect(updateFeed('http://127.0.0.1:8080/updates/', { allowHttp: true })).toEqual({ ok: true, url: 'http://127.0.0.1:8080/updates/' });
  });
});
