import type { Classification, Policy } from '@custodian/schemas';
import { atLeast } from './rate-sensitivity';

/**
 * The retention class of a classified record: the class of the first of the policy's `retentionRules` whose
 * `when` holds, else the sensitive class at L3 and above or when PIPL-sensitive, else the default class.
 */
export function pickRetentionClass(c: Classification, policy: Policy): string {
  for (const { when, class: name } of policy.classification.retentionRules) {
    if (when.piplCategories && !when.piplCategories.some((x) => c.piplCategories.includes(x))) continue;
    if (when.topics && !when.topics.some((x) => c.topics.includes(x))) continue;
    if (when.piiTypes && !when.piiTypes.some((x) => c.piiTypes.includes(x))) continue;
    if (when.minSensitivity && !atLeast(c.sensitivity, when.minSensitivity)) continue;
    if (when.piplSensitive !== undefined && when.piplSensitive !== c.piplSensitive) continue;
    return name;
  }
  return atLeast(c.sensitivity, 'L3') || c.piplSensitive
    ? policy.sensitiveRetentionClass
    : policy.defaultRetentionClass;
}
