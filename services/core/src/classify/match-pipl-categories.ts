import type { PiiType, PiplCategoryRule, PiplCategoryRules } from '@custodian/schemas';
import { foldWidth } from '../redact/fold-width';
import { keyForm } from './keyword-finder';
import { mentionsAgeBelow } from './mentions-age-below';

const lowered = new WeakMap<PiplCategoryRule, string[]>();

/**
 * The PIPL categories a record falls in, in the rules' order: one of a category's PII types was found, one
 * of its topics matched, or one of its keywords is in `found` (the keywords found in the record, see `keyForm`) —
 * with an age below `ageBelow` stated in the record's `text` too when the category sets one (read only then).
 */
export function matchPiplCategories(
  text: () => string,
  found: ReadonlySet<string>,
  piiTypes: readonly PiiType[],
  topics: readonly string[],
  rules: PiplCategoryRules,
): string[] {
  const out: string[] = [];
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.piiTypes.some((t) => piiTypes.includes(t)) || rule.topics.some((t) => topics.includes(t))) {
      out.push(name);
      continue;
    }
    let keywords = lowered.get(rule);
    if (!keywords) {
      keywords = rule.keywords.map(keyForm);
      lowered.set(rule, keywords);
    }
    if (!keywords.some((w) => found.has(w))) continue;
    if (rule.ageBelow === undefined || mentionsAgeBelow(foldWidth(text()).toLowerCase(), rule.ageBelow)) out.push(name);
  }
  return out;
}
