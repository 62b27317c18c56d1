import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the scan's own folder (tools/electronegativity), no types
import { classify } from '../../tools/electronegativity/gate.mjs';

const sarif = (...results: [string, string, string?][]) => ({
  runs: [
    {
      results: results.map(([ruleId, uri, level]) => ({
        ruleId,
        ...(level && { level }),
        message: { text: ruleId },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 3 } } }],
      })),
    },
  ],
});

describe('the Electron security scan’s gate (electronegativity exits 0 whatever it finds)', () => {
  it('fails on every finding the scanner reports, with no allow-list to excuse one', () => {
    const { findings } = classify(sarif(['SANDBOX_JS_CHECK', 'main.ts', 'warning'], ['NODE_INTEGRATION_JS_CHECK', 'main.ts']));
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(['SANDBOX_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK']);
  });

  it('keeps the scanner’s notes for manual review apart (every preload, a CSP using self)', () => {
    const { findings, notes } = classify(sarif(['PRELOAD_JS_CHECK', 'main.ts', 'note'], ['CSP_GLOBAL_CHECK', 'main.ts', 'note']));
    expect(findings).toEqual([]);
    expect(notes.map((f: { rule: string }) => f.rule)).toEqual(['PRELOAD_JS_CHECK', 'CSP_GLOBAL_CHECK']);
  });
});
