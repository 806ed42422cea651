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
  const first = new Uint8Array(65536);
  const second = new Uint8Array(65536);
  const byFirst: (string[] | undefined)[] = [];
  for (const word of new Set(keywords)) {
    if (!word) continue;
    const c = word.charCodeAt(0);
    first[c] = 1;
    second[word.length > 1 ? word.charCodeAt(1) : 0] = 1;
    byFirst[c] = [...(byFirst[c] ?? []), word];
  }
  return (text) => {
    const found = new Set<string>();
    const length = text.length; // read once: a loop that re-reads it can compile to far slower code
    for (let i = 0; i < length; i++) {
      const c = fold(text.charCodeAt(i));
      if (first[c] === 0) continue;
      if (c < 128 && i > 0 && isAsciiLetter(fold(text.charCodeAt(i - 1)))) continue;
      // Slot 0 marks one-character keywords; past the end the lookup is undefined and the words are checked.
      if (second[fold(text.charCodeAt(i + 1))] === 0 && second[0] === 0) continue;
      for (const word of byFirst[c]!) if (writtenAt(text, i, word)) found.add(word);
    }
    return found;
  };
}
