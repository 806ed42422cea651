/** Full-width ASCII and the ideographic space as their ASCII selves (see `foldWidth`), per UTF-16 unit. */
const fold = (c: number) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 || c === 0xa0 ? 0x20 : c);
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Whether `word` (ASCII folded) is written at `at` in `text`, full-width or not. */
function writtenAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let j = 0; j < word.length; j++) if (fold(text.charCodeAt(at + j)) !== word.charCodeAt(j)) return false;
  return true;
}

/**
 * Which of many keywords occur in a text, in one pass over it: tables of the keywords' first and second
 * characters skip nearly every position, so a hundred keywords cost about what a few `indexOf` do. Keywords
 * and text must be lower-cased; full-width text matches (`ｌｏｇｉｎ`). An ASCII keyword must start a word
 * (`login` matches `logins` but `refund` not `nonrefundable`), a Chinese one matches anywhere.
 */
export function keywordFinder(keywords: Iterable<string>): (lowerText: string) => Set<string> {
  // Bit sets (8 KB each), not a byte per code: they stay in cache next to everything else a record needs.
  const first = new Uint8Array(0x2000);
  const second = new Uint8Array(0x2000);
  const byFirst = new Map<number, string[]>();
  for (const word of new Set(keywords)) {
    if (!word) continue;
    const c = word.charCodeAt(0);
    add(first, c);
    add(second, word.length > 1 ? word.charCodeAt(1) : 0); // code 0 marks one-character keywords
    byFirst.set(c, [...(byFirst.get(c) ?? []), word]);
  }
  const anySecond = has(second, 0);
  return (text) => {
    const found = new Set<string>();
    const length = text.length; // read once: a loop that re-reads it can compile to far slower code
    for (let i = 0; i < length; i++) {
      const c = fold(text.charCodeAt(i));
      if (!has(first, c)) continue;
      if (c < 128 && i > 0 && isAsciiLetter(fold(text.charCodeAt(i - 1)))) continue;
      // With a one-character keyword, or at the text's end, the words are checked whatever follows.
      if (!anySecond && i + 1 < length && !has(second, fold(text.charCodeAt(i + 1)))) continue;
      for (const word of byFirst.get(c)!) if (writtenAt(text, i, word)) found.add(word);
    }
    return found;
  };
}

const add = (set: Uint8Array, c: number) => {
  set[c >>> 3]! |= 1 << (c & 7);
};
const has = (set: Uint8Array, c: number) => ((set[c >>> 3]! >>> (c & 7)) & 1) !== 0;
