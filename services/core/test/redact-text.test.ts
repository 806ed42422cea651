import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { detect } from '../src/redact/detect';
import type { Finding } from '../src/redact/finding';
import { redactText } from '../src/redact/redact-text';
import { keyedToken } from '../src/seal/keyed-token';

const ID = '110101199003077774';
const key = new Uint8Array(32).fill(7);
const tokenFor = (f: Finding) => keyedToken(key, f.type, f.normalized);
const ops = (op: 'mask' | 'label' | 'token') =>
  Policy.parse({ operators: { CN_RESIDENT_ID: op, CN_MOBILE: op, EMAIL: op } }).operators;
const redact = (text: string, op: 'mask' | 'label' | 'token' = 'mask') =>
  redactText(text, detect(text), ops(op), tokenFor);

describe('redactText', () => {
  it('masks the middle four digits of a mainland mobile number', () => {
    expect(redact('手机13812345678，谢谢')).toBe('手机138****5678，谢谢');
  });

  it('masks a prefixed, grouped mobile number to the same Chinese form', () => {
    expect(redact('Tel: +86 138 1234 5678.')).toBe('Tel: 138****5678.');
  });

  it('keeps the first and last two characters of a resident ID', () => {
    expect(redact(`身份证号是${ID}。`)).toBe('身份证号是1***************74。');
    expect(redact('证件 42010619771103456x')).toBe('证件 4***************6X');
  });

  it('keeps the first character of an email local part and the domain', () => {
    expect(redact('邮箱zhangsan@example.com。')).toBe('邮箱z***@example.com。');
    expect(redact('写信给 张三@例子.中国')).toBe('写信给 张***@例子.中国');
  });

  it('masks full-width identifiers without disturbing the text around them', () => {
    expect(redact('手机：１３８１２３４５６７８，邮箱ＺＨＡＮＧ＠ｅｘａｍｐｌｅ．ｃｏｍ。')).toBe(
      '手机：138****5678，邮箱z***@example.com。',
    );
  });

  it('replaces findings with Chinese type labels under the label operator', () => {
    expect(redact(`身份证${ID}，手机13812345678，邮箱a@b.com`, 'label')).toBe(
      '身份证[身份证号]，手机[手机号]，邮箱[邮箱]',
    );
  });

  it('replaces findings with a short keyed token under the token operator', () => {
    const out = redact('手机13812345678', 'token');
    const token = keyedToken(key, 'CN_MOBILE', '13812345678').slice(0, 8);
    expect(out).toBe(`手机[CN_MOBILE:${token}]`);
  });

  it('applies each type its own operator', () => {
    const operators = Policy.parse({ operators: { CN_MOBILE: 'label', EMAIL: 'mask' } }).operators;
    const text = '13812345678 / a@b.com';
    expect(redactText(text, detect(text), operators, tokenFor)).toBe('[手机号] / a***@b.com');
  });

  it('leaves text without findings unchanged', () => {
    expect(redact('您好，我想咨询退款。')).toBe('您好，我想咨询退款。');
  });

  it('refuses findings that were made from another text', () => {
    const findings = detect('手机13812345678');
    expect(() => redactText('手机13912345678', findings, ops('mask'), tokenFor)).toThrow(
      expect.objectContaining({ code: 'E_FINDINGS_MISMATCH' }),
    );
  });

  it('refuses overlapping findings', () => {
    const [f] = detect('13812345678');
    const shifted = { ...f!, start: 1, end: 11, value: '3812345678' };
    expect(() => redactText('13812345678', [f!, shifted], ops('mask'), tokenFor)).toThrow(
      expect.objectContaining({ code: 'E_FINDINGS_OVERLAP' }),
    );
  });

  it('keeps no identifier digits beyond the mask in a mixed zh/en paragraph', () => {
    const text = `客户 Zhang San (ID ${ID}) called from 13812345678 and wrote to zs@example.com.`;
    const out = redact(text);
    expect(out).not.toContain(ID);
    expect(out).not.toContain('12345678');
    expect(out).not.toContain('zs@');
  });
});
