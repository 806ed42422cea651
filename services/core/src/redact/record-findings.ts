import type { Participant, Record } from '@custodian/schemas';
import { detectorFor } from './catalogue';
import { type DetectOptions, detect } from './detect';
import type { Finding, ValidateOptions } from './finding';
import { participantText } from './participant-text';
import { FIELD_BREAK } from './text-features';

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

/** A display name from the record's metadata is a person's name by what it is, not by how it looks. */
const METADATA_NAME = 0.9;

/**
 * Runs the detectors over every free-text field of a record. The subject and turns are also searched for
 * the names its metadata gives (participants, customer). A participant's display name is a name whatever it
 * looks like (`张三`, `Li Si`, `客服小王`): what of it no detector claims (`Li Si` of `Li Si 13912345678`) becomes a
 * PERSON_NAME finding, so the index holds it masked and as a token, never as written. Pass the policy's
 * `phoneRegions` in `options`.
 */
export function detectInRecord(record: Record, options: ValidateOptions = {}): RecordFindings {
  const withNames = { ...options, names: recordNames(record) };
  const fields = [record.subject];
  for (const t of record.turns) fields.push(t.text);
  const turns = detectInFields(fields, withNames);
  const subject = turns.shift()!;
  const participants = record.participants.map((p) => participantFindings(p, options));
  const all = subject.slice();
  for (const found of turns) for (const f of found) all.push(f);
  for (const found of participants) for (const f of found) all.push(f);
  return { subject, turns, participants, all };
}

/**
 * `detect` over each of `fields`, read as one text with a `FIELD_BREAK` between two: one call instead of one per
 * turn, and context words reach across a turn's end as they do in the transcript (`身份证号？` / `1101…`). A finding
 * that would run across two fields (none should) makes it detect each field on its own instead.
 */
function detectInFields(fields: readonly string[], options: DetectOptions): Finding[][] {
  const text = fields.join(FIELD_BREAK);
  const found = detect(text, options);
  const out: Finding[][] = fields.map(() => []);
  let field = 0;
  let start = 0;
  let end = fields[0]!.length;
  for (const f of found) {
    while (f.start >= end + FIELD_BREAK.length) {
      start = end + FIELD_BREAK.length;
      end = start + fields[++field]!.length;
    }
    if (f.start < start || f.end > end) return fields.map((t) => detect(t, options));
    out[field]!.push(start === 0 ? f : { ...f, start: f.start - start, end: f.end - start });
  }
  return out;
}

/** The detectors' findings over `participantText(p).text`, plus the name's unclaimed parts as PERSON_NAME. */
function participantFindings(p: Participant, options: ValidateOptions): Finding[] {
  const layout = participantText(p);
  const found = detect(layout.text, options);
  if (!layout.name) return found;
  const [start, end] = layout.name;
  const names: Finding[] = [];
  let at = start;
  for (const f of found) {
    if (f.start >= end) break;
    if (f.end <= start) continue;
    nameIn(layout.text, at, Math.min(f.start, end), names);
    at = Math.max(at, f.end);
  }
  nameIn(layout.text, at, end, names);
  return names.length ? [...found, ...names].sort((a, b) => a.start - b.start) : found;
}

/** What is not a name around one: spaces, punctuation, symbols. */
const EDGE = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/** Adds `text[from, to)`, trimmed of spaces and punctuation, as a PERSON_NAME finding if a letter is left. */
function nameIn(text: string, from: number, to: number, out: Finding[]): void {
  if (to <= from) return;
  const raw = text.slice(from, to);
  const lead = raw.length - raw.replace(/^[\s\p{P}\p{S}]+/u, '').length;
  const value = raw.replace(EDGE, '');
  if (!/\p{L}/u.test(value)) return;
  const candidate = detectorFor('PERSON_NAME').validate(value, {});
  if (!candidate) return;
  out.push({
    type: 'PERSON_NAME',
    start: from + lead,
    end: from + lead + value.length,
    value,
    normalized: candidate.normalized,
    confidence: METADATA_NAME,
  });
}

/** The distinct display names of a record's customer and participants. */
function recordNames(record: Record): string[] {
  const names = [record.customer.name, ...record.participants.map((p) => p.name)];
  return [...new Set(names.map((n) => n?.trim()).filter((n): n is string => !!n))];
}
