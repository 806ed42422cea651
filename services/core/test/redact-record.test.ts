import { Policy, Record } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { classify } from '../src/classify/classify';
import { detectorFor } from '../src/redact/catalogue';
import { normalizeEmailAddress } from '../src/redact/detectors/email';
import { participantText } from '../src/redact/participant-text';
import { agentScopeToken, projectRecord } from '../src/redact/project';
import { parseQuery } from '../src/redact/query';
import { detectInRecord } from '../src/redact/record-findings';
import { redactRecord } from '../src/redact/redact-record';
import { keyedToken } from '../src/seal/keyed-token';

const ID = '110101199003077774';
const key = new Uint8Array(32).fill(3);
const policy = Policy.parse({});

function makeRecord(overrides: Partial<Record> = {}): Record {
  return Record.parse({
    id: '6f1d3c52-9a57-4d0e-8a51-2b8f4f1c7e91',
    version: 1,
    tenant: 'acme',
    channel: 'email',
    sources: [{ connector: 'imap', sourceId: 'imap:support@acme.cn/INBOX', externalId: '1:42' }],
    conversationKey: 'msg-1@mail.example.com',
    occurredAt: '2025-03-01T08:00:00.000Z',
    receivedAt: '2025-03-01T08:00:05.000Z',
    customer: { address: 'Zhang.San@Example.com', name: '张三' },
    owner: { agent: 'Li.Si@acme.cn', team: 'support' },
    participants: [
      { id: 'p1', role: 'customer', name: '张三', address: 'zhang.san@example.com' },
      { id: 'p2', role: 'agent', name: 'Li Si 13912345678', address: 'li.si@acme.cn' },
      { id: 'p3', role: 'customer', address: 'cust.8848@localhost' },
    ],
    subject: '退款申请 - 手机13812345678',
    turns: [
      { at: '2025-03-01T08:00:00.000Z', participant: 'p1', text: `我的身份证号是${ID}，请退款。` },
      { at: '2025-03-01T09:00:00.000Z', participant: 'p2', text: 'Noted, we will email zhang.san@example.com.' },
    ],
    attachments: [{ name: `身份证${ID}.jpg`, type: 'image/jpeg', size: 10, sha256: 'a'.repeat(64) }],
    language: 'zh',
    integrity: { rawSha256: 'b'.repeat(64) },
    ...overrides,
  });
}

const classified = (r: Record, findings = detectInRecord(r)) => ({ ...r, ...classify(r, findings, policy) });

