import type { ScanMatch } from './finding';

let lastText: string | undefined;
let lastRuns: readonly number[] = [];

/**
 * The runs of ASCII digits in `text` as flat [start, end, start, end…] offsets. Remembered for the last text:
 * `detect` hands every detector the same folded text, and most identifiers start from a digit run.
 */
export function digitRuns(text: string): readonly number[] {
  if (text === lastText) return lastRuns;
  const runs: number[] = [];
  const length = text.length; // read once: a loop that re-reads it can compile to far slower code
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    const start = i;
    for (i++; i < length; i++) {
      const d = text.charCodeAt(i);
      if (d < 48 || d > 57) break;
    }
    runs.push(start, i);
  }
  lastText = text;
  lastRuns = runs;
  return runs;
}

/** Tells `digitRuns` the runs of a text found already (by `readText`, in its one pass), so they are not sought again. */
export function rememberDigitRuns(text: string, runs: readonly number[]): void {
  lastText = text;
  lastRuns = runs;
}

/**
 * The matches of `pattern` (sticky, `y`) that start at most `lookBack` characters before the first digit run
 * they hold, tried only around runs that `fits`: a scan that costs one look at each digit run instead of a
 * regex pass over the whole text. Every match of such a pattern must start its digits on a run's first digit
 * (true when the pattern refuses a digit right before it).
 */
export function matchesFromDigitRuns(
  text: string,
  pattern: RegExp,
  lookBack: number,
  fits: (start: number, end: number) => boolean,
): ScanMatch[] {
  const runs = digitRuns(text);
  const out: ScanMatch[] = [];
  let done = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const start = runs[i]!;
    if (start < done || !fits(start, runs[i + 1]!)) continue;
    for (let at = Math.max(done, start - lookBack); at <= start; at++) {
      pattern.lastIndex = at;
      if (pattern.test(text)) {
        done = pattern.lastIndex; // a sticky match ends there: no match array is made for each try
        out.push([at, text.slice(at, done)]);
        break;
      }
    }
  }
  return out;
}
