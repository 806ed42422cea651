import {
  type Classification,
  type ClassificationPolicy,
  CustodianError,
  type Policy,
  type Record,
  type Retention,
} from '@custodian/schemas';
import { detectorFor } from '../redact/catalogue';
import type { RecordFindings } from '../redact/record-findings';
import { keywordFinder } from './keyword-finder';
import { matchPiplCategories } from './match-pipl-categories';
import { topicsOf } from './match-topics';
import { pickRetentionClass } from './pick-retention-class';
import { rateSensitivity } from './rate-sensitivity';

const DAY_MS = 86_400_000;

const finders = new WeakMap<ClassificationPolicy, (text: string, found?: Set<string>) => Set<string>>();

/** One finder for every keyword of the policy's topics and categories: the text is read once. */
function keywordsOf(rules: ClassificationPolicy): (text: string, found?: Set<string>) => Set<string> {
  let find = finders.get(rules);
  if (!find) {
    const words = [
      ...Object.values(rules.topics).flat(),
      ...Object.values(rules.piplCategories).flatMap((c) => c.keywords),
    ];
    find = keywordFinder(words);
    finders.set(rules, find);
  }
  return find;
}

/**
 * Classifies a record from its findings and text by the policy's rules, and picks its retention:
 * - piiTypes: the types found with at least `policy.classification.minConfidence`;
 * - topics: by the policy's zh/en keyword rules over subject and turns;
 * - piplCategories: the PIPL sensitive categories (identity documents, financial accounts, health, minors,
 *   location…) by the policy's rules on types, topics and keywords;
 * - sensitivity: see `rateSensitivity` (L1 none … L4 an identity document or account with a name);
 * - piplSensitive: in any PIPL category, on a sensitive topic, or holding a type its detector calls sensitive;
 * - retention: see `pickRetentionClass`, counted from occurredAt. Legal holds already on the record are
 *   kept: reclassifying never releases a hold.
 */
export function classify(
  record: Record,
  findings: RecordFindings,
  policy: Policy,
): { classification: Classification; retention: Retention } {
  const rules = policy.classification;
  const counted = findings.all.filter((f) => f.confidence >= rules.minConfidence);
  const piiTypes = [...new Set(counted.map((f) => f.type))].sort();

  // Field by field: no keyword spans two, and the whole text is joined only if a rule reads it (an age).
  const find = keywordsOf(rules);
  const found = find(record.subject);
  for (const t of record.turns) find(t.text, found);
  const text = () => [record.subject, ...record.turns.map((t) => t.text)].join('\n');
  const topics = topicsOf(found, rules.topics);
  const piplCategories = matchPiplCategories(text, found, piiTypes, topics, rules.piplCategories);
  const sensitivity = rateSensitivity(record, counted, rules);
  const piplSensitive =
    piplCategories.length > 0 ||
    topics.some((t) => rules.sensitiveTopics.includes(t)) ||
    piiTypes.some((t) => detectorFor(t).piplSensitive);
  const classification: Classification = { topics, piiTypes, sensitivity, piplSensitive, piplCategories };

  const className = pickRetentionClass(classification, policy);
  const retentionClass = policy.retentionClasses[className];
  if (!retentionClass) {
    throw new CustodianError(
      'E_POLICY_INVALID',
      `Retention class "${className}" is not defined in policy.retentionClasses.`,
      {
        retryable: false,
        details: { className },
      },
    );
  }
  const occurred = Date.parse(record.occurredAt);
  return {
    classification,
    retention: {
      class: className,
      retainUntil: new Date(occurred + retentionClass.days * DAY_MS).toISOString(),
      worm: retentionClass.worm,
      holds: [...(record.retention?.holds ?? [])],
    },
  };
}
