import {
  type Classification,
  CustodianError,
  type Policy,
  type Record,
  type Retention,
  type Sensitivity,
} from '@custodian/schemas';
import { detectorFor } from '../redact/catalogue';
import type { RecordFindings } from '../redact/record-findings';
import { matchTopics } from './match-topics';

const LEVELS: readonly Sensitivity[] = ['L1', 'L2', 'L3', 'L4'];
const DAY_MS = 86_400_000;

/**
 * Classifies a record from its findings and text by the policy's rules, and picks its retention:
 * - piiTypes: the types found with at least `policy.classification.minConfidence`;
 * - sensitivity: L1 no PII, L2 contact data (email, mobile), L3 an identity document, L4 an identity
 *   document together with a known customer name, or `bulkIdentityThreshold` distinct identity numbers;
 * - piplSensitive: identity documents (PIPL art. 28 sensitive personal information) or a sensitive topic;
 * - retention: the sensitive class at L3+ or when PIPL-sensitive, else the default class, counted from
 *   occurredAt. Legal holds already on the record are kept: reclassifying never releases a hold.
 */
export function classify(
  record: Record,
  findings: RecordFindings,
  policy: Policy,
): { classification: Classification; retention: Retention } {
  const rules = policy.classification;
  const counted = findings.all.filter((f) => f.confidence >= rules.minConfidence);
  const piiTypes = [...new Set(counted.map((f) => f.type))].sort();
  const detectors = piiTypes.map(detectorFor);

  let level = Math.max(0, ...detectors.map((d) => LEVELS.indexOf(d.sensitivity)));
  const identityNumbers = new Set(
    counted.filter((f) => detectorFor(f.type).sensitivity === 'L3').map((f) => `${f.type}:${f.normalized}`),
  );
  if (identityNumbers.size > 0 && (hasCustomerName(record) || identityNumbers.size >= rules.bulkIdentityThreshold)) {
    level = 3;
  }
  const sensitivity = LEVELS[level]!;

  const text = [record.subject, ...record.turns.map((t) => t.text)].join('\n');
  const topics = matchTopics(text, rules.topics);
  const piplSensitive = detectors.some((d) => d.piplSensitive) || topics.some((t) => rules.sensitiveTopics.includes(t));

  const className = level >= 2 || piplSensitive ? policy.sensitiveRetentionClass : policy.defaultRetentionClass;
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
    classification: { topics, piiTypes, sensitivity, piplSensitive },
    retention: {
      class: className,
      retainUntil: new Date(occurred + retentionClass.days * DAY_MS).toISOString(),
      worm: retentionClass.worm,
      holds: [...(record.retention?.holds ?? [])],
    },
  };
}

/** The record names the customer it is about (CRM name or a customer participant's display name). */
function hasCustomerName(record: Record): boolean {
  if (record.customer.name?.trim()) return true;
  return record.participants.some((p) => p.role === 'customer' && !!p.name?.trim() && p.name.trim() !== p.address);
}
