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
import QRCode from 'qrcode';
import { originOf, type PublicAddress } from '../http/origin';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/be-vietnam-pro/package.json')), 'files');

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const share = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('vi-VN');
const pct = (f: PublicFigures) => (f?.satisfiedShare == null ? '–' : share.format(f.satisfiedShare));
const mean = (f: PublicFigures) => (f?.mean == null ? '–' : decimal.format(f.mean));
const count = (f: PublicFigures) => whole.format(f?.count ?? 0);

/** "▲ 2,3 điểm" against the quarter before, in percentage points; nothing when either is missing. */
function change(now: PublicFigures, before: PublicFigures) {
  if (now?.satisfiedShare == null || before?.satisfiedShare == null) return 'chưa có số liệu quý trước để so sánh';
  const points = (now.satisfiedShare - before.satisfiedShare) * 100;
  const size = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(Math.abs(points));
  return points === 0 ? 'bằng quý trước' : `${points > 0 ? '▲ tăng' : '▼ giảm'} ${size} điểm % so với quý trước`;
}

/**
 * The public page: the published results as HTML that reads on a phone (people scan the counter's
 * QR code) and prints as one A4 poster: headline figures, the trend by month, every ward, and the
 * QR code back to this page. No script and no inline style (the CSP forbids both).
 */
function resultsPage(results: PublicResults, pageUrl: string, qrSvg: string) {
  const wardRows = results.wards
    .map(
      (w) =>
        `<tr><th scope="row">${escape(w.name)}</th><td>${pct(w.current)}</td><td>${mean(w.current)}</td><td>${count(w.current)}</td><td>${pct(w.previous)}</td></tr>`,
    )
    .join('');
  const year = results.quarter.slice(0, 4);
  const byMonth = new Map(results.months.map((m) => [m.month, m.figures]));
  const monthBars = Array.from({ length: 12 }, (_, i) => {
    const figures = byMonth.get(`${year}-${String(i + 1).padStart(2, '0')}`) ?? null;
    const height = Math.round((figures?.satisfiedShare ?? 0) * 100);
    return `<li><span class="value">${figures ? pct(figures) : ''}</span><span class="column"><span class="fill h-${height}"></span></span><span class="month">T${i + 1}</span></li>`;
  }).join('');
  const { current: d, previous: p } = results.district;
  const [y, q] = results.quarter.split('-Q');
  const many = results.wards.length > 12 ? ' many' : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kết quả đánh giá sự hài lòng – ${escape(results.unit)}</title>
<link rel="stylesheet" href="/public/style.css"></head>
<body><main class="poster${many}">
<header>
<p class="unit">${escape(results.unit)}</p>
<h1>Kết quả đánh giá sự hài lòng của người dân, tổ chức</h1>
<p class="period">Quý ${escape(q ?? '')}/${escape(y ?? '')}</p>
</header>
<section class="headline" aria-label="Toàn đơn vị, quý này">
  <div><span class="big">${pct(d)}</span><span>hài lòng</span></div>
  <div><span class="big">${mean(d)}</span><span>điểm trung bình (thang ${d?.scaleSize ?? 5})</span></div>
  <div><span class="big">${count(d)}</span><span>lượt đánh giá</span></div>
  <div><span class="trend">${change(d, p)}</span><span>quý trước: ${pct(p)}</span></div>
</section>
<section class="months" aria-label="Tỷ lệ hài lòng theo tháng, năm ${escape(year)}">
<h2>Tỷ lệ hài lòng theo tháng, năm ${escape(year)}</h2>
<ol>${monthBars}</ol>
</section>
<section class="wards">
<h2>Theo phường</h2>
<table><thead><tr><th scope="col">Đơn vị</th><th scope="col">Hài lòng</th><th scope="col">Điểm TB</th><th scope="col">Số lượt</th><th scope="col">Quý trước</th></tr></thead>
<tbody>${wardRows}</tbody></table>
</section>
<footer>
<div class="qr" role="img" aria-label="Mã QR đến trang kết quả">${qrSvg}</div>
<div><p class="scan">Quét mã để xem kết quả mới nhất:</p><p class="address">${escape(pageUrl)}</p>
<p class="note">Tỷ lệ hài lòng: phần trăm lượt đánh giá "Rất hài lòng" hoặc "Hài lòng". Không tính các lượt đánh giá dồn dập bất thường. Danh tính người đánh giá được giữ bí mật (Nghị định 61/2018/NĐ-CP, Điều 27).</p></div>
</footer>
</main></body></html>`;
}

/**
 * Public results, no sign-in (shared/contract/public-api.ts): aggregates only, nothing identifying
 * (Decree 61 Art. 32.1 asks for publication on the portal and at the counter).
 */
export async function publicRoutes(
  app: FastifyInstance,
  { store, now, callers, address }: { store: Store; now: () => Date; callers: Callers; address: PublicAddress },
) {
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

  // The poster's QR code, made once per address the page is served at (one, or a few behind proxies).
  const qrCodes = new Map<string, Promise<string>>();
  const qrFor = (url: string) => {
    if (!qrCodes.has(url)) {
      if (qrCodes.size >= 16) qrCodes.clear();
      qrCodes.set(url, QRCode.toString(url, { type: 'svg', margin: 0 }));
    }
    return qrCodes.get(url)!;
  };

  declare(app, publicApi.page, callers, async ({ request, reply }) => {
    const { value, etag } = await results();
    reply.header('etag', etag).header('cache-control', 'public, max-age=60');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    // The QR code leads to this page at the district's own address (never one made from the Host header).
    const pageUrl = `${originOf(address, request)}/public/`;
    const qrSvg = await qrFor(pageUrl);
    return reply.header('content-type', 'text/html; charset=utf-8').send(resultsPage(value, pageUrl, qrSvg));
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
