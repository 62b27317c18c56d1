// `npm run scan:electron`: Electron security scan of electron/ with @doyensec/electronegativity,
// installed in this folder of its own (it is unmaintained and breaks beside the project's
// TypeScript). Medium severity and up, firm confidence; fails on any finding (gate.mjs), and prints
// the notes the scanner leaves for manual review.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from './gate.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const cli = join(here, 'node_modules', '.bin', 'electronegativity');
if (!existsSync(cli)) execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const report = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.sarif');
execFileSync(cli, ['-i', join(root, 'electron'), '-e', electronVersion, '-s', 'medium', '-c', 'firm', '-r', '-v', 'false', '-o', report], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (!existsSync(report)) throw new Error('electronegativity wrote no report');
const { findings, notes } = classify(JSON.parse(readFileSync(report, 'utf8')));
console.log(`electronegativity ${electronVersion}: ${findings.length} findings, ${notes.length} notes for manual review`);
for (const f of findings) console.log(`  ✗ ${f.rule} ${f.file}:${f.line} ${f.message}`);
for (const f of notes) console.log(`  · review: ${f.rule} ${f.file}:${f.line} ${f.message}`);
process.exit(findings.length === 0 ? 0 : 1);
