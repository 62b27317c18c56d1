/**
 * `npm run screens`: every kiosk screen of the layout check (tests/e2e/layout.spec.ts) as a PNG in
 * reports/screens/<orientation>-<language>-<text size>/, and reports/screens/index.html showing them
 * side by side for review. The PNGs are written even where the layout check fails (that is when a
 * reviewer most needs them); the exit code is the check's.
 */
import { spawnSync } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const out = resolve('reports/screens');
await rm(out, { recursive: true, force: true });
const run = spawnSync('npx', ['playwright', 'test', 'tests/e2e/layout.spec.ts'], {
  stdio: 'inherit',
  env: { ...process.env, HAILONG_SCREENS: out },
});

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const variants = (await readdir(out).catch(() => [] as string[])).sort();
const sections: string[] = [];
let count = 0;
for (const variant of variants) {
  const files = (await readdir(join(out, variant))).filter((f) => f.endsWith('.png')).sort();
  count += files.length;
  const figures = files.map(
    (file) =>
      `<figure><a href="${escape(`${variant}/${file}`)}"><img loading="lazy" src="${escape(`${variant}/${file}`)}" alt=""></a><figcaption>${escape(file.replace(/\.png$/, ''))}</figcaption></figure>`,
  );
  sections.push(`<section><h2>${escape(variant)}</h2><div class="grid ${variant.split('-')[0]}">${figures.join('')}</div></section>`);
}
await writeFile(
  join(out, 'index.html'),
  `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Hài Lòng: kiosk screens (${count})</title>
<style>
body{font-family:sans-serif;margin:16px;background:#eee}
h1{font-size:20px}h2{font-size:16px;margin:24px 0 8px}
.grid{display:grid;gap:12px}
.grid.portrait{grid-template-columns:repeat(auto-fill,minmax(180px,1fr))}
.grid.landscape{grid-template-columns:repeat(auto-fill,minmax(320px,1fr))}
figure{margin:0;background:#fff;padding:4px}img{width:100%;display:block;border:1px solid #ccc}
figcaption{font-size:12px;padding-top:4px;word-break:break-all}
</style>
<h1>Hài Lòng: ${count} kiosk screens, ${variants.length} variants (orientation, language, text size)</h1>
${sections.join('\n')}
</html>
`,
);
console.log(`${count} screens in ${out}/index.html`);
process.exit(run.status ?? 1);
