import type { PiiType, Sensitivity } from '@custodian/schemas';
import type { TextFeature } from './text-features';

/** One identifier found in a text. Offsets are UTF-16 indices into the original (unfolded) text. */
export interface Finding {
  type: PiiType;
  start: number;
  end: number;
  /** The text as written, `text.slice(start, end)`. */
  value: string;
  /** The canonical form tokens are computed from (digits only, lower-cased address…). */
  normalized: string;
  /** 0..1. */
  confidence: number;
}

/** What a detector's `validate` makes of a pattern match. */
export interface Candidate {
  normalized: string;
  /** Confidence without, then with, a context word nearby; 0 means "not a finding" in that case. */
  confidence: readonly [alone: number, inContext: number];
}

/** What a `scan` knows about the text beyond the text itself. */
export interface ScanScope {
  /** People this record is about or between (participants, the customer), as written in its metadata. */
  names: readonly string[];
  /** What the text holds, as `readText` feature bits: a scan may skip work for characters it lacks (`hasFeature`). */
  has: number;
}

/** A match found by a `scan`: where it starts in the text, the text matched, and optionally its candidate. */
export type ScanMatch = readonly [start: number, match: string, candidate?: Candidate];

/** What `detect` passes on to every `validate` besides the match: the caller's settings that change what counts. */
export interface ValidateOptions {
  /** Regions (ISO 3166 alpha-2, the policy's `phoneRegions`) whose national phone numbers count; a default list when absent. */
  phoneRegions?: readonly string[];
}

/**
 * One kind of identifier: pattern → validate → context words → confidence, plus how to show it redacted
 * and what it means for classification. One file per detector under `detectors/`, listed in `catalogue`.
 */
export interface Detector {
  type: PiiType;
  /**
   * Finds the matches in width-folded text (see `foldWidth`): a regex tried only where a match can start (a digit
   * run, an `@`), or a grammar one regex cannot say (the record's own names, addresses). Digit look-arounds, never
   * `\b` (it fails next to Chinese). A match that carries its candidate skips `validate`.
   */
  scan: (text: string, scope: ScanScope) => readonly ScanMatch[];
  /**
   * What a text holds wherever this detector finds something, in a match or around it (a digit, a Latin letter, a
   * Han character, `@`, `:`): `detect` skips the detector on a text without one of them, without calling it. A
   * promise, checked on the corpus by a test: leave out what is unsure.
   */
  needs?: readonly TextFeature[];
  /** The fewest ASCII digits a match holds: `detect` skips the detector on a text with fewer, without calling it. */
  minDigits?: number;
  /** Checks a match (real dates, check digits…) and normalizes it; null when it is not one. */
  validate: (match: string, options: ValidateOptions) => Candidate | null;
  /** Words within `CONTEXT_WINDOW` characters that make a match more likely; ASCII words match whole words, any case. */
  context: readonly string[];
  /** Chinese-convention mask of one finding, e.g. `138****5678`. */
  mask: (finding: Finding) => string;
  /** The type label that replaces a finding under the `label` operator, e.g. `[手机号]`. */
  label: string;
  /** The sensitivity a record has at least when it holds this type. */
  sensitivity: Sensitivity;
  /** Sensitive personal information under PIPL art. 28 (identity documents, financial accounts…). */
  piplSensitive: boolean;
}
