import type { Record } from '@custodian/schemas';
import { detect } from './detect';
import type { Finding, ValidateOptions } from './finding';
import { participantText } from './participant-text';

/** Findings per field of a record; offsets are relative to the field's own text. */
export interface RecordFindings {
  subject: Finding[];
  /** One list per turn, over `turns[i].text`. */
  turns: Finding[][];
  /** One list per participant, over `participantText(p).text` (`${name} <${address}>`). */
  participants: Finding[][];
  /** All of the above, for classification and tokens (offsets are then meaningless). */
  all: Finding[];
}

/**
 * Runs the detectors over every free-text field of a record. The subject and turns are also searched for
 * the names its metadata gives (participants, customer); the participant fields themselves are not, since
 * they are those names. Pass the policy's `phoneRegions` in `options`.
 */
export function detectInRecord(record: Record, options: ValidateOptions = {}): RecordFindings {
  const withNames = { ...options, names: recordNames(record) };
  const subject = detect(record.subject, withNames);
  const turns = record.turns.map((t) => detect(t.text, withNames));
  const participants = record.participants.map((p) => detect(participantText(p).text, options));
  const all = subject.slice();
  for (const found of turns) for (const f of found) all.push(f);
  for (const found of participants) for (const f of found) all.push(f);
  return { subject, turns, participants, all };
}

/** The distinct display names of a record's customer and participants. */
function recordNames(record: Record): string[] {
  const names = [record.customer.name, ...record.participants.map((p) => p.name)];
  return [...new Set(names.map((n) => n?.trim()).filter((n): n is string => !!n))];
}
