import { type ChannelItem, ChannelItem as ChannelItemSchema, CustodianError } from '@custodian/schemas';

export interface EmailItemInput {
  tenant: string;
  connector: 'imap' | 'mbox' | 'eml';
  sourceId: string;
  externalId: string;
  raw: Uint8Array;
  messageId?: string;
  folder?: string;
  receivedAt?: Date;
}

/** The longest header line RFC 5322 allows; a longer "Message-ID" is junk the worker re-parses anyway. */
const MAX_MESSAGE_ID = 998;

/** Builds the queued form of one email; parsing here means a bad item fails at the source, not in a worker. */
export function emailItem(input: EmailItemInput): ChannelItem {
  const messageId = input.messageId?.trim();
  const parsed = ChannelItemSchema.safeParse({
    tenant: input.tenant,
    channel: 'email',
    source: { connector: input.connector, sourceId: input.sourceId, externalId: input.externalId },
    version: 1,
    receivedAt: (input.receivedAt ?? new Date()).toISOString(),
    payload: {
      kind: 'email',
      raw: Buffer.from(input.raw.buffer, input.raw.byteOffset, input.raw.byteLength).toString('base64'),
      messageId: messageId && messageId.length <= MAX_MESSAGE_ID ? messageId : undefined,
      folder: input.folder,
    },
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new CustodianError(
    'E_ITEM_INVALID',
    `email ${input.externalId} from ${input.sourceId} is not a valid channel item: ${issue?.path.join('.')}: ${issue?.message}`,
    { retryable: false, details: { sourceId: input.sourceId, externalId: input.externalId } },
  );
}
