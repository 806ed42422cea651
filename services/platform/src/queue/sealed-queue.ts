import { type ArchiveQueue, type KeyRing, openItem, queueKey, sealItem } from '@custodian/core';

/**
 * Encrypts every payload on its way into the queue and decrypts it on the way out, whatever queue
 * is underneath: Redis and the embedded table never hold a readable copy of a message.
 */
export function sealedQueue(inner: ArchiveQueue, keys: KeyRing): ArchiveQueue {
  const keyCache = new Map<string, Promise<Buffer>>();
  const keyFor = (tenant: string) => {
    let k = keyCache.get(tenant);
    if (!k) {
      k = keys.tokenKey(tenant).then(queueKey);
      keyCache.set(tenant, k);
    }
    return k;
  };
  return {
    async enqueue(item) {
      return inner.enqueue(sealItem(await keyFor(item.tenant), item));
    },
    consume(handler, opts) {
      inner.consume(async (item, ctx) => handler(openItem(await keyFor(item.tenant), item), ctx), opts);
    },
    drained: () => inner.drained(),
    deadLetters: (limit) => inner.deadLetters(limit),
    counts: () => inner.counts(),
    close: () => inner.close(),
  };
}
