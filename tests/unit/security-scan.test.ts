import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the scan's own folder (tools/electronegativity), no types
import { unexplained } from '../../tools/electronegativity/gate.mjs';

const sarif = (...results: [string, string][]) => ({
  runs: [
    {
      results: results.map(([ruleId, uri]) => ({
        ruleId,
        message: { text: ruleId },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 3 } } }],
      })),
    },
  ],
});

describe('the Electron security scan’s gate (electronegativity exits 0 whatever it finds)', () => {
  it('passes findings the checked-in allow-list explains, and fails any other', async () => {
    const allowList = JSON.parse(await readFile('tools/electronegativity/allow-list.json', 'utf8'));
    expect(unexplained(sarif(['SANDBOX_JS_CHECK', 'main.ts'], ['CSP_GLOBAL_CHECK', 'file:///']), allowList).unexplained).toEqual([]);
    const open = unexplained(
      sarif(['NODE_INTEGRATION_JS_CHECK', 'main.ts'], ['SANDBOX_JS_CHECK', 'kiosk-service.ts']),
      allowList,
    ).unexplained;
    expect(open.map((f: { rule: string; file: string }) => `${f.rule} ${f.file}`)).toEqual([
      'NODE_INTEGRATION_JS_CHECK main.ts',
      'SANDBOX_JS_CHECK kiosk-service.ts',
    ]);
  });

  it('does not accept an entry without a real reason', () => {
    expect(
      unexplained(sarif(['SANDBOX_JS_CHECK', 'main.ts']), [{ rule: 'SANDBOX_JS_CHECK', file: 'main.ts', reason: 'ok' }]).unexplained,
    ).toHaveLength(1);
  });

  it('explains each allowed finding with its reason', async () => {
    const allowList: { rule: string; reason: string }[] = JSON.parse(await readFile('tools/electronegativity/allow-list.json', 'utf8'));
    for (const entry of allowList) expect(entry.reason.length, entry.rule).toBeGreaterThan(60);
  });
});
