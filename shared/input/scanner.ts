/**
 * A barcode or QR scanner plugged in as a keyboard types a whole code in a burst and presses Enter.
 * Given the keys with their times, tell a scan from a person typing: at least `minLength` characters,
 * each within `maxGapMs` of the previous one, ending with Enter.
 */
export interface TimedKey {
  key: string;
  at: number;
}

export function readScan(keys: readonly TimedKey[], options: { minLength?: number; maxGapMs?: number } = {}): string | null {
  const minLength = options.minLength ?? 4;
  const maxGap = options.maxGapMs ?? 40;
  if (keys.at(-1)?.key !== 'Enter') return null;
  // The burst: walk back from Enter while the keys come fast.
  let start = keys.length - 1;
  while (start > 0 && keys[start]!.at - keys[start - 1]!.at <= maxGap && keys[start - 1]!.key.length === 1) start--;
  const code = keys
    .slice(start, -1)
    .map((k) => k.key)
    .join('');
  return code.length >= minLength ? code : null;
}

/** A template's dossier-code rule: a pattern (anchored), and whether the code may be skipped. */
export function checkDossierCode(code: string, rule: { pattern: string; required: boolean }): 'ok' | 'empty' | 'malformed' {
  const trimmed = code.trim().toUpperCase();
  if (trimmed === '') return rule.required ? 'empty' : 'ok';
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${rule.pattern})$`, 'u');
  } catch {
    return 'malformed';
  }
  return pattern.test(trimmed) ? 'ok' : 'malformed';
}
