// The gate on @doyensec/electronegativity's findings (its CLI exits 0 whatever it finds): every
// finding must be explained in allow-list.json, by rule and file, with a reason.

/** Findings of a SARIF report that no allow-list entry explains. */
export function unexplained(sarif, allowList) {
  const findings = sarif.runs.flatMap((run) =>
    run.results.map((result) => ({
      rule: result.ruleId,
      file: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '',
      line: result.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
      message: result.message?.text ?? '',
    })),
  );
  const explained = (finding) =>
    allowList.some(
      (entry) => entry.rule === finding.rule && (entry.file === '*' || entry.file === finding.file) && entry.reason?.trim().length >= 20,
    );
  return { findings, unexplained: findings.filter((finding) => !explained(finding)) };
}
