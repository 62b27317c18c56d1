/**
 * Arithmetic on runs of sequence numbers, `[first, last]` inclusive, sorted and disjoint: how the
 * server keeps what it received of a kiosk's count, and finds what is missing.
 */
export type Run = readonly [first: number, last: number];

/** The union of runs, sorted, with overlapping and adjacent runs joined. */
export function mergeRuns(...lists: readonly (readonly Run[])[]): [number, number][] {
  const all = lists.flat().toSorted((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [first, last] of all) {
    const previous = out.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else out.push([first, last]);
  }
  return out;
}

/** The parts of `[from, to]` that no run covers. */
export function uncovered(from: number, to: number, covered: readonly Run[]): [number, number][] {
  const out: [number, number][] = [];
  let next = from;
  for (const [first, last] of mergeRuns(covered)) {
    if (last < next) continue;
    if (first > to) break;
    if (first > next) out.push([next, Math.min(first - 1, to)]);
    next = Math.max(next, last + 1);
    if (next > to) break;
  }
  if (next <= to) out.push([next, to]);
  return out;
}

/** The parts of `runs` that `within` also covers. */
export function intersect(runs: readonly Run[], within: readonly Run[]): [number, number][] {
  const b = mergeRuns(within);
  const out: [number, number][] = [];
  for (const [first, last] of mergeRuns(runs)) {
    for (const [f, l] of b) {
      const lo = Math.max(first, f);
      const hi = Math.min(last, l);
      if (lo <= hi) out.push([lo, hi]);
    }
  }
  return out;
}

/** How many numbers the runs hold. */
export const runLength = (runs: readonly Run[]): number => runs.reduce((n, [first, last]) => n + last - first + 1, 0);
