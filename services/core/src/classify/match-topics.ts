import type { TopicRules } from '@custodian/schemas';
import { foldWidth } from '../redact/fold-width';

const ASCII_LETTER = /[A-Za-z]/;
const ASCII_WORD = /^[\x20-\x7e]+$/;

/**
 * The topics whose keywords occur in `text`, in the rules' order. Case-insensitive on width-folded text;
 * an ASCII keyword must start a word (`login` matches `logins` but `refund` not `nonrefundable`), a
 * Chinese one matches anywhere.
 */
export function matchTopics(text: string, rules: TopicRules): string[] {
  const hay = foldWidth(text).toLowerCase();
  return Object.entries(rules)
    .filter(([, words]) => words.some((w) => occurs(hay, w.toLowerCase())))
    .map(([topic]) => topic);
}

function occurs(hay: string, word: string): boolean {
  if (!ASCII_WORD.test(word)) return hay.includes(word);
  for (let i = hay.indexOf(word); i !== -1; i = hay.indexOf(word, i + 1)) {
    const prev = hay[i - 1];
    if (!(prev && ASCII_LETTER.test(prev))) return true;
  }
  return false;
}
