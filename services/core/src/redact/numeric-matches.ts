import { digitRuns } from './digit-runs';
import type { ScanMatch } from './finding';

/** No numeric identifier has fewer digits (an IPv4 address has four). */
const MIN_DIGITS = 4;

/**
 * Digit runs joined by one or two separator characters (space, dash, dot, parentheses), with the `+` and `(`
 * before them: every card, phone, SSN or IPv4 lies within one.
 */
interface Run {
  end: number;
  digits: number;
  /** Where a match may start: a digit run's first digit, or a `+`/`(` just before it; never after a digit. */
  starts: number[];
}

/** One text's runs, kept for the next detector: `detect` hands every detector the same folded string. */
let memo: { text: string; runs: Run[] } = { text: '', runs: [] };

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSeparator = (c: number) => c === 32 || c === 45 || c === 46 || c === 40 || c === 41; // space - . ( )

/** Whether the one or two characters between two digit runs are separators. */
function joins(text: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let i = from; i < to; i++) if (!isSeparator(text.charCodeAt(i))) return false;
  return true;
}

const isStartOrSpace = (c: number) => c === 43 || c === 40 || c === 32; // + ( space

/** The `+`/`(` among the (at most four) characters before a digit run at `at`, then `at` itself. */
function startsBefore(text: string, at: number, out: number[]): void {
  let p = at;
  while (p > at - 4 && p > 0 && isStartOrSpace(text.charCodeAt(p - 1))) p--;
  for (; p < at; p++) {
    const c = text.charCodeAt(p);
    if ((c === 43 || c === 40) && !isDigit(text.charCodeAt(p - 1))) out.push(p); // + (
  }
  out.push(at);
}

/** The text's numeric runs, built from the shared digit runs (one pass over the text for every numeric detector). */
function runsOf(text: string): Run[] {
  if (memo.text === text) return memo.runs;
  const flat = digitRuns(text);
  const runs: Run[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const starts: number[] = [];
    startsBefore(text, flat[i]!, starts);
    let end = flat[i + 1]!;
    let digits = end - flat[i]!;
    while (i + 2 < flat.length && joins(text, end, flat[i + 2]!)) {
      i += 2;
      startsBefore(text, flat[i]!, starts);
      digits += flat[i + 1]! - flat[i]!;
      end = flat[i + 1]!;
    }
    if (digits >= MIN_DIGITS) runs.push({ end, digits, starts });
  }
  memo = { text, runs };
  return runs;
}

/** Where a match may start, for `numericMatches`: a cheap check made before the regex is tried there. */
export type StartCheck = (text: string, at: number) => boolean;

/** A `StartCheck` passing the positions that hold one of `chars` (the characters a pattern can start with). */
export function startsWithOneOf(chars: string): StartCheck {
  return (text, at) => chars.includes(text[at]!);
}

/**
 * The matches of a sticky `pattern` that starts with a digit, `+` or `(` not preceded by a digit, tried only at
 * such positions inside runs of at least `minDigits` digits (and only where `canStart`, when given, allows: it
 * must pass every position a match can start at): one shared pass over the text instead of one regex scan per
 * numeric detector. Matches do not overlap, as with a global regex.
 */
export function numericMatches(text: string, pattern: RegExp, minDigits: number, canStart?: StartCheck): ScanMatch[] {
  const out: ScanMatch[] = [];
  let from = 0;
  for (const run of runsOf(text)) {
    if (run.digits < minDigits || run.end <= from) continue;
    for (const p of run.starts) {
      if (p < from || (canStart && !canStart(text, p))) continue;
      // `test`, not `exec`: a sticky match ends at `lastIndex`, and no match array is made for each try.
      pattern.lastIndex = p;
      if (!pattern.test(text)) continue;
      from = pattern.lastIndex;
      out.push([p, text.slice(p, from)]);
    }
  }
  return out;
}
