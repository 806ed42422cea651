import type { TopicRules } from '@custodian/schemas';
import { keyForm, keywordFinder } from './keyword-finder';

interface Compiled {
  find: (text: string) => Set<string>;
  topics: [topic: string, keywords: string[]][];
}
const compiled = new WeakMap<TopicRules, Compiled>();

function compile(rules: TopicRules): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    const topics = Object.entries(rules).map(([t, words]) => [t, words.map(keyForm)] as [string, string[]]);
    c = { find: keywordFinder(topics.flatMap(([, words]) => words)), topics };
    compiled.set(rules, c);
  }
  return c;
}

/**
 * The topics whose keywords occur in `text`, in the rules' order. Case-insensitive, full-width folded; a
 * keyword in Latin letters must start a word (`login` matches `logins` but `refund` not `nonrefundable`), a
 * Chinese one matches anywhere (see `keywordFinder`).
 */
export function matchTopics(text: string, rules: TopicRules): string[] {
  return topicsOf(compile(rules).find(text), rules);
}

/** The topics, in the rules' order, of keywords a `keywordFinder` has `found` (in their `keyForm`). */
export function topicsOf(found: ReadonlySet<string>, rules: TopicRules): string[] {
  return compile(rules)
    .topics.filter(([, words]) => words.some((w) => found.has(w)))
    .map(([topic]) => topic);
}
