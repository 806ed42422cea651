import type { PiiType, Sensitivity } from '@custodian/schemas';

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

/**
 * One kind of identifier: pattern → validate → context words → confidence, plus how to show it redacted
 * and what it means for classification. One file per detector under `detectors/`, listed in `catalogue`.
 */
export interface Detector {
  type: PiiType;
  /** Global regex over width-folded text (see `foldWidth`); digit look-arounds, never `\b` (it fails next to Chinese). */
  pattern: RegExp;
  /**
   * For patterns that a plain scan makes slow: every match holds `char` once (the `@` of an email), preceded
   * by at most `before` characters that each match `body` (no `g` flag). `detect` then tries the pattern only
   * from the start of that run, instead of at every position of the text.
   */
  anchor?: { char: string; before: number; body: RegExp };
  /** Checks a match (real dates, check digits…) and normalizes it; null when it is not one. */
  validate: (match: string) => Candidate | null;
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
