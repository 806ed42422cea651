/** Lengths past this are not tracked: no phone number comes near. */
const MAX = 30;
const ALL = 0x7fffffff;

/** The lengths of `a` followed by `b`, as bit masks (bit n: length n). */
function sum(a: number, b: number): number {
  let out = 0;
  for (let n = 0; n <= MAX; n++) if ((a >>> n) & 1) out |= (b << n) & ALL;
  return out;
}

/**
 * The lengths (up to 30) of the strings a numbering-plan pattern of libphonenumber's metadata matches, as a bit
 * mask (bit n: length n), so a number of another length is ruled out without running the pattern. The metadata
 * writes its patterns with digits, `\d`, classes, groups, `|`, `?` and `{n}`/`{n,m}`; any other syntax gives null,
 * and then the pattern decides alone.
 */
export function patternLengths(pattern: string): number | null {
  let i = 0;
  const alternatives = (): number | null => {
    let mask = sequence();
    while (mask !== null && pattern[i] === '|') {
      i++;
      const next = sequence();
      mask = next === null ? null : mask | next;
    }
    return mask;
  };
  const sequence = (): number | null => {
    let mask = 1; // the empty string
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      const one = quantified(atom());
      if (one === null) return null;
      mask = sum(mask, one);
    }
    return mask;
  };
  const atom = (): number | null => {
    const c = pattern[i]!;
    if (c === '(') {
      i += pattern.startsWith('(?:', i) ? 3 : 1;
      const mask = alternatives();
      if (mask === null || pattern[i] !== ')') return null;
      i++;
      return mask;
    }
    if (c === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0 || pattern.slice(i + 1, end).includes('[')) return null;
      i = end + 1;
      return 1 << 1;
    }
    if (c === '\\' && pattern[i + 1] === 'd') {
      i += 2;
      return 1 << 1;
    }
    if (c >= '0' && c <= '9') {
      i++;
      return 1 << 1;
    }
    return null;
  };
  const quantified = (mask: number | null): number | null => {
    if (mask === null) return null;
    if (pattern[i] === '?') {
      i++;
      return mask | 1;
    }
    if (pattern[i] !== '{') return mask;
    const m = /^\{(\d+)(?:,(\d+))?\}/.exec(pattern.slice(i));
    if (!m) return null;
    i += m[0].length;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    let out = 0;
    let times = 1; // `mask` repeated k times, from k = 0
    for (let k = 0; k <= Math.min(hi, MAX); k++) {
      if (k >= lo) out |= times;
      times = sum(times, mask);
    }
    return out;
  };
  const mask = alternatives();
  return i === pattern.length ? mask : null;
}

/** Whether a string of `length` may match a pattern whose `patternLengths` are `mask` (null: it may). */
export function mayHaveLength(mask: number | null, length: number): boolean {
  return mask === null || length > MAX || ((mask >>> length) & 1) === 1;
}
