import type { Participant, Policy } from '@custodian/schemas';
import { detectorFor } from './catalogue';
import type { Finding } from './finding';
import { participantText } from './participant-text';
import { redactText } from './redact-text';

type Operators = Policy['operators'];
type TokenFor = (f: Finding) => string;

/**
 * An address field redacted: by its findings when they cover all of it (`z***@example.com`), else as an
 * opaque identifier (`w***`), because an address nothing recognised (an IM handle, `user@localhost`) is
 * still an address and must not reach the index or a masked view.
 */
export function redactAddress(address: string, findings: Finding[], operators: Operators, tokenFor: TokenFor): string {
  const lead = address.length - address.trimStart().length;
  const tail = address.trimEnd().length;
  let covered = lead;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start > covered) break;
    covered = Math.max(covered, f.end);
  }
  if (tail > lead && covered >= tail) return redactText(address, findings, operators, tokenFor);
  const first = address.trim().codePointAt(0);
  return first === undefined ? address : `${String.fromCodePoint(first)}***`;
}

/**
 * A participant's name and address with its findings redacted. `findings` are over `participantText(p).text`;
 * one that straddles the name and the address (no current detector can) blanks the field with its label.
 */
export function redactParticipant(
  p: Participant,
  findings: Finding[],
  operators: Operators,
  tokenFor: TokenFor,
): { name: string | undefined; address: string | undefined } {
  const layout = participantText(p);
  const field = (range: readonly [number, number] | null, value: string | undefined, isAddress: boolean) => {
    if (!range || value === undefined) return value;
    const [s, e] = range;
    const inside: Finding[] = [];
    for (const f of findings) {
      if (f.end <= s || f.start >= e) continue;
      if (f.start < s || f.end > e) return detectorFor(f.type).label;
      inside.push({ ...f, start: f.start - s, end: f.end - s });
    }
    return isAddress
      ? redactAddress(value, inside, operators, tokenFor)
      : redactText(value, inside, operators, tokenFor);
  };
  return { name: field(layout.name, p.name, false), address: field(layout.address, p.address, true) };
}
