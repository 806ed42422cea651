import type { Finding } from './finding';

/** Deterministic rank: higher confidence first, then the longer span, then the earlier start, then the type name. */
function outranks(a: Finding, b: Finding): number {
  return (
    b.confidence - a.confidence ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    a.type.localeCompare(b.type)
  );
}

/**
 * The findings that survive overlaps, sorted by start (then end): taken in rank order (see `outranks`), each is kept
 * unless it overlaps one kept before it. O(n log n) however the findings overlap: the kept ones are disjoint, so the
 * only one that can overlap a finding is the kept one that starts last before the finding ends (the longest, if
 * several start there), found in a Fenwick tree over the findings' places in that order (inserting into a sorted
 * array instead costs n² on a long text with interleaved overlaps).
 */
export function resolveOverlaps(found: readonly Finding[]): Finding[] {
  if (found.length < 2) return [...found];
  // By start, then end: of two findings that start together, an empty one comes first, so the kept finding that
  // starts last before another ends is the one reaching furthest. Then by rank, as empty twins are both kept.
  const byStart = [...found].sort((a, b) => a.start - b.start || a.end - b.end || outranks(a, b));
  let disjoint = true;
  for (let i = 1; i < byStart.length && disjoint; i++) disjoint = byStart[i]!.start >= byStart[i - 1]!.end;
  if (disjoint) return byStart;

  const n = byStart.length;
  const ranked: number[] = [];
  for (let i = 0; i < n; i++) ranked.push(i);
  ranked.sort((a, b) => outranks(byStart[a]!, byStart[b]!));
  const kept = new Uint8Array(n);
  const tree = new Int32Array(n + 1); // Fenwick tree of `kept`, 1-based
  for (const i of ranked) {
    const f = byStart[i]!;
    const before = countStartingBefore(byStart, f.end);
    const count = prefixSum(tree, before);
    if (count > 0 && byStart[nth(tree, count) - 1]!.end > f.start) continue;
    kept[i] = 1;
    for (let k = i + 1; k <= n; k += k & -k) tree[k]!++;
  }
  return byStart.filter((_, i) => kept[i] === 1);
}

/** How many findings (sorted by start) start before `at`. */
function countStartingBefore(byStart: readonly Finding[], at: number): number {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many kept findings are among the first `k` places. */
function prefixSum(tree: Int32Array, k: number): number {
  let sum = 0;
  for (let i = k; i > 0; i -= i & -i) sum += tree[i]!;
  return sum;
}

/** The (1-based) place of the `count`-th kept finding. */
function nth(tree: Int32Array, count: number): number {
  let at = 0;
  let left = count;
  for (let step = 1 << (31 - Math.clz32(tree.length - 1)); step > 0; step >>= 1) {
    if (at + step < tree.length && tree[at + step]! < left) {
      at += step;
      left -= tree[at]!;
    }
  }
  return at + 1;
}
