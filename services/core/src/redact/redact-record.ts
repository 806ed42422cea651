import type { Policy, Record } from '@custodian/schemas';
import { keyedToken } from '../seal/keyed-token';
import { assertFindingsFit } from './assert-findings-fit';
import { detect } from './detect';
import type { Finding } from './finding';
import { maskName } from './mask-name';
import type { RecordFindings } from './record-findings';
import { redactAddress, redactParticipant } from './redact-participant';
import { redactText } from './redact-text';

/**
 * A decrypted record as a masked API view shows it: subject, turns, attachment names and the identifiers
 * in them redacted with the policy's operators; participant and customer addresses redacted, names masked
 * (`张*`). Everything else (ids, times, classification) is unchanged.
 */
export function redactRecord(record: Record, findings: RecordFindings, policy: Policy, tokenKey: Uint8Array): Record {
  assertFindingsFit(record, findings);
  const ops = policy.operators;
  const tokenFor = (f: Finding) => keyedToken(tokenKey, f.type, f.normalized);
  const regions = { phoneRegions: policy.phoneRegions };
  const text = (value: string, found: Finding[] = detect(value, regions)) => redactText(value, found, ops, tokenFor);
  const address = (value: string | undefined) => value && redactAddress(value, detect(value, regions), ops, tokenFor);
  const name = (value: string | undefined) => value && maskName(value);

  return {
    ...record,
    subject: text(record.subject, findings.subject),
    turns: record.turns.map((t, i) => ({ ...t, text: text(t.text, findings.turns[i]) })),
    participants: record.participants.map((p, i) => {
      const redacted = redactParticipant(p, findings.participants[i] ?? [], ops, tokenFor);
      return { ...p, name: name(p.name), address: redacted.address };
    }),
    customer: { ...record.customer, address: address(record.customer.address), name: name(record.customer.name) },
    attachments: record.attachments.map((a) => ({ ...a, name: text(a.name) })),
  };
}
