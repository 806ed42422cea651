import { Policy, Record } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { classify } from '../src/classify/classify';
import { detectInRecord } from '../src/redact/record-findings';

function record(text: string, subject = ''): Record {
  return Record.parse({
    id: '6f1d3c52-9a57-4d0e-8a51-2b8f4f1c7e95',
    version: 1,
    tenant: 'acme',
    channel: 'chat',
    sources: [{ connector: 'chat', sourceId: 'web', externalId: 'c-4' }],
    conversationKey: 'c-4',
    occurredAt: '2024-02-29T10:00:00.000Z',
    receivedAt: '2024-02-29T10:00:01.000Z',
    customer: {},
    owner: {},
    participants: [],
    subject,
    turns: [{ at: '2024-02-29T10:00:00.000Z', participant: 'p1', text }],
    attachments: [],
    language: 'zh',
    integrity: { rawSha256: 'c'.repeat(64) },
  });
}

const classOf = (r: Record, p: Policy) => classify(r, detectInRecord(r), p).retention;

const policy = Policy.parse({
  retentionClasses: {
    standard: { days: 365 },
    regulated: { days: 1825, worm: true },
    health: { days: 3650, worm: true },
    shortLived: { days: 30 },
    disputes: { days: 2555 },
  },
  classification: {
    retentionRules: [
      { when: { piplCategories: ['health'] }, class: 'health' },
      { when: { topics: ['complaint'], minSensitivity: 'L2' }, class: 'disputes' },
      { when: { piiTypes: ['CN_LICENSE_PLATE'] }, class: 'shortLived' },
      { when: { minSensitivity: 'L3' }, class: 'regulated' },
      { when: { piplSensitive: false, topics: ['delivery'] }, class: 'shortLived' },
    ],
  },
});

describe('retention rules', () => {
  it('takes the class of the first rule that holds', () => {
    expect(classOf(record('我在医院做了检查，身份证110101199003077774'), policy)).toMatchObject({
      class: 'health',
      worm: true,
      retainUntil: '2034-02-26T10:00:00.000Z',
    });
  });

  it('needs every condition of a rule to hold', () => {
    expect(classOf(record('我要投诉，手机13812345678'), policy).class).toBe('disputes');
    expect(classOf(record('我要投诉'), policy).class).toBe('standard');
  });

  it('matches PII types, sensitivity floors and the PIPL flag', () => {
    expect(classOf(record('车牌沪A12345被刮了'), policy).class).toBe('shortLived');
    expect(classOf(record('护照号E12345678'), policy).class).toBe('regulated');
    expect(classOf(record('快递到哪了'), policy).class).toBe('shortLived');
  });

  it('falls back to the sensitive class for PIPL-sensitive records and to the default class otherwise', () => {
    expect(classOf(record('收货地址：上海市浦东新区张江路88号3栋1201室'), policy).class).toBe('regulated');
    expect(classOf(record('请问几点下班'), policy).class).toBe('standard');
  });

  it('matches every record with an empty condition', () => {
    const all = Policy.parse({ classification: { retentionRules: [{ when: {}, class: 'regulated' }] } });
    expect(classOf(record('hi'), all).class).toBe('regulated');
  });
});
