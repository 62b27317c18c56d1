/**
 * Where a kiosk may take its updates from. An update is code that runs with the kiosk's rights, so
 * its feed must be reached over https (TLS authenticates the district server); plain http only when
 * a developer says so explicitly (`HAILONG_ALLOW_HTTP_UPDATES=1` at build time, for a test server).
 * On Windows the installer's Authenticode signature is also checked against the publisher named at
 * build time (electron-builder's `publisherName`); on every platform electron-updater checks the
 * download's SHA-512 against the feed's `latest*.yml`.
 */
export type FeedVerdict = { ok: true; url: string } | { ok: false; reason: string };

export function updateFeed(url: string | undefined, options: { allowHttp: boolean }): FeedVerdict {
  if (!url) return { ok: false, reason: 'no update feed is set (HAILONG_UPDATE_URL)' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `the update feed is not an address: ${url.slice(0, 100)}` };
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    return { ok: false, reason: 'the update feed must be a plain address (no user, query or fragment)' };
  }
  if (parsed.protocol === 'https:') return { ok: true, url: parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/` };
  if (parsed.protocol === 'http:' && options.allowHttp)
    return { ok: true, url: parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/` };
  return { ok: false, reason: 'the update feed must be https (http only with HAILONG_ALLOW_HTTP_UPDATES=1, for development)' };
}
