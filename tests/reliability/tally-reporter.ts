import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import type { Tally } from './tally';

/** Prints, after the run, one line per scenario: the kiosk's confirmed count, the server's, duplicates. */
export default class TallyReporter implements Reporter {
  private readonly rows: (Tally & { status: string })[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    for (const annotation of test.annotations) {
      if (annotation.type === 'tally' && annotation.description)
        this.rows.push({ ...(JSON.parse(annotation.description) as Tally), status: result.status });
    }
  }

  onEnd() {
    if (this.rows.length === 0) return;
    const header = ['scenario', 'kiosk confirmed', 'server', 'quarantined', 'duplicates', 'lost', 'result'];
    const lines = [...this.rows]
      .sort((a, b) => a.scenario.localeCompare(b.scenario, undefined, { numeric: true }))
      .map((r) => [r.scenario, r.kioskConfirmed, r.serverCount, r.quarantined, r.duplicates, r.lost, r.status].map(String));
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
    const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(`\nExactly-once under faults (kiosk in Chromium → fault proxy → server → SQLite)\n${format(header)}`);
    for (const line of lines) console.log(format(line));
  }
}
