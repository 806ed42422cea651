/**
 * Whether a few Han characters are a word of the Chinese dictionary that ICU breaks words with (Node's
 * `Intl.Segmenter`, full ICU): `方便`, `支付`, `付款` are words, `孙睿`, `志辉` are not. Names are mostly not in it, so
 * a surname that starts no word with the characters around it is where a name in running text can be
 * (`具体让财务孙睿跟您对接`).
 */
const segmenter = wordSegmenter();

function wordSegmenter(): Intl.Segmenter | null {
  if (typeof Intl.Segmenter !== 'function') return null;
  if (Intl.Segmenter.supportedLocalesOf(['zh']).length === 0) return null;
  const probe = new Intl.Segmenter('zh', { granularity: 'word' });
  // An ICU without its Chinese dictionary breaks every character apart: then it can tell no word from a name.
  return probe.segment('方便').containing(0)?.segment === '方便' ? probe : null;
}

/** Whether the dictionary can be asked: Node built with full ICU (the default since Node 13). */
export const hasChineseWords: boolean = segmenter !== null;

/**
 * Words asked before, and the answers. A pair of characters is asked again and again across records (`方便`,
 * `高兴`), and a question costs microseconds while a lookup costs nanoseconds. Cleared when full: ordinary text holds
 * far fewer distinct pairs that start with a surname.
 */
const known = new Map<string, boolean>();
const KNOWN_MAX = 1 << 16;

/**
 * Pairs of Han characters (U+3400–U+9FFF) asked before, by the two as one small integer: no string is cut or hashed
 * and no number boxed for a lookup.
 */
const knownPairs = new Map<number, boolean>();
const HAN_FIRST = 0x3400;
const HAN_COUNT = 0xa000 - HAN_FIRST;

/** Whether `word` (two or three Han characters) is one word of the dictionary; false when it cannot be asked. */
export const isChineseWord = (word: string): boolean => remembered(known, word, word, 0, word.length);

/** Whether the two characters `text[at]` and `text[at + 1]` are one word of the dictionary (`isChineseWord`). */
export function isChineseWordAt(text: string, at: number): boolean {
  const first = text.charCodeAt(at) - HAN_FIRST;
  const second = text.charCodeAt(at + 1) - HAN_FIRST;
  if (!(first >= 0 && first < HAN_COUNT && second >= 0 && second < HAN_COUNT)) {
    return isChineseWord(text.slice(at, at + 2));
  }
  return remembered(knownPairs, first * HAN_COUNT + second, text, at, at + 2);
}

/**
 * The answer for the word `text[from, to)` under `key` in `answers`, asked of the dictionary the first time (the word
 * is cut out of the text only then).
 */
function remembered<K>(answers: Map<K, boolean>, key: K, text: string, from: number, to: number): boolean {
  const cached = answers.get(key);
  if (cached !== undefined) return cached;
  const word = from === 0 && to === text.length ? text : text.slice(from, to);
  const answer =
    segmenter !== null && word.length > 1 && segmenter.segment(word).containing(0)?.segment.length === word.length;
  if (answers.size >= KNOWN_MAX) answers.clear();
  answers.set(key, answer);
  return answer;
}
