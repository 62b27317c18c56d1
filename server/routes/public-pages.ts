import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportCell } from '../../shared/report/cells';
import type { Store } from '../db/connect';
import { buildReport } from '../reports/query';
import { listWards } from '../repo/wards';
import { vietnamDay } from '../time';
import { PUBLIC_CSS } from './public-style';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/be-vietnam-pro/package.json')), 'files');

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (cell: ReportCell | undefined) => (cell?.satisfiedShare == null ? '–' : `${(cell.satisfiedShare * 100).toFixed(1)}%`);
const mean = (cell: ReportCell | undefined) => (cell?.mean == null ? '–' : cell.mean.toFixed(2));

function quarterOf(day: string) {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  const previous = q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  return { current: `${y}-Q${q}`, previous, year: String(y) };
}

/**
 * Public results, no sign-in: aggregates only, nothing identifying (Decree 61 Art. 32.1 asks for
 * publication on the portal and at the counter; the page prints as an A4 poster).
 */
export async function publicPages(app: FastifyInstance, { store, now }: { store: Store; now: () => Date }) {
  // The page's font, bundled like the kiosk's: a counter's notice-board PC may have no Vietnamese font.
  await app.register(fastifyStatic, {
    root: fontDir,
    prefix: '/public/fonts/',
    decorateReply: false,
    allowedPath: (path) => /^\/be-vietnam-pro-(vietnamese|latin)-(400|700)-normal\.woff2$/.test(path),
    setHeaders: (res) => res.setHeader('cache-control', 'public, max-age=31536000, immutable'),
  });

  app.get('/public/style.css', (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PUBLIC_CSS),
  );

  app.get('/public/', async (_request, reply) => {
    const { current, previous, year } = quarterOf(vietnamDay(now().getTime()));
    const options = { minResponses: 0 };
    const byWard = async (at: string) =>
      buildReport(store, { period: 'quarter', at, groupBy: 'ward', includeBursts: false, format: 'json' }, options);
    const district = async (at: string) =>
      buildReport(store, { period: 'quarter', at, groupBy: 'district', includeBursts: false, format: 'json' }, options);
    const [now5, prev5, districtNow, districtPrev, months] = await Promise.all([
      byWard(current),
      byWard(previous),
      district(current),
      district(previous),
      buildReport(store, { period: 'year', at: year, groupBy: 'month', includeBursts: false, format: 'json' }, options),
    ]);
    const wards = (await listWards(store)).sort((a, b) => a.name_vi.localeCompare(b.name_vi, 'vi'));
    // A ward's headline is its main (5-level) scale where it has one.
    const pick = (rows: { key: string; scaleSize: number }[], key: string) =>
      [...rows].filter((r) => r.key === key).sort((a, b) => b.scaleSize - a.scaleSize)[0] as ReportCell | undefined;
    const wardRows = wards
      .map((w) => {
        const a = pick(now5.rows, w.id);
        const b = pick(prev5.rows, w.id);
        return `<tr><th scope="row">${escape(w.name_vi)}</th><td>${pct(a)}</td><td>${mean(a)}</td><td>${a?.count ?? 0}</td><td>${pct(b)}</td></tr>`;
      })
      .join('');
    const monthRows = months.rows
      .filter((r) => r.scaleSize === 5 || months.rows.every((x) => x.scaleSize !== 5))
      .map((r) => {
        const width = Math.round((r.satisfiedShare ?? 0) * 100);
        return `<tr><th scope="row">${escape(r.key)}</th><td><span class="bar bar-${width}"></span> ${pct(r)}</td><td>${r.count}</td></tr>`;
      })
      .join('');
    const d = pick(districtNow.rows, '');
    const p = pick(districtPrev.rows, '');
    const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kết quả đánh giá sự hài lòng – ${escape(districtNow.unit)}</title>
<link rel="stylesheet" href="/public/style.css"></head>
<body><main>
<h1>Kết quả đánh giá sự hài lòng của người dân, tổ chức</h1>
<p class="unit">${escape(districtNow.unit)} · Quý ${escape(current.replace('-Q', '/').split('/').reverse().join('/'))}</p>
<section class="headline" aria-label="Toàn quận">
  <div><span class="big">${pct(d)}</span><span>hài lòng (quý này)</span></div>
  <div><span class="big">${mean(d)}</span><span>điểm trung bình / 5</span></div>
  <div><span class="big">${d?.count ?? 0}</span><span>lượt đánh giá</span></div>
  <div><span class="big">${pct(p)}</span><span>hài lòng (quý trước)</span></div>
</section>
<h2>Theo phường</h2>
<table><thead><tr><th scope="col">Đơn vị</th><th scope="col">Hài lòng (quý này)</th><th scope="col">Điểm TB</th><th scope="col">Số lượt</th><th scope="col">Hài lòng (quý trước)</th></tr></thead>
<tbody>${wardRows}</tbody></table>
<h2>Theo tháng, năm ${escape(year)}</h2>
<table><thead><tr><th scope="col">Tháng</th><th scope="col">Tỷ lệ hài lòng</th><th scope="col">Số lượt</th></tr></thead><tbody>${monthRows}</tbody></table>
<p class="note">Tỷ lệ hài lòng: phần trăm lượt đánh giá "Rất hài lòng" hoặc "Hài lòng". Không tính các lượt đánh giá dồn dập bất thường. Danh tính người đánh giá được giữ bí mật (Nghị định 61/2018/NĐ-CP, Điều 27).</p>
</main></body></html>`;
    return reply.header('content-type', 'text/html; charset=utf-8').send(html);
  });
  app.get('/public', (_request, reply) => reply.redirect('/public/'));
}
