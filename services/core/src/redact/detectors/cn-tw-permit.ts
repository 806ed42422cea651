import { matchesFromDigitRuns } from '../digit-runs';
import type { Candidate, Detector } from '../finding';

/** Eight digits are any number at all: a Taiwan permit only where the text speaks of one. */
const CONFIDENCE = [0, 0.9] as const;

function validateTwPermit(match: string): Candidate | null {
  return { normalized: match.replace(/[\s()]/g, '').toUpperCase(), confidence: CONFIDENCE };
}

/** Tried only at runs of 8 or 10 digits. */
const PERMIT = /(?<![A-Za-z0-9])(?:\d{8}|\d{10} ?(?:\([A-Za-z]\)|[A-Za-z]))(?![A-Za-z0-9])/y;

/**
 * Mainland Travel Permit for Taiwan Residents (台湾居民来往大陆通行证, 台胞证): 8 digits on the card issued since
 * 2015; the old booklet's 10 digits and a letter, `1234567890(B)`. Format only, so context-gated.
 */
export const cnTwPermit: Detector = {
  type: 'CN_TW_PERMIT',
  scan: (text) => matchesFromDigitRuns(text, PERMIT, 0, (s, e) => e - s === 8 || e - s === 10),
  needs: ['digit'],
  minDigits: 8,
  validate: validateTwPermit,
  context: [
    '台胞证',
    '台胞證',
    '臺胞證',
    '来往大陆通行证',
    '來往大陸通行證',
    '台湾居民',
    '臺灣居民',
    'MTP',
    'Taiwan compatriot',
    'Taiwan permit',
  ],
  mask: (f) => `${f.normalized.slice(0, 1)}${'*'.repeat(f.normalized.length - 3)}${f.normalized.slice(-2)}`,
  label: '[台胞证号]',
  sensitivity: 'L3',
  piplSensitive: true,
};
