import { Policy } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import type { EmailItem } from '../src/normalize/normalize-email';
import { normalizeEmail } from '../src/normalize/normalize-email';
import type { ParsedEmail } from '../src/ports/email-parser';

const policy = Policy.parse({ agentDomains: ['support.example.com'] });

const item = (sourceId: string, externalId: string): EmailItem => ({
  tenant: 'acme',
  channel: 'email',
  source: { connector: 'imap', sourceId, externalId },
  version: 1,
  receivedAt: '2026-03-02T08:00:00.000Z',
  payload: { kind: 'email', raw: '' },
});

const parsed = (over: Partial<ParsedEmail> = {}): ParsedEmail => ({
  messageId: '<abc@mail.qq.com>',
  references: [],
  subject: '申请退款',
  date: '2026-03-01T10:00:00.000Z',
  from: [{ name: '张三', address: 'Zhang.San@qq.com' }],
  to: [{ name: '客服', address: 'li.wei@support.example.com' }],
  cc: [],
  text: '你好，我要退款。',
  attachments: [],
  problems: [],
  ...over,
});

describe('normalizeEmail', () => {
  it('gives the same email found in two mailboxes the same record id', () => {
    const a = normalizeEmail(item('imap:a/INBOX', '1:10'), parsed(), 'h1', policy);
    const b = normalizeEmail(item('imap:b/INBOX', '7:99'), parsed(), 'h2', policy);
    expect(a.record.id).toBe(b.record.id);
    expect(a.dedupeKey).toBe(b.dedupeKey);
  });

  it('gives different messages different ids even when a Message-ID is reused', () => {
    const a = normalizeEmail(item('s', '1'), parsed(), 'h1', policy);
    const b = normalizeEmail(item('s', '2'), parsed({ text: '另一封邮件' }), 'h2', policy);
    expect(a.record.id).not.toBe(b.record.id);
  });

  it('tells customers from agents by the agent domains and makes the agent the owner', () => {
    const { record } = normalizeEmail(item('s', '1'), parsed(), 'h', policy);
    expect(record.participants.map((p) => [p.address, p.role])).toEqual([
      ['zhang.san@qq.com', 'customer'],
      ['li.wei@support.example.com', 'agent'],
    ]);
    expect(record.customer.address).toBe('zhang.san@qq.com');
    expect(record.owner.agent).toBe('li.wei@support.example.com');
    expect(record.language).toBe('zh');
  });

  it('keeps no Message-ID in the clear: they often embed the sender’s address', () => {
    const { record, dedupeKey } = normalizeEmail(item('s', '1'), parsed(), 'h', policy);
    expect(JSON.stringify([record.conversationKey, dedupeKey])).not.toContain('qq.com');
  });

  it('threads a reply onto the root of its References', () => {
    const { record } = normalizeEmail(
      item('s', '2'),
      parsed({ messageId: '<r2@x>', inReplyTo: '<r1@x>', references: ['<root@x>', '<r1@x>'] }),
      'h',
      policy,
    );
    expect(record.conversationKey).toBe(
      normalizeEmail(item('s', '1'), parsed({ messageId: '<root@x>' }), 'h', policy).record.conversationKey,
    );
    expect(record.conversationKey).toMatch(/^thread:[0-9a-f]{32}$/);
  });

  it('archives a message without Message-ID or Date and records both problems', () => {
    const { record, dedupeKey } = normalizeEmail(
      item('s', '3'),
      parsed({ messageId: undefined, date: undefined }),
      'rawhash',
      policy,
    );
    expect(dedupeKey).toBe('sha256:rawhash');
    expect(record.occurredAt).toBe('2026-03-02T08:00:00.000Z');
    expect(record.problems.map((p) => p.code).sort()).toEqual(['W_NO_DATE', 'W_NO_MESSAGE_ID']);
  });
});
