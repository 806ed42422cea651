import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../src/redact/checksums/uscc-check-char';
import { detect } from '../src/redact/detect';
import { redactText } from '../src/redact/redact-text';

// Check characters computed with usccCheckChar.
const COMPANY = '91440300MA5FABCD1Q';
const DIGITS_ONLY = '521100005000123453';
const OTHER = 'Y1110108MC0000123R';

const usccs = (text: string) =>
  detect(text)
    .filter((f) => f.type === 'CN_USCC')
    .map((f) => [f.value, f.normalized]);

describe('GB 32100 check character', () => {
  it('computes the check character, 0 when the sum leaves no remainder', () => {
    expect(usccCheckChar(COMPANY)).toBe('Q');
    expect(usccCheckChar('91310115MA1H7GXK0')).toBe('0');
    expect(usccCheckChar('91440300MA5FABCDI')).toBeNull(); // I is not in the alphabet
  });
});

describe('unified social credit code detector', () => {
  it('finds codes of companies, social organisations and other registrations', () => {
    expect(usccs(`统一社会信用代码：${COMPANY}，社团 ${DIGITS_ONLY}，其他 ${OTHER}`)).toEqual([
      [COMPANY, COMPANY],
      [DIGITS_ONLY, DIGITS_ONLY],
      [OTHER, OTHER],
    ]);
  });

  it('finds a code without a context word and one grouped 2-6-10', () => {
    expect(usccs(`Tax ID ${COMPANY.slice(0, 2)} ${COMPANY.slice(2, 8)} ${COMPANY.slice(8)}`)).toEqual([
      ['91 440300 MA5FABCD1Q', COMPANY],
    ]);
    expect(usccs(`发票抬头 深圳某公司 ${COMPANY}`)).toEqual([[COMPANY, COMPANY]]);
  });

  it('rejects a wrong check character, a registration authority or region the standard lacks, and I O S V Z', () => {
    const text = `税号 91440300MA5FABCD1R / Z1440300MA5FABCD1Q / 91990300MA5FABCD1Q / 91440300MA5FABCDO1`;
    expect(usccs(text)).toEqual([]);
  });

  it('is not found glued to letters or digits', () => {
    expect(usccs(`A${COMPANY} ${COMPANY}1`)).toEqual([]);
  });

  it('leaves an 18-digit resident ID to the resident-ID detector', () => {
    expect(detect('身份证 110101199003077774').map((f) => f.type)).toEqual(['CN_RESIDENT_ID']);
  });

  it('finds full-width text with true offsets', () => {
    const text = '信用代码：９１４４０３００ＭＡ５ＦＡＢＣＤ１Ｑ。';
    const [f] = detect(text);
    expect(f).toMatchObject({ type: 'CN_USCC', normalized: COMPANY });
    expect(text.slice(f!.start, f!.end)).toBe('９１４４０３００ＭＡ５ＦＡＢＣＤ１Ｑ');
  });

  it('masks the organisation code but keeps the authority, category and region', () => {
    const text = `税号${COMPANY}。`;
    expect(redactText(text, detect(text), Policy.parse({}).operators, () => 'tok')).toBe('税号914403**********1Q。');
  });
});
