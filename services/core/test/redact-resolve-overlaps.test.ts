import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/redact/finding';
import { resolveOverlaps } from '../src/redact/resolve-overlaps';

const TYPES = ['CN_MOBILE', 'EMAIL', 'PHONE', 'PERSON_NAME'] as const;

/** The rule as written: rank, then keep each finding that overlaps none kept before it (n², for reference). */
function reference(found: readonly Finding[]): Finding[] {
  const ranked = [...found]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start ||
        a.type.localeCompare(b.type),
    );
  const kept: Finding[] = [];
  for (const f of ranked) if (kept.every((k) => k.end <= f.start || k.start >= f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` findings within `span` characters, some of them empty and some repeated. */
function findings(next: () => number, n: number, span: number): Finding[] {
  const out = Array.from({ length: n }, (): Finding => {
    const start = Math.floor(next() * span);
    const end = start + (next() < 0.1 ? 0 : 1 + Math.floor(next() * 12));
    return {
      type: TYPES[Math.floor(next() * TYPES.length)]!,
      start,
      end,
      value: 'x'.repeat(end - start),
      normalized: 'x',
      confidence: [0.4, 0.7, 0.9, 0.99][Math.floor(next() * 4)]!,
    };
  });
  for (let i = 0; i < n / 8; i++) out.push({ ...out[Math.floor(next() * n)]! });
  return out;
}

describe('resolveOverlaps', () => {
  it('keeps what ranking and greedy selection keep, on 2,000 random sets dense and sparse, with empty and repeated findings', () => {
    const next = random(20261129);
    for (let k = 0; k < 2000; k++) {
      const found = findings(next, 1 + Math.floor(next() * 40), 10 + Math.floor(next() * 300));
      expect(resolveOverlaps(found)).toEqual(reference(found));
    }
  });

  it('returns findings sorted by start and disjoint', () => {
    const found = findings(random(7), 5000, 20000);
    const kept = resolveOverlaps(found);
    for (let i = 1; i < kept.length; i++) expect(kept[i]!.start).toBeGreaterThanOrEqual(kept[i - 1]!.end);
    expect(kept).toEqual(reference(found));
  });

  it('prefers confidence, then length, then the earlier start, then the type name', () => {
    const f = (type: Finding['type'], start: number, end: number, confidence: number): Finding => ({
      type,
      start,
      end,
      value: '',
      normalized: '',
      confidence,
    });
    expect(resolveOverlaps([f('PHONE', 0, 10, 0.7), f('CN_MOBILE', 2, 8, 0.9)])).toEqual([f('CN_MOBILE', 2, 8, 0.9)]);
    expect(resolveOverlaps([f('PHONE', 0, 10, 0.9), f('CN_MOBILE', 2, 8, 0.9)])).toEqual([f('PHONE', 0, 10, 0.9)]);
    expect(resolveOverlaps([f('PHONE', 4, 10, 0.9), f('CN_MOBILE', 0, 6, 0.9)])).toEqual([f('CN_MOBILE', 0, 6, 0.9)]);
    expect(resolveOverlaps([f('PHONE', 0, 6, 0.9), f('CN_MOBILE', 0, 6, 0.9)])).toEqual([f('CN_MOBILE', 0, 6, 0.9)]);
  });

  it('sees the overlap behind an empty finding at the same start', () => {
    const f = (start: number, end: number, confidence: number): Finding => ({
      type: 'PHONE',
      start,
      end,
      value: '',
      normalized: '',
      confidence,
    });
    expect(resolveOverlaps([f(0, 10, 0.9), f(0, 0, 0.8), f(5, 6, 0.5)])).toEqual([f(0, 0, 0.8), f(0, 10, 0.9)]);
  });
});
