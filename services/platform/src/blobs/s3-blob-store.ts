import {
  CreateBucketCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type PutObjectCommandInput,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BlobInfo, BlobStore, PutOptions } from '@custodian/core';
import { CustodianError } from '@custodian/schemas';
import { assertBlobKey } from './blob-key';

export interface S3BlobConfig {
  /** Omit for AWS; MinIO and other S3-compatible servers need it. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `http://host/bucket/key` addressing, which MinIO needs unless it has virtual-host DNS. */
  forcePathStyle: boolean;
}

/** Bodies above this go up as multipart uploads of this part size. */
const MULTIPART_BYTES = 8 * 1024 * 1024;

function s3Client(cfg: S3BlobConfig): S3Client {
  return new S3Client({
    ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
    region: cfg.region,
    forcePathStyle: cfg.forcePathStyle,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    // We ask for CRC32 explicitly on every write (Object Lock needs a checksum); bodies are in-memory
    // buffers, so the checksum travels in a header and never as aws-chunked trailer framing.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_SUPPORTED',
    maxAttempts: 3,
  });
}

/**
 * Creates the bucket if it is missing, with Object Lock (and so versioning) when asked. An existing
 * bucket without Object Lock is refused when WORM is wanted: it cannot be switched on afterwards here.
 */
export async function ensureBucket(cfg: S3BlobConfig, opts: { objectLock: boolean }): Promise<void> {
  const client = s3Client(cfg);
  try {
    let exists = true;
    try {
      await client.send(new HeadBucketCommand({ Bucket: cfg.bucket }));
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      exists = false;
    }
    if (!exists) {
      try {
        await client.send(
          new CreateBucketCommand({
            Bucket: cfg.bucket,
            ObjectLockEnabledForBucket: opts.objectLock,
            // us-east-1 is the one region that refuses an explicit location constraint.
            ...(cfg.region === 'us-east-1'
              ? {}
              : { CreateBucketConfiguration: { LocationConstraint: cfg.region as 'eu-west-1' } }),
          }),
        );
      } catch (err) {
        if (nameOf(err) !== 'BucketAlreadyOwnedByYou') throw err;
      }
    }
    if (opts.objectLock) {
      const lock = await client
        .send(new GetObjectLockConfigurationCommand({ Bucket: cfg.bucket }))
        .catch((err: unknown) => {
          if (nameOf(err) === 'ObjectLockConfigurationNotFoundError') return undefined;
          throw err;
        });
      if (lock?.ObjectLockConfiguration?.ObjectLockEnabled !== 'Enabled') {
        throw new CustodianError(
          'E_BLOB_CONFIG_INVALID',
          `bucket ${cfg.bucket} exists without Object Lock; WORM retention needs a bucket created with Object Lock`,
          { retryable: false },
        );
      }
    }
  } catch (err) {
    throw s3Error(err, `prepare bucket ${cfg.bucket}`);
  } finally {
    client.destroy();
  }
}

/** S3 (AWS or MinIO) blob store. The bucket must exist (see `ensureBucket`); checked at start. */
export async function createS3BlobStore(cfg: S3BlobConfig): Promise<BlobStore> {
  const client = s3Client(cfg);
  const Bucket = cfg.bucket;
  try {
    await client.send(new HeadBucketCommand({ Bucket }));
  } catch (err) {
    client.destroy();
    if (statusOf(err) === 404) {
      throw new CustodianError('E_BLOB_CONFIG_INVALID', `bucket ${Bucket} does not exist`, { retryable: false });
    }
    throw s3Error(err, `reach bucket ${Bucket}`);
  }

  const retentionOf = async (Key: string): Promise<Date | undefined> => {
    const head = await client.send(new HeadObjectCommand({ Bucket, Key })).catch(() => undefined);
    return head?.ObjectLockRetainUntilDate;
  };

  return {
    async put(key: string, body: Uint8Array, opts: PutOptions = {}) {
      assertBlobKey(key);
      // A date already past would be refused by S3 and holds nothing, so it is not sent.
      const hold = opts.retainUntil && opts.retainUntil.getTime() > Date.now() ? opts.retainUntil : undefined;
      const input: PutObjectCommandInput = {
        Bucket,
        Key: key,
        Body: body,
        ChecksumAlgorithm: 'CRC32',
        ...(opts.contentType ? { ContentType: opts.contentType } : {}),
        ...(hold ? { ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: hold } : {}),
      };
      try {
        if (body.byteLength <= MULTIPART_BYTES) {
          await client.send(new PutObjectCommand(input));
        } else {
          await new Upload({ client, params: input, partSize: MULTIPART_BYTES, queueSize: 2 }).done();
        }
      } catch (err) {
        if (isLockRefusal(err)) {
          const held = await retentionOf(key);
          if (held && held.getTime() > Date.now()) {
            throw new CustodianError('E_BLOB_RETAINED', `blob ${key} is retained until ${held.toISOString()}`, {
              retryable: false,
              cause: err,
              details: { retainUntil: held.toISOString() },
            });
          }
        }
        throw s3Error(err, `write blob ${key}`);
      }
    },

    async get(key: string) {
      assertBlobKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!res.Body) throw notFound(key);
        return await res.Body.transformToByteArray();
      } catch (err) {
        if (isNotFound(err)) throw notFound(key);
        throw s3Error(err, `read blob ${key}`);
      }
    },

    async head(key: string): Promise<BlobInfo | undefined> {
      assertBlobKey(key);
      try {
        const res = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        const size = res.ContentLength ?? 0;
        return res.ObjectLockRetainUntilDate ? { size, retainUntil: res.ObjectLockRetainUntilDate } : { size };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw s3Error(err, `inspect blob ${key}`);
      }
    },

    describe() {
      return `s3://${Bucket}`;
    },

    async close() {
      client.destroy();
    },
  };
}

const nameOf = (err: unknown): string | undefined => (err instanceof Error ? err.name : undefined);

/** AWS answers AccessDenied to a write a lock forbids; MinIO answers InvalidRequest "Object is WORM protected". */
const isLockRefusal = (err: unknown): boolean =>
  nameOf(err) === 'AccessDenied' || (nameOf(err) === 'InvalidRequest' && /WORM|lock|retention/i.test(String(err)));

const statusOf = (err: unknown): number | undefined =>
  err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;

const isNotFound = (err: unknown): boolean =>
  (err instanceof CustodianError && err.code === 'E_BLOB_NOT_FOUND') ||
  nameOf(err) === 'NoSuchKey' ||
  nameOf(err) === 'NotFound' ||
  statusOf(err) === 404;

const notFound = (key: string) =>
  new CustodianError('E_BLOB_NOT_FOUND', `blob ${key} does not exist`, { retryable: false, details: { key } });

/** Network trouble, throttling and 5xx are worth a retry; refusals (403, 400) are not. */
function s3Error(err: unknown, what: string): CustodianError {
  if (err instanceof CustodianError) return err;
  const status = statusOf(err);
  const retryable = status === undefined || status === 429 || status >= 500;
  const code = status === 403 ? 'E_BLOB_ACCESS_DENIED' : 'E_BLOB_IO';
  return new CustodianError(code, `could not ${what}: ${nameOf(err) ?? 'unknown error'}`, {
    retryable,
    cause: err,
    ...(status === undefined ? {} : { details: { status } }),
  });
}
