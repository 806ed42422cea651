import type { ScanMatch } from './finding';

const DIGITS = /\d+/g;
let lastText: string | undefined;
let lastRuns: number[] = [];

/**
 * The runs of ASCII digits in `text` as flat [start, end, start, end…] offsets. Remembered for the last text:
 * `detect` hands every detector the same folded text, and most identifiers start from a digit run.
 */
export function digitRuns(text: string): readonly number[] {
  if (text === lastText) return lastRuns;
  const runs: number[] = [];
  for (const m of text.matchAll(DIGITS)) runs.push(m.index, m.index + m[0].length);
  lastText = text;
  lastRuns = runs;
  return runs;
}

/**
 * The matches of `pattern` (sticky, `y`) that start at most `lookBack` characters before the first digit run
 * they hold, tried only around runs that `fits`: a scan that costs one look at each digit run instead of a
 * regex pass over the whole text. Every match of such a pattern must start its digits on a run's first digit
 * (true when the pattern refuses a digit right before it).
 */
export function* matchesFromDigitRuns(
  text: string,
  pattern: RegExp,
  lookBack: number,
  fits: (start: number, end: number) => boolean,
): Generator<ScanMatch> {
  const runs = digitRuns(text);
  let done = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const start = runs[i]!;
    if (start < done || !fits(start, runs[i + 1]!)) continue;
    for (let at = Math.max(done, start - lookBack); at <= start; at++) {
      pattern.lastIndex = at;
      const m = pattern.exec(text);
      if (m) {
        yield [at, m[0]];
        done = at + m[0].length;
        break;
      }
    }
  }
}
