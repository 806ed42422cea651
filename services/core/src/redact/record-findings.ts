import type { Record } from '@custodian/schemas';
import { detect } from './detect';
import type { Finding } from './finding';
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

/** Runs the detectors over every free-text field of a record. */
export function detectInRecord(record: Record): RecordFindings {
  const subject = detect(record.subject);
  const turns = record.turns.map((t) => detect(t.text));
  const participants = record.participants.map((p) => detect(participantText(p).text));
  return { subject, turns, participants, all: [...subject, ...turns.flat(), ...participants.flat()] };
}
