/** How far (UTF-16 units) before a match's start and after its end a context word may be. */
export const CONTEXT_WINDOW = 20;

const ASCII_WORD = /^[\x20-\x7e]+$/;
const ASCII_LETTER = /[A-Za-z]/;

/**
 * True when one of `words` lies within `CONTEXT_WINDOW` characters of `text[start, end)`; `text` is
 * width-folded. ASCII words match any case and only as whole words (`ID` is not in `valid`); Chinese
 * words match anywhere, since Chinese puts no spaces between words.
 */
export function hasContextWord(text: string, start: number, end: number, words: readonly string[]): boolean {
  const lo = Math.max(0, start - CONTEXT_WINDOW);
  const hi = Math.min(text.length, end + CONTEXT_WINDOW);
  return words.some((w) => occursIn(text, lo, start, w) || occursIn(text, end, hi, w));
}

/** Whether `word` lies wholly inside `text[lo, hi)`; word boundaries are checked against the whole text. */
function occursIn(text: string, lo: number, hi: number, word: string): boolean {
  if (hi - lo < word.length) return false;
  if (!ASCII_WORD.test(word)) return text.slice(lo, hi).includes(word);
  const hay = text.slice(lo, hi).toLowerCase();
  const needle = word.toLowerCase();
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    const prev = text[lo + i - 1];
    const next = text[lo + i + needle.length];
    if (!(prev && ASCII_LETTER.test(prev)) && !(next && ASCII_LETTER.test(next))) return true;
  }
  return false;
}
