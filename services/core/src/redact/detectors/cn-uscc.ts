import { usccCheckChar } from '../checksums/uscc-check-char';
import { digitRuns } from '../digit-runs';
import type { Candidate, Detector, ScanMatch } from '../finding';

/** First two digits of the administrative-division code: a province, or 10 for registrations at national level. */
const REGIONS = new Set([
  10, 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
  63, 64, 65, 71, 81, 82,
]);

/** The code, upper-cased and without separators; null unless the region is real and the check character right. */
function validateUscc(match: string): Candidate | null {
  const code = match.replace(/[ -]/g, '');
  if (!REGIONS.has(Number(code.slice(2, 4)))) return null;
  if (usccCheckChar(code) !== code[17]) return null;
  return { normalized: code, confidence: [0.9, 0.99] };
}

/**
 * Sticky: tried only at a digit run's start and the character before it, since a code's first digit starts a
 * run (no letter or digit may precede the code, and an `A`/`N`/`Y` first character is right before its digits).
 */
const USCC = /(?<![0-9A-Za-z])[1-9ANY][1-9]([ -]?)\d{6}\1[0-9A-HJ-NPQRTUW-Y]{10}(?![0-9A-Za-z])/y;

const isNonZeroDigit = (c: number) => c >= 49 && c <= 57;

/**
 * Codes, tried only where the start fits `[1-9ANY][1-9]([ -]?)\d{6}`: at or right before a digit run that holds
 * the first eight digits (seven after a letter), or the first two (one) before a space or dash.
 */
function scanUscc(text: string): ScanMatch[] {
  const runs = digitRuns(text);
  const out: ScanMatch[] = [];
  let done = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const run = runs[i]!;
    if (run < done || !isNonZeroDigit(text.charCodeAt(run))) continue;
    // At an `A`/`N`/`Y` right before the run (then not at the run, which would follow a letter), else at the run's
    // first digit, which another must follow.
    const letter = text.charCodeAt(run - 1);
    const at = letter === 65 || letter === 78 || letter === 89 ? run - 1 : run;
    if (at < done || (at === run && !isNonZeroDigit(text.charCodeAt(run + 1)))) continue;
    const digits = runs[i + 1]! - run + (run - at); // the code's leading characters in the run, its letter too
    const separated = text.charCodeAt(runs[i + 1]!) === 0x20 || text.charCodeAt(runs[i + 1]!) === 0x2d; // space -
    if (digits < 8 && !(digits === 2 && separated)) continue;
    USCC.lastIndex = at;
    const m = USCC.exec(text);
    if (!m) continue;
    out.push([at, m[0]]);
    done = at + m[0].length;
  }
  return out;
}

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015) of a company or organisation: registration
 * authority (1 机构编制, 5 民政, 9 工商, Y 其他 and the others the standard allows: 2–8, A, N), category, six-digit
 * region code, nine-character organisation code and a MOD 31 check character, in the alphabet without I O S V Z.
 * Written bare or as `91 110000 600037341L`.
 */
export const cnUscc: Detector = {
  type: 'CN_USCC',
  scan: scanUscc,
  needs: ['digit'],
  minDigits: 7,
  validate: validateUscc,
  context: [
    '统一社会信用代码',
    '統一社會信用代碼',
    '信用代码',
    '信用代碼',
    '税号',
    '稅號',
    '纳税人识别号',
    '营业执照',
    'USCC',
    'tax ID',
  ],
  mask: (f) => `${f.normalized.slice(0, 6)}**********${f.normalized.slice(-2)}`,
  label: '[统一社会信用代码]',
  sensitivity: 'L1',
  piplSensitive: false,
};
