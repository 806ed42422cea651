import { Buffer } from 'node:buffer';
/**
 * Characters a detector cannot do without: `detect` looks once at a text for each, and skips a detector whose
 * needs are absent without calling it (most turns of a conversation hold no digit and no `@`).
 * `digit` an ASCII digit, `latin` an ASCII letter, `han` a CJK ideograph (U+3400–U+9FFF), `@` and `:` themselves.
 */
export type TextFeature = 'digit' | 'latin' | 'han' | '@' | ':';

/**
 * What separates two fields (a record's subject and turns) where `detect` reads them as one text: U+2029, the
 * paragraph separator. No match spans it (it is no digit, letter or punctuation a pattern takes). What would
 * cancel a finding stops there: a label before a number (`labelledAs`), the SSN's Chinese-text check, a signature
 * (see the person-name detector). Context words, which only raise confidence, reach across it, as an answer's
 * context is the question before it; so does an answer to a name question, into the next field only.
 */
export const FIELD_BREAK = '\u2029';

/** `digit` is bit 1, so that `bits & BITS.digit` counts digits. */
const BITS: { readonly [F in TextFeature]: number } = { digit: 1, latin: 2, han: 4, '@': 8, ':': 16 };

/** What `readText` learns of one UTF-16 unit: its feature bits (of its folded self) and `FOLDS`. */
const FOLDS = 32;
/**
 * The class of every UTF-16 unit, one byte each: one load per character is what lets `readText` keep up with the
 * native string functions (a chain of range tests per character cost twice as much).
 */
const CLASS = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = BITS.digit;
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = CLASS[c + 0x20] = BITS.latin;
CLASS[0x40] = BITS['@'];
CLASS[0x3a] = BITS[':'];
CLASS.fill(BITS.han, 0x3400, 0xa000);
for (let c = 0xff01; c <= 0xff5e; c++) CLASS[c] = CLASS[c - 0xfee0]! | FOLDS;
CLASS[0xa0] = CLASS[0x3000] = FOLDS;

/** A text as detectors read it: width-folded (see `foldWidth`), the features of the folded text as bits, its digits. */
export interface ReadText {
  folded: string;
  has: number;
  /** How many ASCII digits the folded text holds. */
  digits: number;
  /** Its runs of ASCII digits as flat [start, end, start, end…] offsets (see `digitRuns`). */
  digitRuns: readonly number[];
}

/**
 * Folds full-width ASCII (`０-９`, `Ａ-Ｚ`, `＠`, `．`…), the ideographic space and the no-break space to ASCII,
 * one UTF-16 unit for one, and notes the features and digit runs of the result.
 */
export function readText(text: string): ReadText {
  let has = 0;
  let digits = 0;
  const runs: number[] = [];
  const folding: number[] = [];
  let run = -1; // where the current digit run started
  const length = text.length; // read once: a loop that re-reads it can compile to far slower code
  for (let i = 0; i < length; i++) {
    const k = CLASS[text.charCodeAt(i)]!;
    has |= k;
    if ((k & FOLDS) !== 0) folding.push(i);
    if ((k & BITS.digit) !== 0) {
      digits++;
      if (run < 0) run = i;
    } else if (run >= 0) {
      runs.push(run, i);
      run = -1;
    }
  }
  if (run >= 0) runs.push(run, length);
  return { folded: folding.length > 0 ? foldText(text, folding) : text, has: has & ~FOLDS, digits, digitRuns: runs };
}

/**
 * The text with the units at `at` (those `readText` saw fold) folded, rewritten in place in a UTF-16 copy: Chinese
 * prose holds a full-width `，` or `：` every few characters, and joining slices around each costs twice as much.
 */
function foldText(text: string, at: readonly number[]): string {
  const bytes = Buffer.from(text, 'utf16le');
  const units = new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  for (let k = 0; k < at.length; k++) {
    const c = units[at[k]!]!;
    units[at[k]!] = c >= 0xff01 ? c - 0xfee0 : 0x20;
  }
  return bytes.toString('utf16le');
}

/** Whether UTF-16 code `c` is an ASCII letter. */
export const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Whether features `has` (from `readText`) include `feature`. */
export function hasFeature(has: number, feature: TextFeature): boolean {
  return (has & BITS[feature]) !== 0;
}

/** The bits of a detector's needs, for `(needs & ~readText(text).has) === 0`. */
export function featureBits(needs: readonly TextFeature[] | undefined): number {
  let bits = 0;
  for (const f of needs ?? []) bits |= BITS[f];
  return bits;
}
