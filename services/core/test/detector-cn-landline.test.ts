import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import { redactText } from '../src/redact/redact-text';

const landlines = (text: string) =>
  detect(text)
    .filter((f) => f.type === 'CN_LANDLINE')
    .map((f) => [f.value, f.normalized]);
const mask = (text: string) => redactText(text, detect(text), Policy.parse({}).operators, () => 'tok');

describe('mainland landline detector', () => {
  it.each([
    ['010-62345678', '1062345678'],
    ['(021)61234567', '2161234567'],
    ['(021) 6123 4567', '2161234567'],
    ['0755 8123 4567', '75581234567'],
    ['0755-81234567', '75581234567'],
    ['01062345678', '1062345678'],
    ['+86 10 6234 5678', '1062345678'],
    ['+86 (0)10 6234 5678', '1062345678'],
    ['(+86)755-81234567', '75581234567'],
    ['0086 21 6123 4567', '2161234567'],
  ])('finds %s in running text as %s', (written, national) => {
    expect(landlines(`公司座机：${written}，工作日可拨打`)).toEqual([[written, national]]);
  });

  it('finds 400 and 800 service numbers', () => {
    expect(landlines('客服热线400-820-1234，或拨800 810 8888')).toEqual([
      ['400-820-1234', '4008201234'],
      ['800 810 8888', '8008108888'],
    ]);
  });

  it('takes an extension into the finding but not into the number', () => {
    expect(landlines('总机 010-62345678-8001 / 021-61234567转123')).toEqual([
      ['010-62345678-8001', '1062345678'],
      ['021-61234567转123', '2161234567'],
    ]);
  });

  it('finds full-width digits with true offsets', () => {
    const text = '电话：０１０－６２３４５６７８。';
    const [f] = detect(text);
    expect(f).toMatchObject({ type: 'CN_LANDLINE', normalized: '1062345678' });
    expect(text.slice(f!.start, f!.end)).toBe('０１０－６２３４５６７８');
  });

  it('scores a grouped number higher than bare digits, and both higher next to a context word', () => {
    const [bare] = detect('编号 01062345678');
    const [grouped] = detect('编号 010-62345678');
    const [withWord] = detect('座机 01062345678');
    expect(bare!.confidence).toBeLessThan(grouped!.confidence);
    expect(withWord!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('finds a landline right after the house number of an address', () => {
    expect(landlines('成都市武侯区某路372号3楼305 028-63282850 开户行')).toEqual([['028-63282850', '2863282850']]);
  });

  it('is not found inside a number grouped by spaces', () => {
    expect(landlines('6222 0755 8123 4567 890 / 4111 0755 8123 4567')).toEqual([]);
  });

  it('rejects area codes that do not exist and groups that split the area code', () => {
    expect(landlines('电话 0001-2345678')).toEqual([]);
    expect(landlines('My Japanese number is 090-1234-5678')).toEqual([]);
  });

  it("leaves a number after another country's calling code to PHONE (London's 020 is also Guangzhou's)", () => {
    for (const text of [
      'Call +44 020 7946 0958',
      '电话 +44 020 7946 0958',
      'Tel: 0044 020 7946 0958',
      '座机 +44 (020) 7946 0958',
      '传真 +44-020-7946-0958',
    ]) {
      expect(landlines(text)).toEqual([]);
      expect(detect(text).map((f) => f.type)).toEqual(['PHONE']);
    }
  });

  it('leaves a number to PHONE where the country it is valid in is named near it, in its line', () => {
    for (const text of [
      'Call our London office on 020 7946 0107.',
      '请致电伦敦办公室 020 7946 0107',
      '英國分公司電話：029 2018 3636',
      'UK support line 020-8765 4321',
      'You can reach me on 020 7946 0123 after 5pm London time.',
    ]) {
      expect(landlines(text)).toEqual([]);
      expect(detect(text).map((f) => [f.type, f.normalized])).toEqual([['PHONE', expect.stringMatching(/^\+442/)]]);
    }
  });

  it('keeps a Guangzhou number where the mainland is named between London and the number, or London is on another line', () => {
    for (const text of [
      '我在英国读书，广州家里电话 020-87654321',
      'Flew back from London.\n广州电话 020-8765 4321',
      'London team, China hotline: 020 8765 4321',
      'call 020 8765 4321 in Guangzhou or our London office',
      '电话 020-87654321（广州），下周去伦敦',
    ])
      expect(detect(text).map((f) => f.type)).toEqual(['CN_LANDLINE']);
  });

  it('still finds a Guangzhou number after +86 or with no country code', () => {
    expect(landlines('电话 +86 020 8765 4321 / 020 8765 4322')).toEqual([
      ['+86 020 8765 4321', '2087654321'],
      ['020 8765 4322', '2087654322'],
    ]);
  });

  it("takes no account's number for a landline or a phone, but still a number after a label that ends with a phone word", () => {
    for (const text of [
      '港股戶口 (A/C 8003216574) 點解',
      '账号：010-62345678',
      'Acct no. 020 3456 7890',
      'account: 2125550123',
    ])
      expect(detect(text)).toEqual([]);
    expect(landlines('账户联系电话：010-62345678')).toEqual([['010-62345678', '1062345678']]);
    // A mobile is often an account's login name: it is still found.
    expect(detect('账号13812345678').map((f) => f.type)).toEqual(['CN_MOBILE']);
  });

  it('leaves mobiles to CN_MOBILE, even after +86', () => {
    expect(detect('+86 138 1234 5678').map((f) => f.type)).toEqual(['CN_MOBILE']);
    expect(detect('手机13812345678').map((f) => f.type)).toEqual(['CN_MOBILE']);
  });

  it('does not find a landline inside longer digit runs or dashed chains', () => {
    expect(landlines('订单 2024010623456789012 / SN 7-010-62345678 / 01062345678901')).toEqual([]);
  });

  it('masks all but the area code and the last four digits', () => {
    expect(mask('座机010-62345678，传真0755-81234567，热线400-820-1234')).toBe(
      '座机010****5678，传真0755****4567，热线400***1234',
    );
  });
});
