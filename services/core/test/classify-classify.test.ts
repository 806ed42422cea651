import { Policy, type Record } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { classify } from '../src/classify/classify';
import { matchTopics } from '../src/classify/match-topics';
import { detectInRecord } from '../src/redact/record-findings';
import { chatRecord } from './support-chat-record';

const ID = '110101199003077774';
const ID2 = '440306199602291237';
const ID3 = '320102198506152343';
const policy = Policy.parse({});

const record = chatRecord;

const run = (r: Record, p: Policy = policy) => classify(r, detectInRecord(r), p);

describe('classify sensitivity', () => {
  it('is L1 with no personal data, in the default retention class', () => {
    const { classification, retention } = run(record('请问你们几点下班？'));
    expect(classification).toEqual({
      topics: [],
      piiTypes: [],
      sensitivity: 'L1',
      piplSensitive: false,
      piplCategories: [],
    });
    expect(retention).toEqual({ class: 'standard', retainUntil: '2027-02-28T10:00:00.000Z', worm: false, holds: [] });
  });

  it('is L2 with contact data only', () => {
    const { classification, retention } = run(record('手机13812345678，邮箱a@example.com'));
    expect(classification).toMatchObject({ piiTypes: ['CN_MOBILE', 'EMAIL'], sensitivity: 'L2', piplSensitive: false });
    expect(retention.class).toBe('standard');
  });

  it('is L3 and PIPL-sensitive with an identity document, kept in the regulated WORM class', () => {
    const { classification, retention } = run(record(`我的身份证号是${ID}，手机13812345678`));
    expect(classification).toMatchObject({
      piiTypes: ['CN_MOBILE', 'CN_RESIDENT_ID'],
      sensitivity: 'L3',
      piplSensitive: true,
      piplCategories: ['identity'],
    });
    expect(retention).toMatchObject({ class: 'regulated', worm: true, retainUntil: '2029-02-27T10:00:00.000Z' });
  });

  it('is L4 when an ID number comes with a known customer name', () => {
    const named = record(`身份证 ${ID}`, { customer: { name: '张三' } });
    expect(run(named).classification.sensitivity).toBe('L4');
    const participant = record(`身份证 ${ID}`, {
      participants: [{ id: 'p1', role: 'customer', name: '王五', address: 'w@example.com' }],
    });
    expect(run(participant).classification.sensitivity).toBe('L4');
  });

  it('is L4 with three distinct ID numbers, L3 with the same one three times', () => {
    expect(run(record(`${ID}、${ID2}、${ID3}`)).classification.sensitivity).toBe('L4');
    expect(run(record(`${ID}、${ID}、${ID}`)).classification.sensitivity).toBe('L3');
  });

  it('counts a bad check digit next to a context word as an identity document', () => {
    expect(run(record(`身份证号：${ID.slice(0, 17)}1`)).classification.sensitivity).toBe('L3');
  });

  it('redacts but does not count a low-confidence legacy ID with no context word', () => {
    const r = record('编号 110101900307777');
    expect(detectInRecord(r).all).toHaveLength(1);
    expect(run(r).classification).toMatchObject({ piiTypes: [], sensitivity: 'L1' });
  });

  it('follows the policy thresholds', () => {
    const strict = Policy.parse({ classification: { minConfidence: 0.3, bulkIdentityThreshold: 2 } });
    expect(run(record('编号 110101900307777'), strict).classification.sensitivity).toBe('L3');
    expect(run(record(`${ID} ${ID2}`), strict).classification.sensitivity).toBe('L4');
  });
});

describe('classify topics', () => {
  it('finds topics from Chinese and English keywords, case-insensitively', () => {
    const r = record('我要投诉！快递一直没到，要求退款。', { subject: 'Refund for INVOICE 42' });
    expect(run(r).classification.topics).toEqual(['complaint', 'refund', 'billing', 'delivery']);
  });

  it('matches English keywords at the start of a word only', () => {
    expect(matchTopics('Complaints about Shipping; nonrefundable', policy.classification.topics)).toEqual([
      'complaint',
      'delivery',
    ]);
  });

  it('matches full-width English keywords', () => {
    expect(matchTopics('ＬＯＧＩＮ failed', policy.classification.topics)).toEqual(['account']);
  });

  it('folds the case of accented keywords and of keywords written full-width in the policy', () => {
    const topics = { refund: ['Rückerstattung'], vip: ['ＶＩＰ'] };
    expect(matchTopics('Bitte um RÜCKERSTATTUNG', topics)).toEqual(['refund']);
    expect(matchTopics('a vip customer', topics)).toEqual(['vip']);
    expect(matchTopics('Rückfahrt', topics)).toEqual([]);
    expect(matchTopics('Übernahme geplant', { takeover: ['Übernahme'] })).toEqual(['takeover']);
    expect(matchTopics('Datenübernahme geplant', { takeover: ['Übernahme'] })).toEqual([]);
  });

  it('finds a keyword in any turn, never one split across two turns', () => {
    const turn = (text: string) => ({ at: '2024-02-29T10:00:00.000Z', participant: 'p1', text, attachments: [] });
    const topics = (...texts: string[]) => run(record('', { turns: texts.map(turn) })).classification.topics;
    expect(topics('你好', '我要退款')).toEqual(['refund']);
    expect(topics('我要退', '款')).toEqual([]);
  });

  it('makes a medical conversation PIPL-sensitive and regulated without any identifier', () => {
    const { classification, retention } = run(record('我在医院拿到了诊断书'));
    expect(classification).toMatchObject({
      topics: ['medical'],
      sensitivity: 'L1',
      piplSensitive: true,
      piplCategories: ['health'],
    });
    expect(retention.class).toBe('regulated');
  });

  it('uses topic rules and sensitive topics from the policy', () => {
    const custom = Policy.parse({
      classification: { topics: { insurance: ['保险', 'policy number'] }, sensitiveTopics: ['insurance'] },
    });
    const { classification } = run(record('Policy Number 保险理赔，病历已附上'), custom);
    expect(classification).toMatchObject({ topics: ['insurance'], piplSensitive: true });
  });

  it('refuses a policy whose sensitive topic has no rule', () => {
    const parsed = Policy.safeParse({ classification: { topics: { billing: ['账单'] } } });
    expect(parsed.error?.issues).toMatchObject([
      { path: ['classification', 'sensitiveTopics'], message: expect.stringContaining('"medical"') },
    ]);
  });
});

describe('classify retention', () => {
  it('counts retention days from when the record occurred', () => {
    const p = Policy.parse({ retentionClasses: { standard: { days: 1 }, regulated: { days: 10, worm: true } } });
    expect(run(record('hi'), p).retention).toEqual({
      class: 'standard',
      retainUntil: '2024-03-01T10:00:00.000Z',
      worm: false,
      holds: [],
    });
  });

  it('keeps legal holds already on the record', () => {
    const held = record('hi', {
      retention: { class: 'standard', retainUntil: '2030-01-01T00:00:00.000Z', worm: false, holds: ['case-7'] },
    });
    expect(run(held).retention.holds).toEqual(['case-7']);
  });

  it('fails with a clear error when the policy names a class it does not define', () => {
    const broken = { ...policy, defaultRetentionClass: 'missing' };
    expect(() => run(record('hi'), broken)).toThrow(expect.objectContaining({ code: 'E_POLICY_INVALID' }));
  });
});
