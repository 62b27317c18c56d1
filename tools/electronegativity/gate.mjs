// The gate on @doyensec/electronegativity's findings (its CLI exits 0 whatever it finds). The
// scanner marks what it could not judge as a `note` for manual review (every preload script, a CSP
// using 'self'); anything else it reports is a finding, and the gate fails on it. No allow-list:
// the shell must read as secure to the scanner itself.

/** A SARIF report's findings (to fix) and its notes (reviewed by hand: docs/deployment.md). */
export function classify(sarif) {
  const all = sarif.runs.flatMap((run) =>
    run.results.map((result) => ({
      rule: result.ruleId,
      level: result.level ?? 'warning',
      file: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '',
      line: result.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
      message: result.message?.text ?? '',
    })),
  );
  return { findings: all.filter((f) => f.level !== 'note'), notes: all.filter((f) => f.level === 'note') };
}
