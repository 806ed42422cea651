import { hkdfSync } from 'node:crypto';
import { ChannelItem, CustodianError } from '@custodian/schemas';
import { decrypt, encrypt } from './aead';

/** The tenant's queue key, derived from its token key so every process that holds the keyring has it. */
export const queueKey = (tokenKey: Uint8Array): Buffer =>
  Buffer.from(hkdfSync('sha256', tokenKey, Buffer.alloc(0), 'custodian/queue-payload/v1', 32));

/** Binds a sealed payload to its item, so a payload cannot be moved onto another job. */
const context = (item: ChannelItem) =>
  `queue:${item.tenant}\n${item.source.connector}\n${item.source.sourceId}\n${item.source.externalId}\n${item.version}`;

/** Replaces an item's payload by its ciphertext for the queue; identity fields stay readable for job ids. */
export function sealItem(key: Uint8Array, item: ChannelItem): ChannelItem {
  if (item.payload.kind === 'sealed') return item;
  const data = encrypt(key, Buffer.from(JSON.stringify(item.payload), 'utf8'), context(item)).toString('base64');
  return { ...item, payload: { kind: 'sealed', data } };
}

/** The inverse of `sealItem`; the opened item is validated again like any item entering the pipeline. */
export function openItem(key: Uint8Array, item: ChannelItem): ChannelItem {
  if (item.payload.kind !== 'sealed') return item;
  const plain = decrypt(key, Buffer.from(item.payload.data, 'base64'), context(item));
  const opened = ChannelItem.safeParse({ ...item, payload: JSON.parse(plain.toString('utf8')) });
  if (!opened.success || opened.data.payload.kind === 'sealed') {
    throw new CustodianError('E_ITEM_INVALID', 'A sealed queue payload opened to an invalid item.', {
      retryable: false,
    });
  }
  return opened.data;
}
