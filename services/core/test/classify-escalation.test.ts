import { Policy, type Record } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { classify } from '../src/classify/classify';
import { detectInRecord } from '../src/redact/record-findings';
import { chatRecord } from './support-chat-record';

const ID = '110101199003077774';
const policy = Policy.parse({});

const record = chatRecord;

const classified = (r: Record, p: Policy = policy) => classify(r, detectInRecord(r), p).classification;

describe('sensitivity escalation', () => {
  it('is L4 when a name found in the text comes with an identity document', () => {
    expect(classified(record(`我叫刘洋，身份证号${ID}`))).toMatchObject({
      piiTypes: ['CN_RESIDENT_ID', 'PERSON_NAME'],
      sensitivity: 'L4',
    });
  });

  it('is L4 when the customer name from the metadata is repeated next to a passport number', () => {
    const r = record('张三的护照号是E12345678', {
      participants: [{ id: 'p1', role: 'customer', name: '张三' }],
    });
    expect(classified(r)).toMatchObject({ piiTypes: ['CN_PASSPORT', 'PERSON_NAME'], sensitivity: 'L4' });
  });

  it("does not count the agent's own name as the name that goes with the customer's document", () => {
    const r = record(`客服李伟为您服务。您的身份证号${ID}已核实`, {
      participants: [{ id: 'a1', role: 'agent', name: '李伟', address: 'li.wei@acme.cn' }],
    });
    expect(classified(r)).toMatchObject({ piiTypes: ['CN_RESIDENT_ID', 'EMAIL', 'PERSON_NAME'], sensitivity: 'L3' });
  });

  it('is L4 with three distinct identity documents of different kinds, without any name', () => {
    const r = record(`身份证${ID}，护照E12345678，香港身份证A123456(3)`);
    expect(classified(r)).toMatchObject({ sensitivity: 'L4', piplCategories: ['identity'] });
  });

  it('is L4 when a financial account comes with a name, L3 without one', () => {
    expect(classified(record('我叫刘洋，信用卡号4111 1111 1111 1111'))).toMatchObject({
      sensitivity: 'L4',
      piplCategories: ['financial'],
    });
    expect(classified(record('信用卡号4111 1111 1111 1111')).sensitivity).not.toBe('L4');
  });

  it('does not count a low-confidence passport-like code as an identity document', () => {
    expect(classified(record('我叫刘洋，订单E12345678'))).toMatchObject({
      piiTypes: ['PERSON_NAME'],
      sensitivity: 'L2',
      piplCategories: [],
    });
  });

  it('takes the identity and financial types from the policy', () => {
    const p = Policy.parse({ classification: { piplCategories: { financial: { piiTypes: ['CN_MOBILE'] } } } });
    expect(classified(record('我叫刘洋，手机13812345678'), p)).toMatchObject({
      sensitivity: 'L4',
      piplCategories: ['financial'],
    });
  });
});