describe('detectInRecord', () => {
  it('finds identifiers per field with offsets into that field', () => {
    const r = makeRecord();
    const f = detectInRecord(r);
    expect(f.subject.map((x) => x.normalized)).toEqual(['13812345678']);
    expect(f.turns[0]!.map((x) => [x.type, x.normalized])).toEqual([['CN_RESIDENT_ID', ID]]);
    expect(r.turns[0]!.text.slice(f.turns[0]![0]!.start, f.turns[0]![0]!.end)).toBe(ID);
    expect(f.participants[1]!.map((x) => x.type)).toEqual(['PERSON_NAME', 'CN_MOBILE', 'EMAIL']);
    expect(f.participants[2]).toEqual([]);
    expect(f.all).toHaveLength(1 + 1 + 1 + 2 + 3);
  });

  it('takes what no detector claims of a participant display name as a person name, whatever it looks like', () => {
    const r = makeRecord({
      participants: [
        { id: 'p1', role: 'customer', name: '张三', address: 'zhang.san@example.com' },
        { id: 'p2', role: 'agent', name: ' Li Si, 13912345678 ', address: 'li.si@acme.cn' },
        { id: 'p3', role: 'agent', name: '客服小王' },
        { id: 'p4', role: 'customer', name: '13700001111' },
        { id: 'p5', role: 'customer', name: '--' },
      ],
    });
    const names = detectInRecord(r).participants.map((found) =>
      found.filter((x) => x.type === 'PERSON_NAME').map((x) => [x.value, x.normalized]),
    );
    expect(names).toEqual([[['张三', '张三']], [['Li Si', 'li si']], [['客服小王', '客服小王']], [], []]);
    const text = participantText(r.participants[1]!).text;
    const [li] = detectInRecord(r).participants[1]!;
    expect(text.slice(li!.start, li!.end)).toBe('Li Si');
  });

  const turnsOf = (...texts: string[]) =>
    makeRecord({
      turns: texts.map((text, i) => ({
        at: '2025-03-01T08:00:00.000Z',
        participant: `p${(i % 2) + 1}`,
        text,
        attachments: [],
      })),
    });

  it('reads a question in one turn as context for the answer in the next', () => {
    const bad = `${ID.slice(0, 17)}7`; // a bad check digit: an ID only where a context word says so
    const answered = detectInRecord(turnsOf('请提供您的身份证号', bad));
    expect(answered.turns[1]).toMatchObject([{ type: 'CN_RESIDENT_ID', start: 0, end: 18, value: bad }]);
    expect(detectInRecord(turnsOf('请问还有其他问题吗？谢谢您的耐心等待', bad)).turns[1]).toEqual([]);
  });

  it('takes the next turn for the answer to a name question, in Chinese and in English', () => {
    expect(detectInRecord(turnsOf('请问怎么称呼您？', '王芳')).turns[1]).toMatchObject([
      { type: 'PERSON_NAME', value: '王芳', start: 0 },
    ]);
    expect(detectInRecord(turnsOf('May I have your name?', "it's Ryan Tanaka")).turns[1]).toMatchObject([
      { type: 'PERSON_NAME', value: 'Ryan Tanaka', start: 5 },
    ]);
    expect(detectInRecord(turnsOf('请问怎么称呼您？', '好的，稍等')).turns[1]).toEqual([]);
  });

  it('lets no label, script or question of one turn take a finding from the next', () => {
    const regions = { phoneRegions: ['US', 'HK'] };
    // An order label ends the turn before: the number in this one is still a phone.
    expect(detectInRecord(turnsOf('Thanks for your order', '9123 4567'), regions).turns[1]).toMatchObject([
      { type: 'PHONE', value: '9123 4567' },
    ]);
    // Chinese in the turn before does not make this English turn Chinese text: a bare 9-digit SSN still counts.
    expect(detectInRecord(turnsOf('好的，稍等', 'Mine is 536228714, thanks')).turns[1]).toMatchObject([
      { type: 'US_SSN', value: '536228714' },
    ]);
    // Every name question opens its own window for an answer, not only the record's first.
    const filler = 'Agent: I am checking this with the warehouse team now, thanks for waiting while I look into it.';
    const late = turnsOf(
      'Name change?',
      filler,
      filler,
      "Agent: May I have your name? Customer: Yes, it's Ryan Tanaka.",
    );
    expect(detectInRecord(late).turns[3]).toMatchObject([{ type: 'PERSON_NAME', value: 'Ryan Tanaka' }]);
  });

  it('keeps every finding inside its own turn: a signature ends its turn, a sign-off takes no name from the next', () => {
    const f = detectInRecord(
      turnsOf('Hi,\n\nPlease update my card.\n\nHannah Fischer', 'Best', 'Agent: I have escalated the ticket.'),
    );
    expect(f.turns[0]).toMatchObject([{ type: 'PERSON_NAME', value: 'Hannah Fischer', start: 29, end: 43 }]);
    expect(f.turns[1]).toEqual([]);
    expect(f.turns[2]).toEqual([]);
  });
});

