import { CustodianError, type Record, Record as RecordSchema } from '@custodian/schemas';
import { sha256Hex } from '../ids/record-id';
import type { CatalogRecord } from '../ports/catalog';
import type { ParsedAttachment } from '../ports/email-parser';
import { decrypt, encrypt } from './aead';

export interface SealedObject {
  key: string;
  bytes: Buffer;
  retainUntil?: Date;
}

export interface SealInput {
  /** Classified record (classification and retention set). */
  record: Record;
  dedupeKey: string;
  raw: Uint8Array;
  attachments: ParsedAttachment[];
  subjectId: string;
  /** Fresh 32-byte data key for this version, and the same key wrapped by the subject key. */
  dataKey: Uint8Array;
  wrappedDataKey: string;
}

export interface Sealed {
  objects: SealedObject[];
  entry: CatalogRecord;
  /** The record as sealed (attachment blob keys and integrity filled in). */
  record: Record;
}

/**
 * `records/<class>/<yyyy>/<mm>/<id>/v<version>-<seal>`: retention class first, so lifecycle rules can target
 * a prefix. The seal id (from the wrapped data key) keeps two concurrent seals of one record (the same email
 * arriving from two mailboxes at once) from overwriting each other's objects: the catalog picks one winner.
 */
export function objectBase(
  record: Pick<Record, 'id' | 'version' | 'occurredAt'>,
  retentionClass: string,
  sealId: string,
): string {
  const yyyy = record.occurredAt.slice(0, 4);
  const mm = record.occurredAt.slice(5, 7);
  return `records/${retentionClass}/${yyyy}/${mm}/${record.id}/v${record.version}-${sealId}`;
}

/** Context bound into a data key's wrapping, so a wrapped key cannot be replayed onto another record. */
export const dataKeyContext = (tenant: string, id: string, version: number): string => `dek:${tenant}:${id}:${version}`;

/**
 * Encrypts the record, its raw source and its attachments under one per-version data key. Each object's
 * key (its location) is bound into its ciphertext, so objects cannot be swapped between locations.
 */
export function sealRecord(input: SealInput): Sealed {
  const { record, dataKey } = input;
  const { classification, retention } = record;
  if (!classification || !retention) {
    throw new CustodianError('E_RECORD_UNCLASSIFIED', `Record ${record.id} must be classified before it is sealed.`, {
      retryable: false,
    });
  }
  const base = objectBase(record, retention.class, sha256Hex(input.wrappedDataKey).slice(0, 12));
  const retainUntil = retention.worm ? new Date(retention.retainUntil) : undefined;
  const objects: SealedObject[] = [];
  const put = (key: string, plain: Uint8Array) => {
    objects.push({ key, bytes: encrypt(dataKey, plain, key), retainUntil });
    return key;
  };

  const rawKey = put(`${base}/raw`, input.raw);
  const attachments = record.attachments.map((a) => {
    const content = input.attachments.find((p) => sha256Hex(p.content) === a.sha256)?.content;
    if (!content) {
      throw new CustodianError(
        'E_ATTACHMENT_MISSING',
        `Attachment ${a.sha256} of record ${record.id} has no content.`,
        {
          retryable: false,
        },
      );
    }
    const blobKey = `${base}/att/${a.sha256}`;
    if (!objects.some((o) => o.key === blobKey)) put(blobKey, content);
    return { ...a, blobKey };
  });

  const sealedRecord: Record = { ...record, attachments };
  const objectKey = `${base}/record`;
  const recordBytes = encrypt(dataKey, Buffer.from(JSON.stringify(sealedRecord), 'utf8'), objectKey);
  objects.push({ key: objectKey, bytes: recordBytes, retainUntil });
  const sealedSha256 = sha256Hex(recordBytes);

  const entry: CatalogRecord = {
    tenant: record.tenant,
    id: record.id,
    version: record.version,
    channel: record.channel,
    occurredAt: record.occurredAt,
    receivedAt: record.receivedAt,
    conversationKey: record.conversationKey,
    dedupeKey: input.dedupeKey,
    subjectId: input.subjectId,
    ownerAgent: record.owner.agent ?? null,
    ownerTeam: record.owner.team ?? null,
    sensitivity: classification.sensitivity,
    retentionClass: retention.class,
    retainUntil: retention.retainUntil,
    worm: retention.worm,
    objectKey,
    blobKeys: [rawKey, ...new Set(attachments.map((a) => a.blobKey))],
    wrappedDataKey: input.wrappedDataKey,
    rawSha256: record.integrity.rawSha256,
    sealedSha256,
  };
  return { objects, entry, record: { ...sealedRecord, integrity: { ...record.integrity, sealedSha256 } } };
}

/** Decrypts and re-validates a sealed record object; `sealedSha256` guards against a swapped object. */
export function openRecord(dataKey: Uint8Array, objectKey: string, bytes: Uint8Array, sealedSha256: string): Record {
  if (sha256Hex(bytes) !== sealedSha256) {
    throw new CustodianError(
      'E_SEALED_INTEGRITY',
      `Sealed object ${objectKey} does not match the hash in the catalog.`,
      {
        retryable: false,
      },
    );
  }
  const record = RecordSchema.parse(JSON.parse(decrypt(dataKey, bytes, objectKey).toString('utf8')));
  return { ...record, integrity: { ...record.integrity, sealedSha256 } };
}
