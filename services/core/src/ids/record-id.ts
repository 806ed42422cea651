import { createHash } from 'node:crypto';
import type { ChannelItem } from '@custodian/schemas';
import { v5 as uuidv5 } from 'uuid';

/** Namespace for Custodian's name-based record ids (fixed forever: changing it changes every id). */
const RECORD_NAMESPACE = '6f1d3c52-9a57-4d0e-8a51-2b8f4f1c7e90';

/**
 * A record's id is derived from what identifies the item, so a retry or a replay lands on the same record.
 * For email the identity is the message itself (Message-ID plus raw hash), not the mailbox it was found in.
 */
export function recordIdFor(tenant: string, identity: string): string {
  return uuidv5(`${tenant}\n${identity}`, RECORD_NAMESPACE);
}

/** Queue job id: one per (source item, version), so re-reading a source never queues twice. */
export function jobIdFor(item: Pick<ChannelItem, 'tenant' | 'source' | 'version'>): string {
  const h = createHash('sha256')
    .update(`${item.tenant}\n${item.source.sourceId}\n${item.source.externalId}\n${item.version}`)
    .digest('hex');
  return `j${h.slice(0, 40)}`;
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
