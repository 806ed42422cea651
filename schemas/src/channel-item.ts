import { z } from 'zod';

export const Channel = z.enum(['email', 'chat', 'call', 'im', 'sheet']);
export type Channel = z.infer<typeof Channel>;

export const SourceRef = z.object({
  /** Connector kind, e.g. `imap`, `mbox`, `eml`. */
  connector: z.string().min(1).max(64),
  /** Stable id of the configured source, e.g. `imap:support@example.com/INBOX`. */
  sourceId: z.string().min(1).max(512),
  /** The item's id inside the source: IMAP `uidvalidity:uid`, mbox offset, file path… */
  externalId: z.string().min(1).max(1024),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** Base64 of the raw bytes, validated as base64 so a corrupt payload is refused at the queue. */
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const EmailPayload = z.object({
  kind: z.literal('email'),
  /** RFC 5322 message as received, base64. */
  raw: Base64,
  /** Message-ID as the source reported it (IMAP envelope or parsed header); used for dedupe across mailboxes. */
  messageId: z.string().max(998).optional(),
  /** Mailbox folder the message was found in. */
  folder: z.string().max(1024).optional(),
});
export type EmailPayload = z.infer<typeof EmailPayload>;

/**
 * A payload encrypted for its time in the queue (Redis or the embedded table): the queue holds no
 * readable copy of what a connector read. `data` is the sealed JSON of the original payload.
 */
export const SealedPayload = z.object({
  kind: z.literal('sealed'),
  data: Base64,
});
export type SealedPayload = z.infer<typeof SealedPayload>;

/** One thing a connector read from a source, as it travels through the queue. */
export const ChannelItem = z.object({
  tenant: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  channel: Channel,
  source: SourceRef,
  /** Grows when a source item changes (a chat that goes on); emails are always version 1. */
  version: z.number().int().positive().default(1),
  receivedAt: z.iso.datetime(),
  payload: z.discriminatedUnion('kind', [EmailPayload, SealedPayload]),
});
export type ChannelItem = z.infer<typeof ChannelItem>;
export type ChannelItemInput = z.input<typeof ChannelItem>;
