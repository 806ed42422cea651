import { Record } from '@custodian/schemas';

/** A one-turn record holding `text`, for classification and redaction tests. */
export function chatRecord(text: string, extra: Partial<Record> = {}): Record {
  return Record.parse({
    id: '6f1d3c52-9a57-4d0e-8a51-2b8f4f1c7e92',
    version: 1,
    tenant: 'acme',
    channel: 'chat',
    sources: [{ connector: 'chat', sourceId: 'web', externalId: 'c-1' }],
    conversationKey: 'c-1',
    occurredAt: '2024-02-29T10:00:00.000Z',
    receivedAt: '2024-02-29T10:00:01.000Z',
    customer: {},
    owner: {},
    participants: [],
    subject: '',
    turns: [{ at: '2024-02-29T10:00:00.000Z', participant: 'p1', text }],
    attachments: [],
    language: 'zh',
    integrity: { rawSha256: 'c'.repeat(64) },
    ...extra,
  });
}
