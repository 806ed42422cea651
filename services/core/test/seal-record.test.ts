import { Record as RecordSchema } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/ids/record-id';
import { newDataKey } from '../src/seal/aead';
import { openRecord, sealRecord } from '../src/seal/seal-record';

const attachment = Buffer.from('%PDF-1.4 invoice 13812345678');
const record = RecordSchema.parse({
  id: '0b0c6a57-7f4e-5a8e-9a55-4d1f5b0f4b11',
  version: 1,
  tenant: 'acme',
  channel: 'email',
  sources: [{ connector: 'imap', sourceId: 's', externalId: '1:1' }],
  conversationKey: 'c',
  occurredAt: '2026-03-01T10:00:00.000Z',
  receivedAt: '2026-03-01T10:00:01.000Z',
  customer: { address: 'zhang.san@qq.com' },
  owner: { agent: 'li.wei@support.example.com' },
  participants: [],
  subject: '退款',
  turns: [{ at: '2026-03-01T10:00:00.000Z', participant: 'p1', text: '手机13812345678' }],
  attachments: [
    { name: 'invoice.pdf', type: 'application/pdf', size: attachment.length, sha256: sha256Hex(attachment) },
  ],
  language: 'zh',
  classification: { topics: ['refund'], piiTypes: ['CN_MOBILE'], sensitivity: 'L2', piplSensitive: false },
  retention: { class: 'regulated', retainUntil: '2031-03-01T10:00:00.000Z', worm: true, holds: [] },
  integrity: { rawSha256: 'r' },
});

describe('sealRecord', () => {
  const dataKey = newDataKey();
  const sealed = sealRecord({
    record,
    dedupeKey: 'email:x',
    raw: Buffer.from('raw message 13812345678'),
    attachments: [
      { filename: 'invoice.pdf', contentType: 'application/pdf', size: attachment.length, content: attachment },
    ],
    subjectId: 'subj',
    dataKey,
    wrappedDataKey: 'wrapped',
  });

  it('puts record, raw message and attachment under the retention class and month', () => {
    const keys = sealed.objects.map((o) => o.key);
    expect(keys).toHaveLength(3);
    for (const k of keys)
      expect(k).toMatch(/^records\/regulated\/2026\/03\/0b0c6a57-7f4e-5a8e-9a55-4d1f5b0f4b11\/v1-[0-9a-f]{12}\//);
    expect(sealed.entry.objectKey).toMatch(/\/record$/);
    expect(sealed.entry.blobKeys).toHaveLength(2);
  });

  it('locks every object until the record’s retain-until date when the class is WORM', () => {
    for (const o of sealed.objects) expect(o.retainUntil?.toISOString()).toBe('2031-03-01T10:00:00.000Z');
  });

  it('never leaves an identifier readable in any sealed object', () => {
    for (const o of sealed.objects) expect(o.bytes.includes(Buffer.from('13812345678'))).toBe(false);
  });

  it('opens back to the same record, with the attachment’s blob key', () => {
    const obj = sealed.objects.find((o) => o.key === sealed.entry.objectKey)!;
    const opened = openRecord(dataKey, obj.key, obj.bytes, sealed.entry.sealedSha256);
    expect(opened.turns[0]?.text).toBe('手机13812345678');
    expect(opened.attachments[0]?.blobKey).toBe(sealed.entry.blobKeys[1]);
  });

  it('refuses an object whose hash differs from the catalog’s', () => {
    const obj = sealed.objects.find((o) => o.key === sealed.entry.objectKey)!;
    expect(() => openRecord(dataKey, obj.key, obj.bytes, '0'.repeat(64))).toThrow(/does not match/);
  });
});
