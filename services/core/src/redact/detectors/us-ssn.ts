import type { Candidate, Detector, ScanMatch, ScanScope } from '../finding';
import { CONTEXT_WINDOW } from '../has-context-word';
import { labelledAs, REFERENCE_LABEL } from '../labelled-as';
import { numericMatches, type StartCheck } from '../numeric-matches';
import { FIELD_BREAK, hasFeature } from '../text-features';

const DASHED = [0.7, 0.95] as const;
/** Spaced or dotted 3-2-4 is still the SSN's own shape, rarer in other numbers than a phone's groups. */
const SPACED = [0.6, 0.9] as const;
/** Nine bare digits (or 3-6 / 5-4, a ZIP+4's shape) are any number at all without a word like SSN nearby. */
const CONTEXT_ONLY = [0, 0.85] as const;
/**
 * The same shapes in text without Chinese: redacted, but below the policy's `minConfidence` (0.5), so they never
 * raise a record's sensitivity or PII types (Presidio scores them "very weak" and still reports them).
 */
const WEAK = [0.3, 0.85] as const;

/** Numbers never issued or published as examples (Woolworth's wallet card, the SSA's own sample cards). */
const KNOWN_INVALID = new Set(['123456789', '078051120', '219099999', '457555462']);

/** The nine digits of a US Social Security number; null for the ranges the SSA never assigns. */
function validateSsn(match: string): Candidate | null {
  const digits = match.replace(/\D/g, '');
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return null;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return null;
  if (KNOWN_INVALID.has(digits) || /^(\d)\1{8}$/.test(digits)) return null;
  const separators = match.replace(/\d/g, '');
  const confidence = separators === '--' ? DASHED : separators === '  ' || separators === '..' ? SPACED : CONTEXT_ONLY;
  return { normalized: digits, confidence };
}

/** An SSN starts a run of 3 (`123-45-6789`, `123-456789`), 5 (`12345-6789`) or 9 digits (`123456789`). */
const STARTS: StartCheck = (text, at) => {
  let end = at;
  while (end < at + 10 && isDigit(text.charCodeAt(end))) end++;
  return end - at === 3 || end - at === 5 || end - at === 9;
};
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Sticky: tried only where a numeric run starts (see `numericMatches`). */
const SSN =
  /(?<![0-9A-Za-z])(?<![0-9][.-])(?:\d{3}([ .-])\d{2}\1\d{4}|\d{3}-\d{6}|\d{5}-\d{4}|\d{9})(?![0-9A-Za-z]|[.-][0-9])/y;

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;

/** How far along its line a match looks for Chinese: a chat line, not a whole unbroken document. */
const LINE_REACH = 160;

/**
 * Whether a Han character lies within `CONTEXT_WINDOW` of the match, or on its line within `LINE_REACH`, in its own
 * field (up to a `FIELD_BREAK`): Chinese text. Bounded both ways, so a long text of numbers costs a constant per match.
 */
function inChineseText(text: string, start: number, end: number): boolean {
  for (let i = start - 1, n = 0; i >= 0 && n < LINE_REACH; i--, n++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) return true;
    if (c === FIELD_BREAK_CODE || (c === 10 && n >= CONTEXT_WINDOW)) break;
  }
  for (let i = end, n = 0; i < text.length && n < LINE_REACH; i++, n++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) return true;
    if (c === FIELD_BREAK_CODE || (c === 10 && n >= CONTEXT_WINDOW)) break;
  }
  return false;
}

const FIELD_BREAK_CODE = FIELD_BREAK.charCodeAt(0);

/** `NY 10001-2345`: a five-four number after a state code is a ZIP+4 code. */
const STATE_BEFORE = /(?<![A-Za-z])[A-Z]{2},? ?$/;

/**
 * Candidates with what `validateSsn` makes of them; a weak shape counts without a context word only where it
 * cannot be something else: not in Chinese text (there nine digits are an order or QQ number), not labelled
 * as an order or ticket number, not a ZIP+4 code after a state.
 */
function scanSsn(text: string, scope: ScanScope): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (const [start, match] of numericMatches(text, SSN, 9, STARTS)) {
    const candidate = validateSsn(match);
    if (!candidate) continue;
    const weak =
      candidate.confidence === CONTEXT_ONLY &&
      !(hasFeature(scope.has, 'han') && inChineseText(text, start, start + match.length)) &&
      !labelledAs(text, start, REFERENCE_LABEL) &&
      !(match[5] === '-' && STATE_BEFORE.test(text.slice(Math.max(0, start - 6), start)));
    out.push([start, match, weak ? { normalized: candidate.normalized, confidence: WEAK } : candidate]);
  }
  return out;
}

/**
 * US Social Security number: `123-45-6789`, `123 45 6789`, `123.45.6789` (one kind of separator), or with a word
 * like SSN nearby also `123456789`, `123-456789`, `12345-6789` (in text without Chinese, those at low confidence
 * without the word too). Presidio's rejection rules: area 000, 666 or 9xx, group 00, serial 0000, one digit
 * repeated, and known sample numbers.
 */
export const usSsn: Detector = {
  type: 'US_SSN',
  scan: scanSsn,
  needs: ['digit'],
  minDigits: 9,
  validate: validateSsn,
  context: ['SSN', 'social security', 'social security number', '社会安全号', '社安号', '社会安全码', '社會安全號碼'],
  mask: (f) => `***-**-${f.normalized.slice(-4)}`,
  label: '[SSN]',
  sensitivity: 'L3',
  piplSensitive: true,
};
