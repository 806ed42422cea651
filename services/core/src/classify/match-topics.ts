import type { TopicRules } from '@custodian/schemas';
import { keywordFinder } from './keyword-finder';

interface Compiled {
  find: (lowerText: string) => Set<string>;
  topics: [topic: string, keywords: string[]][];
}
const compiled = new WeakMap<TopicRules, Compiled>();

function compile(rules: TopicRules): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    const topics = Object.entries(rules).map(
      ([t, words]) => [t, words.map((w) => w.toLowerCase())] as [string, string[]],
    );
    c = { find: keywordFinder(topics.flatMap(([, words]) => words)), topics };
    compiled.set(rules, c);
  }
  return c;
}

/**
 * The topics whose keywords occur in `text`, in the rules' order. Case-insensitive, full-width folded; an
 * ASCII keyword must start a word (`login` matches `logins` but `refund` not `nonrefundable`), a Chinese one
 * matches anywhere. `found` are the (lower-cased) keywords already found in the text, when the caller has them.
 */
export function matchTopics(text: string, rules: TopicRules, found?: ReadonlySet<string>): string[] {
  const { find, topics } = compile(rules);
  const present = found ?? find(text.toLowerCase());
  return topics.filter(([, words]) => words.some((w) => present.has(w))).map(([topic]) => topic);
}
