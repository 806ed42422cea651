/**
 * ISO 7064 MOD 97-10 remainder of an alphanumeric string, letters counting as two digits (A = 10 … Z = 35),
 * computed piecewise so no big integer is needed. An IBAN is valid when its rearranged form gives 1.
 */
export function mod97(alnum: string): number {
  let rest = 0;
  for (let i = 0; i < alnum.length; i++) {
    const c = alnum.charCodeAt(i);
    if (c >= 48 && c <= 57) rest = (rest * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rest = (rest * 100 + (c - 55)) % 97;
    else if (c >= 97 && c <= 122) rest = (rest * 100 + (c - 87)) % 97;
    else return -1;
  }
  return rest;
}
