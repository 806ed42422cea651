import { residentIdCheckChar } from '../detectors/cn-resident-id';

/**
 * Whether 18 digits read as a mainland resident ID (a 19xx/20xx birth date in place and a right GB 11643
 * check digit), so that a card or other number detector leaves them to the resident-ID detector.
 */
export function isResidentId(digits: string): boolean {
  if (!/^\d{17}[\dX]$/.test(digits)) return false;
  const year = Number(digits.slice(6, 10));
  const month = Number(digits.slice(10, 12));
  const day = Number(digits.slice(12, 14));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return residentIdCheckChar(digits) === digits[17];
}
