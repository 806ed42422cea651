import { isAsciiLetter } from './text-features';
/** How far (UTF-16 units) before a match's start and after its end a context word may be. */
export const CONTEXT_WINDOW = 20;

const ASCII_WORD = /^[\x20-\x7e]+$/;

/** A context word as searched: ASCII words lower-cased, since they match any case. */
interface ContextWord {
  word: string;
  ascii: boolean;
}

const prepared = new WeakMap<readonly string[], ContextWord[]>();

function prepare(words: readonly string[]): ContextWord[] {
  let out = prepared.get(words);
  if (!out) {
    out = words.map((w) => (ASCII_WORD.test(w) ? { word: w.toLowerCase(), ascii: true } : { word: w, ascii: false }));
    prepared.set(words, out);
  }
  return out;
}

/**
 * True when one of `words` lies within `CONTEXT_WINDOW` characters of `text[start, end)`; `text` is
 * width-folded. ASCII words match any case and only as whole words (`ID` is not in `valid`); Chinese
 * words match anywhere, since Chinese puts no spaces between words.
 */
export function hasContextWord(text: string, start: number, end: number, words: readonly string[]): boolean {
  const lo = Math.max(0, start - CONTEXT_WINDOW);
  const hi = Math.min(text.length, end + CONTEXT_WINDOW);
  // Each side is cut out once (so a search never runs past the window) and lower-cased once for the ASCII words.
  const before = text.slice(lo, start);
  const after = text.slice(end, hi);
  let beforeLower: string | undefined;
  let afterLower: string | undefined;
  for (const w of prepare(words)) {
    if (!w.ascii) {
      if (before.includes(w.word) || after.includes(w.word)) return true;
      continue;
    }
    if (before.length >= w.word.length) {
      beforeLower ??= before.toLowerCase();
      if (wholeWordIn(text, lo, beforeLower, w.word)) return true;
    }
    if (after.length >= w.word.length) {
      afterLower ??= after.toLowerCase();
      if (wholeWordIn(text, end, afterLower, w.word)) return true;
    }
  }
  return false;
}

/**
 * Whether the lower-case ASCII `word` is in `hay` (the stretch of `text` from `lo`, lower-cased) with no ASCII
 * letter right before or after it; word boundaries are checked against the whole text.
 */
function wholeWordIn(text: string, lo: number, hay: string, word: string): boolean {
  for (let i = hay.indexOf(word); i !== -1; i = hay.indexOf(word, i + 1)) {
    if (!isAsciiLetter(text.charCodeAt(lo + i - 1)) && !isAsciiLetter(text.charCodeAt(lo + i + word.length))) {
      return true;
    }
  }
  return false;
}
