import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { publicApi, type PublicFigures, type PublicResults } from '../../shared/contract/public-api';
import type { Store } from '../db/connect';
import { declare, type Callers } from '../http/declare';
import { publicResults } from '../reports/public';
import { PUBLIC_CSS } from './public-style';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/be-vietnam-pro/package.json')), 'files');

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (f: PublicFigures) => (f?.satisfiedShare == null ? '–' : `${(f.satisfiedShare * 100).toFixed(1)}%`);
const mean = (f: PublicFigures) => (f?.mean == null ? '–' : f.mean.toFixed(2));

/** The public page: the published results as HTML that prints as an A4 poster. */
function resultsPage(results: PublicResults) {
  const wardRows = results.wards
    .map(
      (w) =>
        `<tr><th scope="row">${escape(w.name)}</th><td>${pct(w.current)}</td><td>${mean(w.current)}</td><td>${w.current?.count ?? 0}</td><td>${pct(w.previous)}</td></tr>`,
    )
    .join('');
  const monthRows = results.months
    .map(({ month, figures }) => {
      const width = Math.round((figures?.satisfiedShare ?? 0) * 100);
      return `<tr><th scope="row">${escape(month)}</th><td><span class="bar bar-${width}"></span> ${pct(figures)}</td><td>${figures?.count ?? 0}</td></tr>`;
    })
    .join('');
  const { current: d, previous: p } = results.district;
  const quarter = results.quarter.replace('-Q', '/').split('/').reverse().join('/');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kết quả đánh giá sự hài lòng – ${escape(results.unit)}</title>
<link rel="stylesheet" href="/public/style.css"></head>
<body><main>
<h1>Kết quả đánh giá sự hài lòng của người dân, tổ chức</h1>
<p class="unit">${escape(results.unit)} · Quý ${escape(quarter)}</p>
<section class="headline" aria-label="Toàn quận">
  <div><span class="big">${pct(d)}</span><span>hài lòng (quý này)</span></div>
  <div><span class="big">${mean(d)}</span><span>điểm trung bình / 5</span></div>
  <div><span class="big">${d?.count ?? 0}</span><span>lượt đánh giá</span></div>
  <div><span class="big">${pct(p)}</span><span>hài lòng (quý trước)</span></div>
</section>
<h2>Theo phường</h2>
<table><thead><tr><th scope="col">Đơn vị</th><th scope="col">Hài lòng (quý này)</th><th scope="col">Điểm TB</th><th scope="col">Số lượt</th><th scope="col">Hài lòng (quý trước)</th></tr></thead>
<tbody>${wardRows}</tbody></table>
<h2>Theo tháng, năm ${escape(results.quarter.slice(0, 4))}</h2>
<table><thead><tr><th scope="col">Tháng</th><th scope="col">Tỷ lệ hài lòng</th><th scope="col">Số lượt</th></tr></thead><tbody>${monthRows}</tbody></table>
<p class="note">Tỷ lệ hài lòng: phần trăm lượt đánh giá "Rất hài lòng" hoặc "Hài lòng". Không tính các lượt đánh giá dồn dập bất thường. Danh tính người đánh giá được giữ bí mật (Nghị định 61/2018/NĐ-CP, Điều 27).</p>
</main></body></html>`;
}

/**
 * Public results, no sign-in (shared/contract/public-api.ts): aggregates only, nothing identifying
 * (Decree 61 Art. 32.1 asks for publication on the portal and at the counter).
 */
export async function publicRoutes(app: FastifyInstance, { store, now, callers }: { store: Store; now: () => Date; callers: Callers }) {
  // The page's font, bundled like the kiosk's: a counter's notice-board PC may have no Vietnamese font.
  await app.register(fastifyStatic, {
    root: fontDir,
    prefix: '/public/fonts/',
    decorateReply: false,
    allowedPath: (path) => /^\/be-vietnam-pro-(vietnamese|latin)-(400|700)-normal\.woff2$/.test(path),
    setHeaders: (res) => res.setHeader('cache-control', 'public, max-age=31536000, immutable'),
  });

  // Read by anyone with the poster's QR code: made at most once a minute, however many ask at once.
  const results = oncePerMinute(() => publicResults(store, now()), now);

  declare(app, publicApi.results, callers, async ({ request, reply }) => {
    const { value, etag } = await results();
    reply.header('etag', etag).header('cache-control', 'public, max-age=60');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return value;
  });

  declare(app, publicApi.page, callers, async ({ request, reply }) => {
    const { value, etag } = await results();
    reply.header('etag', etag).header('cache-control', 'public, max-age=60');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.header('content-type', 'text/html; charset=utf-8').send(resultsPage(value));
  });

  declare(app, publicApi.pageStyle, callers, async ({ reply }) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PUBLIC_CSS),
  );
}

/**
 * The latest value, made again when a minute old; callers arriving while it is being made share
 * that one promise. The ETag is the value's hash, so a client that has it gets a 304.
 */
function oncePerMinute<T>(make: () => Promise<T>, now: () => Date) {
  let latest: { at: number; pending: Promise<{ value: T; etag: string }> } | null = null;
  return () => {
    const at = now().getTime();
    if (!latest || at - latest.at >= 60_000) {
      const pending = make().then((value) => ({
        value,
        etag: `"${createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 27)}"`,
      }));
      latest = { at, pending };
      // A failure is not kept: the next request tries again.
      pending.catch(() => {
        if (latest?.pending === pending) latest = null;
      });
    }
    return latest.pending;
  };
}
