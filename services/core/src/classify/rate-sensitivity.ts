import type { ClassificationPolicy, Record, Sensitivity } from '@custodian/schemas';
import { detectorFor } from '../redact/catalogue';
import type { Finding } from '../redact/finding';

const LEVELS: readonly Sensitivity[] = ['L1', 'L2', 'L3', 'L4'];

/** Whether `level` is at least `floor` (`L3` ≥ `L2`). */
export function atLeast(level: Sensitivity, floor: Sensitivity): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(floor);
}

/**
 * A record's sensitivity from the findings that count (confidence ≥ `minConfidence`): the highest of their
 * types' levels (L1 without any), raised to L4 for an identity document or a financial account together with a
 * person's name (the customer's, or one found in the text that is not an agent's), or for
 * `bulkIdentityThreshold` distinct identity documents. The `identity` and `financial` PIPL categories say
 * which types are which.
 */
export function rateSensitivity(record: Record, counted: readonly Finding[], rules: ClassificationPolicy): Sensitivity {
  let level = 0;
  for (const f of counted) level = Math.max(level, LEVELS.indexOf(detectorFor(f.type).sensitivity));
  const identityTypes: readonly string[] = rules.piplCategories.identity?.piiTypes ?? [];
  const financialTypes: readonly string[] = rules.piplCategories.financial?.piiTypes ?? [];
  const identities = new Set(
    counted.filter((f) => identityTypes.includes(f.type)).map((f) => `${f.type}:${f.normalized}`),
  );
  const financial = counted.some((f) => financialTypes.includes(f.type));
  if (identities.size >= rules.bulkIdentityThreshold) return 'L4';
  if ((identities.size > 0 || financial) && namesSomeone(record, counted)) return 'L4';
  return LEVELS[level]!;
}

/** The record names a person whose identifiers these may be: its customer, or a name in the text that is no agent's. */
function namesSomeone(record: Record, counted: readonly Finding[]): boolean {
  if (record.customer.name?.trim()) return true;
  if (record.participants.some((p) => p.role === 'customer' && !!p.name?.trim() && p.name.trim() !== p.address)) {
    return true;
  }
  const staff = new Set(
    record.participants
      .filter((p) => p.role === 'agent' || p.role === 'bot')
      .map((p) => p.name?.trim().replace(/\s+/g, ' ').toLowerCase())
      .filter((n): n is string => !!n),
  );
  return counted.some((f) => f.type === 'PERSON_NAME' && !staff.has(f.normalized));
}
