import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { classify } from '../src/classify/classify';
import { mentionsAgeBelow } from '../src/classify/mentions-age-below';
import { detectInRecord } from '../src/redact/record-findings';
import { chatRecord } from './support-chat-record';

const policy = Policy.parse({});

const record = chatRecord;

const categories = (text: string, p: Policy = policy) =>
  classify(record(text), detectInRecord(record(text)), p).classification;

describe('PIPL categories', () => {
  it('puts identity documents, financial accounts and addresses in their categories', () => {
    expect(categories('台胞证号码87654321').piplCategories).toEqual(['identity']);
    expect(categories('信用卡号4111 1111 1111 1111').piplCategories).toEqual(['financial']);
    expect(categories('收货地址：上海市浦东新区张江路88号3栋1201室')).toMatchObject({
      piiTypes: ['ADDRESS'],
      piplCategories: ['location'],
      piplSensitive: true,
    });
  });

  it('finds health from medical keywords, zh and en', () => {
    expect(categories('孩子昨天住院了，医生说是过敏').piplCategories).toContain('health');
    expect(categories('The prescription from the hospital was wrong').piplCategories).toEqual(['health']);
  });

  it('finds a minor only when a child keyword comes with an age under 14', () => {
    expect(categories('我孩子今年8岁，能用这个手表吗').piplCategories).toEqual(['minor']);
    expect(categories('女儿十二周岁了').piplCategories).toEqual(['minor']);
    expect(categories('该学生未满14周岁').piplCategories).toEqual(['minor']);
    expect(categories('My daughter is 7 years old').piplCategories).toEqual(['minor']);
    expect(categories('我孩子今年15岁了').piplCategories).toEqual([]);
    expect(categories('孩子很喜欢这个玩具').piplCategories).toEqual([]);
    expect(categories('本玩具适合3岁以上儿童').piplCategories).toEqual([]);
    expect(categories('适合3-6岁儿童使用').piplCategories).toEqual([]);
  });

  it('records several categories in the policy order and nothing for ordinary text', () => {
    expect(categories('我儿子6岁，在医院做了手术，身份证110101199003077774').piplCategories).toEqual([
      'identity',
      'health',
      'minor',
    ]);
    expect(categories('请问周末营业吗？')).toMatchObject({ piplCategories: [], piplSensitive: false });
  });

  it('follows categories defined in the policy, added ones too', () => {
    const p = Policy.parse({
      classification: {
        piplCategories: { location: { keywords: ['定位'] }, biometric: { keywords: ['指纹', 'fingerprint'] } },
      },
    });
    expect(categories('收货地址：上海市浦东新区张江路88号', p).piplCategories).toEqual([]);
    expect(categories('APP上传了我的指纹和定位', p).piplCategories).toEqual(['location', 'biometric']);
  });
});

describe('mentionsAgeBelow', () => {
  it.each([
    ['8岁', true],
    ['十三岁', true],
    ['十四岁', false],
    ['两岁半', true],
    ['未满十四周岁', true],
    ['aged 9', true],
    ['a 10-year-old', true],
    ['30岁', false],
    ['3岁以上', false],
    ['3~6岁', false],
    ['12 years warranty', false],
  ])('reads %s as %s', (text, below) => {
    expect(mentionsAgeBelow(text, 14)).toBe(below);
  });
});
