// Prints the closing line CI reads ("N passed, N failed"), from Vitest's and Playwright's JSON reports.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const playwright = read('reports/playwright.json');
const reliability = read('reports/reliability.json');
for (const report of [playwright, reliability]) {
  if (!report) continue;
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
  skipped += report.stats.skipped;
}
if (!vitest && !playwright) {
  console.log('tests: 0 passed, 1 failed (no test report was written: typecheck, lint or build failed first)');
  process.exit(1);
}
// Skipped tests say why (the Electron shell's tests where the binary is missing).
const walk = (suite, out = []) => {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status === 'skipped')
        out.push(`${spec.title}: ${test.annotations?.find((a) => a.type === 'skip')?.description ?? 'skipped'}`);
    }
  }
  for (const child of suite.suites ?? []) walk(child, out);
  return out;
};
for (const line of playwright ? playwright.suites.flatMap((suite) => walk(suite)) : []) console.log(`skipped: ${line}`);
const ran = (report) => (report ? 'ran' : 'did not run');
console.log(`vitest: ${ran(vitest)}; playwright: ${ran(playwright)}; reliability suite: ${ran(reliability)}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