describe('projectRecord', () => {
  it('holds no identifier, only redacted text and keyed tokens', () => {
    const r = classified(makeRecord());
    const doc = projectRecord(r, detectInRecord(r), policy, key);
    const json = JSON.stringify(doc);
    for (const secret of [
      ID,
      '13812345678',
      '13912345678',
      'zhang.san@',
      'li.si@',
      'cust.8848@localhost',
      'Li.Si',
      '张三',
      'Li Si',
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(doc.subject).toBe('退款申请 - 手机138****5678');
    expect(doc.body).toBe('我的身份证号是1***************74，请退款。\nNoted, we will email z***@example.com.');
    const mask = (name: string) =>
      detectorFor('PERSON_NAME').mask({ ...detectInRecord(r).participants[0]![0]!, value: name });
    expect(doc.participants).toBe(
      `${mask('张三')} <z***@example.com>\n${mask('Li Si')} 139****5678 <l***@acme.cn>\n<c***>`,
    );
  });

  it('carries tokens for every finding and every address, so a search by identifier finds it', () => {
    const r = classified(makeRecord());
    const doc = projectRecord(r, detectInRecord(r), policy, key);
    expect(doc.tokens).toContain(keyedToken(key, 'CN_RESIDENT_ID', ID));
    expect(doc.tokens).toContain(keyedToken(key, 'CN_MOBILE', '13812345678'));
    expect(doc.tokens).toContain(keyedToken(key, 'EMAIL', 'zhang.san@example.com'));
    expect(doc.tokens).toContain(keyedToken(key, 'EMAIL', 'cust.8848@localhost'));
    expect(new Set(doc.tokens).size).toBe(doc.tokens.length);
    for (const t of parseQuery(`${ID} 13812345678`, key).tokens) expect(doc.tokens).toContain(t);
    expect(doc.tokens).toContain(parseQuery('ZHANG.SAN@example.com', key).tokens[0]);
  });

  it('carries the customer and participant names as tokens only', () => {
    const r = classified(makeRecord({ customer: { name: ' 王五 ' } }));
    const doc = projectRecord(r, detectInRecord(r), policy, key);
    expect(doc.tokens).toContain(keyedToken(key, 'PERSON_NAME', '王五'));
    expect(doc.tokens).toContain(keyedToken(key, 'PERSON_NAME', '张三'));
    expect(doc.tokens).toContain(keyedToken(key, 'PERSON_NAME', 'li si'));
    expect(JSON.stringify(doc)).not.toContain('王五');
  });

  it('stores the owner agent as a scope token the API can compute from the agent address', () => {
    const r = classified(makeRecord());
    const doc = projectRecord(r, detectInRecord(r), policy, key);
    expect(doc.ownerAgent).toBe(agentScopeToken(key, 'li.si@ACME.cn'));
    expect(doc.ownerTeam).toBe('support');
    const unowned = classified(makeRecord({ owner: {} }));
    expect(projectRecord(unowned, detectInRecord(unowned), policy, key)).toMatchObject({
      ownerAgent: null,
      ownerTeam: null,
    });
  });

  it('gives the staff tokens it remembers across records only under the key they were made with', () => {
    const r = classified(makeRecord());
    const other = new Uint8Array(32).fill(4);
    const tokens = (k: Uint8Array) => {
      const doc = projectRecord(r, detectInRecord(r), policy, k);
      return [doc.ownerAgent, ...doc.tokens];
    };
    const first = tokens(key);
    expect(tokens(Uint8Array.from(key))).toEqual(first); // a copy of the key: a cache of its own, the same tokens
    const underOther = tokens(other);
    expect(underOther[0]).toBe(agentScopeToken(other, 'li.si@acme.cn'));
    expect(underOther).toContain(keyedToken(other, 'EMAIL', 'li.si@acme.cn'));
    expect(underOther.filter((t) => first.includes(t))).toEqual([]);
    expect(tokens(key)).toEqual(first);
  });
  it('copies classification and retention into the document', () => {
    const r = classified(makeRecord());
    const doc = projectRecord(r, detectInRecord(r), policy, key);
    expect(doc).toMatchObject({
      tenant: 'acme',
      id: r.id,
      version: 1,
      channel: 'email',
      piiTypes: ['CN_MOBILE', 'CN_RESIDENT_ID', 'EMAIL', 'PERSON_NAME'],
      topics: ['refund'],
      sensitivity: 'L4',
      retentionClass: 'regulated',
    });
  });

  it('uses the policy operators', () => {
    const labels = Policy.parse({ operators: { CN_RESIDENT_ID: 'label', CN_MOBILE: 'token', EMAIL: 'mask' } });
    const r = classified(makeRecord());
    const doc = projectRecord(r, detectInRecord(r), labels, key);
    const mobile = keyedToken(key, 'CN_MOBILE', '13812345678').slice(0, 8);
    expect(doc.subject).toBe(`退款申请 - 手机[CN_MOBILE:${mobile}]`);
    expect(doc.body).toContain('我的身份证号是[身份证号]，请退款。');
  });

  it('refuses a record that was not classified', () => {
    const r = makeRecord();
    expect(() => projectRecord(r, detectInRecord(r), policy, key)).toThrow(
      expect.objectContaining({ code: 'E_RECORD_UNCLASSIFIED' }),
    );
  });

  it('refuses findings made from another record', () => {
    const r = classified(makeRecord());
    const other = makeRecord({ turns: [] });
    expect(() => projectRecord(r, detectInRecord(other), policy, key)).toThrow(
      expect.objectContaining({ code: 'E_FINDINGS_MISMATCH' }),
    );
  });
});

describe('redactRecord', () => {
  it('masks text, addresses and names and keeps everything else', () => {
    const r = makeRecord();
    const masked = redactRecord(r, detectInRecord(r), policy, key);
    expect(masked.subject).toBe('退款申请 - 手机138****5678');
    expect(masked.turns.map((t) => t.text)).toEqual([
      '我的身份证号是1***************74，请退款。',
      'Noted, we will email z***@example.com.',
    ]);
    expect(masked.participants.map((p) => [p.name, p.address])).toEqual([
      ['张*', 'z***@example.com'],
      ['L* S* ***********', 'l***@acme.cn'],
      [undefined, 'c***'],
    ]);
    expect(masked.customer).toEqual({ address: 'z***@example.com', name: '张*' });
    expect(masked.attachments[0]!.name).toBe('身份证1***************74.jpg');
    expect(masked.id).toBe(r.id);
    expect(masked.turns[0]!.at).toBe(r.turns[0]!.at);
    expect(JSON.stringify(masked)).not.toContain(ID);
  });

  it('does not change the record it was given', () => {
    const r = makeRecord();
    const before = structuredClone(r);
    redactRecord(r, detectInRecord(r), policy, key);
    expect(r).toEqual(before);
  });
});

describe('parseQuery', () => {
  it('turns identifiers into tokens and cuts them out of the text', () => {
    const q = parseQuery('退款 13812345678 zhang.san@example.com 投诉', key);
    expect(q.text).toBe('退款 投诉');
    expect(q.tokens).toEqual([
      keyedToken(key, 'CN_MOBILE', '13812345678'),
      keyedToken(key, 'EMAIL', normalizeEmailAddress('zhang.san@example.com')),
    ]);
    expect(q.redacted).toBe('退款 138****5678 z***@example.com 投诉');
  });

  it('looks for an ID number with a typo in its check digit by token or by text, never sending it as text alone', () => {
    const bad = `${ID.slice(0, 17)}9`;
    const q = parseQuery(bad, key);
    expect(q.text).toBe('');
    expect(q.tokens).toEqual([]);
    expect(q.eitherOf).toEqual([{ token: keyedToken(key, 'CN_RESIDENT_ID', bad), text: bad }]);
    expect(q.redacted).not.toContain(bad);
  });

  it('looks for a number that is an identifier only in context either way, so an order number is still found', () => {
    const q = parseQuery('订单 12345678', key);
    expect(q.tokens).toEqual([]);
    expect(q.eitherOf.map((e) => e.text)).toEqual(['12345678']);
    expect(q.text).toBe('订单');
  });

  it('gives the same token for full-width and spaced spellings', () => {
    const plain = parseQuery('13812345678', key).tokens;
    expect(parseQuery('１３８ １２３４ ５６７８', key).tokens).toEqual(plain);
    expect(parseQuery('+86-138-1234-5678', key).tokens).toEqual(plain);
  });

  it('leaves a query without identifiers as text', () => {
    expect(parseQuery('  快递  delivery ', key)).toEqual({
      text: '快递 delivery',
      tokens: [],
      eitherOf: [],
      redacted: '  快递  delivery ',
    });
  });

  it('looks for a name by its token or as text, since records hold names only masked and as tokens', () => {
    const zh = parseQuery('张三 退款', key);
    expect(zh.text).toBe('退款');
    expect(zh.eitherOf).toEqual([{ token: keyedToken(key, 'PERSON_NAME', '张三'), text: '张三' }]);
    expect(zh.redacted).not.toContain('张三');
    const en = parseQuery(' Li Si ', key);
    expect(en.eitherOf).toEqual([{ token: keyedToken(key, 'PERSON_NAME', 'li si'), text: 'Li Si' }]);
    expect(parseQuery('退款 delivery late', key).eitherOf).toEqual([]);
  });

  it('finds a record by its customer name through the same token the projection stored', () => {
    const r = classified(makeRecord());
    const doc = projectRecord(r, detectInRecord(r), policy, key);
    expect(doc.tokens).toContain(parseQuery('张三', key).eitherOf[0]!.token);
  });
});
