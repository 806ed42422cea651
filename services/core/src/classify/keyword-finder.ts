/**
 * Whether `c` (read by `keyUnit`) is a letter of an alphabet with words, Latin (accented too), Greek or Cyrillic:
 * a keyword in one must start a word. Han has no word boundaries to respect.
 */
const isWordLetter = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c >= 0x370 && c <= 0x52f);

const isAsciiLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/**
 * One UTF-16 unit as keywords are written: full-width ASCII and the ideographic and no-break spaces as their ASCII
 * selves (see `foldWidth`), then lower case. Only Latin, Greek and Cyrillic letters below U+3400 have a case to
 * fold; CJK has none.
 */
function keyUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000 || c === 0xa0) return 0x20;
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0x3400) return c;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** A keyword as the finder reports it: each unit as `keyUnit` reads it (`ＶＩＰ` → `vip`). */
export function keyForm(word: string): string {
  let out = '';
  for (let j = 0; j < word.length; j++) out += String.fromCharCode(keyUnit(word.charCodeAt(j)));
  return out;
}

/** The units that read as `c` (a lower-case keyword character): itself, its capital, their full-width forms. */
function spellings(c: number): number[] {
  const out = [c];
  const upper = String.fromCharCode(c).toUpperCase();
  if (upper.length === 1 && upper.charCodeAt(0) !== c) out.push(upper.charCodeAt(0));
  for (const u of [...out]) if (u >= 0x21 && u <= 0x7e) out.push(u + 0xfee0);
  if (c === 0x20) out.push(0x3000, 0xa0);
  return out;
}

/** Whether `word` (lower case, ASCII folded) is written at `at` in `text`, in any case, full-width or not. */
function writtenAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let j = 0; j < word.length; j++) if (keyUnit(text.charCodeAt(at + j)) !== word.charCodeAt(j)) return false;
  return true;
}

/**
 * Which of many keywords occur in a text, in one pass over it: tables of every spelling of the keywords' first and
 * second characters skip nearly every position without folding it, so a hundred keywords cost about what a few
 * `indexOf` do. Case-insensitive, and full-width text matches (`ＬＯＧＩＮ`). A keyword in Latin, Greek or Cyrillic
 * letters must start a word (`login` matches `logins` but `refund` not `nonrefundable`, `übernahme` not
 * `datenübernahme`), a Chinese one matches anywhere. The keywords found
 * are added to `found` in their `keyForm`, so one set can gather them from several texts.
 */
export function keywordFinder(keywords: Iterable<string>): (text: string, found?: Set<string>) => Set<string> {
  // Bit sets (8 KB each), not a byte per code: they stay in cache next to everything else a record needs.
  const first = new Uint8Array(0x2000);
  const second = new Uint8Array(0x2000);
  const byFirst = new Map<number, string[]>();
  for (const raw of new Set(keywords)) {
    const word = keyForm(raw);
    if (!word) continue;
    const c = word.charCodeAt(0);
    for (const u of spellings(c)) add(first, u);
    if (word.length > 1) for (const u of spellings(word.charCodeAt(1))) add(second, u);
    else add(second, 0); // code 0 marks one-character keywords
    byFirst.set(c, [...(byFirst.get(c) ?? []), word]);
  }
  const anySecond = has(second, 0);
  return (text, found = new Set<string>()) => {
    const length = text.length; // read once: a loop that re-reads it can compile to far slower code
    for (let i = 0; i < length; i++) {
      const u = text.charCodeAt(i);
      if (!has(first, u)) continue;
      // Inside an ASCII word, most of what the first table lets by in English text: no keyword starts there.
      if (isAsciiLetter(u) && i > 0 && isAsciiLetter(text.charCodeAt(i - 1))) continue;
      const c = keyUnit(u);
      if (i > 0 && (c < 128 || isWordLetter(c)) && isWordLetter(keyUnit(text.charCodeAt(i - 1)))) continue;
      // With a one-character keyword, or at the text's end, the words are checked whatever follows.
      if (!anySecond && i + 1 < length && !has(second, text.charCodeAt(i + 1))) continue;
      const words = byFirst.get(c);
      if (words) for (const word of words) if (writtenAt(text, i, word)) found.add(word);
    }
    return found;
  };
}

const add = (set: Uint8Array, c: number) => {
  set[c >>> 3]! |= 1 << (c & 7);
};
const has = (set: Uint8Array, c: number) => ((set[c >>> 3]! >>> (c & 7)) & 1) !== 0;
