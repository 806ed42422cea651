import { surnameLength } from './chinese-surnames';

const HAN_ONLY = /^[\u3400-\u9fff]+$/;
const LETTER = /^\p{L}/u;

/**
 * A person's name as a masked view shows it: the one rule for participants' names and PERSON_NAME findings.
 * Chinese convention, word by word: a Chinese name keeps its surname, a compound one whole, and hides each given
 * character (`张*`, `李**`, `欧阳**`; a bare surname, `王`, identifies no one and stays); any other word keeps its
 * first letter (`J*** S****`), and one that starts with no letter (`138…`) is hidden whole.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/(\s+)/)
    .map((part, i) => (i % 2 === 1 ? part : maskWord(part)))
    .join('');
}

function maskWord(word: string): string {
  if (word === '') return '';
  if (HAN_ONLY.test(word)) {
    const surname = surnameLength(word);
    if (surname >= word.length) return word;
    const keep = surname || (word.length > 1 ? 1 : 0); // an unknown surname is still the first character
    return word.slice(0, keep) + '*'.repeat(word.length - keep);
  }
  const chars = Array.from(word);
  const keep = LETTER.test(word) ? 1 : 0;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
