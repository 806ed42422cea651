import { matchesFromDigitRuns } from '../digit-runs';
import type { Candidate, Detector } from '../finding';

/** Brackets around the check digit are how an HKID is written; a valid check digit alone passes 1 in 11. */
const WRITTEN = [0.6, 0.99] as const;
const BARE = [0.4, 0.95] as const;
/** A typo'd check digit next to a context word still hides an HKID. */
const BAD_CHECK = [0, 0.6] as const;

/** Letters count A=10 … Z=35; the blank before a one-letter prefix counts 36. */
const letterValue = (c: string) => c.charCodeAt(0) - 55;

/** The check character (`0`-`9` or `A`) of an HKID's letters and six digits, e.g. `A123456` → `3`. */
export function hkIdCheckChar(body: string): string {
  const letters = body.slice(0, -6);
  let sum =
    letters.length === 1
      ? 36 * 9 + letterValue(letters) * 8
      : letterValue(letters[0]!) * 9 + letterValue(letters[1]!) * 8;
  for (let i = 0; i < 6; i++) sum += Number(body[letters.length + i]) * (7 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

function validateHkId(match: string): Candidate | null {
  const id = match.replace(/[\s()[\]]/g, '').toUpperCase();
  const body = id.slice(0, -1);
  const valid = hkIdCheckChar(body) === id.at(-1);
  const confidence = !valid ? BAD_CHECK : /[([]/.test(match) ? WRITTEN : BARE;
  return { normalized: id, confidence };
}

/** Tried only at the one or two letters before a run of 6 digits (7 with an unbracketed check digit). */
const HK_ID = /(?<![A-Za-z0-9])[A-Za-z]{1,2}\d{6}(?: ?[([][0-9Aa][)\]]|[0-9Aa])(?![A-Za-z0-9([])/y;

/**
 * Hong Kong identity card number (香港身份证): one or two letters, six digits and a mod-11 check character
 * (`0`-`9` or `A`), written `A123456(3)`, `A123456[3]` or `A1234563`; lower-case letters are read as upper-case.
 */
export const hkId: Detector = {
  type: 'HK_ID',
  scan: (text) => matchesFromDigitRuns(text, HK_ID, 2, (s, e) => e - s === 6 || e - s === 7),
  needs: ['digit', 'latin'],
  minDigits: 6,
  validate: validateHkId,
  context: ['香港身份证', '香港身份證', '身份证', '身份證', '身分證', 'HKID', 'HKIC', 'Hong Kong ID', 'identity card'],
  mask: (f) => {
    const letters = f.normalized.slice(0, -7);
    return `${letters}******(${f.normalized.at(-1)})`;
  },
  label: '[香港身份证]',
  sensitivity: 'L3',
  piplSensitive: true,
};
