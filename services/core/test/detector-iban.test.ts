import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { mod97 } from '../src/redact/checksums/mod97';
import { detect } from '../src/redact/detect';
import { redactText } from '../src/redact/redact-text';

// Check digits computed with mod97 (98 - mod97(BBAN + country + "00")).
const DE = 'DE44500105175407324931';
const NL = 'NL44RABO0123456789';
const CH = 'CH180483000012345678X';
const NO = 'NO9386011117947';

const ibans = (text: string) =>
  detect(text)
    .filter((f) => f.type === 'IBAN')
    .map((f) => [f.value, f.normalized]);
const grouped = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

describe('MOD 97-10', () => {
  it('gives 1 for a valid IBAN moved into check order and reads letters as two digits', () => {
    expect(mod97(`${DE.slice(4)}${DE.slice(0, 4)}`)).toBe(1);
    expect(mod97('A')).toBe(10);
    expect(mod97('z')).toBe(35);
    expect(mod97('12-3')).toBe(-1);
  });
});

describe('IBAN detector', () => {
  it('finds IBANs printed bare or in groups of four, in Chinese and English text', () => {
    expect(ibans(`请汇款至 ${grouped(DE)}，谢谢`)).toEqual([[grouped(DE), DE]]);
    expect(ibans(`Pay to ${NL} or ${grouped(CH)}.`)).toEqual([
      [NL, NL],
      [grouped(CH), CH],
    ]);
  });

  it('finds the shortest (Norway) and groups joined by dashes', () => {
    expect(ibans(`konto ${NO}`)).toEqual([[NO, NO]]);
    const dashed = grouped(DE).replaceAll(' ', '-');
    expect(ibans(`IBAN ${dashed}`)).toEqual([[dashed, DE]]);
  });

  it('accepts lower case written throughout, and normalizes to upper case', () => {
    expect(ibans(`iban ${NL.toLowerCase()}`)).toEqual([[NL.toLowerCase(), NL]]);
    expect(ibans('iban NL44rabo0123456789')).toEqual([]);
  });

  it('rejects a wrong check, a wrong length for the country and a BBAN out of format', () => {
    const badCheck = `DE45${DE.slice(4)}`;
    const tooLong = `${DE}1`;
    const lettersInDigits = 'DE44A00105175407324931';
    expect(ibans(`IBAN ${badCheck} / ${tooLong} / ${lettersInDigits} / XX44500105175407324931`)).toEqual([]);
  });

  it('keeps the word after a grouped IBAN out of it', () => {
    expect(ibans(`${grouped(DE)} is my account`)).toEqual([[grouped(DE), DE]]);
  });

  it('is not found glued to letters or digits, or as the local part of an address', () => {
    expect(ibans(`x${DE} ${DE}9 ${DE}@example.com`)).toEqual([]);
  });

  it('finds full-width text with true offsets', () => {
    const text = '账户：ＮＬ４４ＲＡＢＯ０１２３４５６７８９。';
    const [f] = detect(text);
    expect(f).toMatchObject({ type: 'IBAN', normalized: NL });
    expect(text.slice(f!.start, f!.end)).toBe('ＮＬ４４ＲＡＢＯ０１２３４５６７８９');
  });

  it('masks all but the country, check digits and last four characters', () => {
    const text = `IBAN: ${grouped(DE)}.`;
    expect(redactText(text, detect(text), Policy.parse({}).operators, () => 'tok')).toBe('IBAN: DE44 **** **** 4931.');
  });
});
