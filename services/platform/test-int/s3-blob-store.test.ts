import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3BlobStore, ensureBucket, type S3BlobConfig } from '../src/blobs/s3-blob-store';
import { blobStoreContract } from '../test-support/blob-store-contract';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the integration tests through infra/local/with-servers.sh`);
  return v;
}

const base: Omit<S3BlobConfig, 'bucket'> = {
  endpoint: env('CUSTODIAN_TEST_S3_ENDPOINT'),
  region: 'us-east-1',
  accessKeyId: env('CUSTODIAN_TEST_S3_ACCESS_KEY'),
  secretAccessKey: env('CUSTODIAN_TEST_S3_SECRET_KEY'),
  forcePathStyle: true,
};
// Objects under compliance retention cannot be deleted, so each file gets fresh buckets and leaves them.
const newBucket = () => `ct-blob-${randomUUID().slice(0, 12)}`;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

blobStoreContract(
  'S3 (MinIO)',
  async () => {
    const cfg = { ...base, bucket: newBucket() };
    await ensureBucket(cfg, { objectLock: true });
    return { store: await createS3BlobStore(cfg), cleanup: async () => {} };
  },
  { overwriteRetained: 'new-version' },
);

describe('S3 blob store', () => {
  const cfg: S3BlobConfig = { ...base, bucket: newBucket() };
  const admin = new S3Client({
    endpoint: base.endpoint,
    region: base.region,
    forcePathStyle: true,
    credentials: { accessKeyId: base.accessKeyId, secretAccessKey: base.secretAccessKey },
  });
  let store: Awaited<ReturnType<typeof createS3BlobStore>>;

  beforeAll(async () => {
    await ensureBucket(cfg, { objectLock: true });
    store = await createS3BlobStore(cfg);
  });
  afterAll(async () => {
    await store?.close();
    admin.destroy();
  });

  it('creates a versioned bucket with Object Lock, and a second ensureBucket is a no-op', async () => {
    await ensureBucket(cfg, { objectLock: true });
    const v = await admin.send(new GetBucketVersioningCommand({ Bucket: cfg.bucket }));
    expect(v.Status).toBe('Enabled');
  });

  it('refuses WORM on an existing bucket that has no Object Lock', async () => {
    const plain = { ...base, bucket: newBucket() };
    await ensureBucket(plain, { objectLock: false });
    await expect(ensureBucket(plain, { objectLock: true })).rejects.toMatchObject({ code: 'E_BLOB_CONFIG_INVALID' });
  });

  it('refuses to open a bucket that does not exist', async () => {
    await expect(createS3BlobStore({ ...base, bucket: newBucket() })).rejects.toMatchObject({
      code: 'E_BLOB_CONFIG_INVALID',
      retryable: false,
    });
  });

  it('reports an unreachable server as a retryable error', async () => {
    await expect(
      createS3BlobStore({ ...base, endpoint: 'http://127.0.0.1:1', bucket: cfg.bucket }),
    ).rejects.toMatchObject({ code: 'E_BLOB_IO', retryable: true });
  });

  it('describes itself as s3://bucket', () => {
    expect(store.describe()).toBe(`s3://${cfg.bucket}`);
  });

  it('round-trips a 20 MB body through a multipart upload byte for byte', async () => {
    const key = `records/big/${randomUUID()}`;
    const body = randomBytes(20 * 1024 * 1024);
    await store.put(key, body);

    const head = await admin.send(new HeadObjectCommand({ Bucket: cfg.bucket, Key: key }));
    expect(head.ETag).toMatch(/-3"$/); // three 8 MB parts: it really went multipart
    expect(head.ContentLength).toBe(body.byteLength);
    expect(sha256(await store.get(key))).toBe(sha256(body));
  });

  it('sets compliance-mode Object Lock that refuses deleting the version', async () => {
    const key = `records/regulated/${randomUUID()}`;
    const retainUntil = new Date(Math.floor(Date.now() / 1000 + 3600) * 1000);
    await store.put(key, Buffer.from('sealed bytes'), { retainUntil });

    const head = await admin.send(new HeadObjectCommand({ Bucket: cfg.bucket, Key: key }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    expect(head.ObjectLockRetainUntilDate?.getTime()).toBe(retainUntil.getTime());
    expect(head.VersionId).toBeTruthy();
    await expect(
      admin.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: key, VersionId: head.VersionId })),
    ).rejects.toMatchObject({ name: expect.stringMatching(/^(AccessDenied|InvalidRequest)$/) }); // AWS | MinIO
    expect(Buffer.from(await store.get(key)).toString()).toBe('sealed bytes');
  });

  it('locks a multipart upload too, with its bytes intact', async () => {
    const key = `records/regulated/${randomUUID()}`;
    const body = randomBytes(9 * 1024 * 1024);
    const retainUntil = new Date(Math.floor(Date.now() / 1000 + 3600) * 1000);
    await store.put(key, body, { retainUntil });

    const head = await admin.send(new HeadObjectCommand({ Bucket: cfg.bucket, Key: key }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    expect(head.ETag).toMatch(/-2"$/);
    expect(sha256(await store.get(key))).toBe(sha256(body));
  });

  it('keeps the retained version when the key is written again', async () => {
    const key = `records/regulated/${randomUUID()}`;
    await store.put(key, Buffer.from('v1'), { retainUntil: new Date(Date.now() + 3_600_000) });
    await store.put(key, Buffer.from('v2'));

    const versions = await admin.send(new ListObjectVersionsCommand({ Bucket: cfg.bucket, Prefix: key }));
    expect(versions.Versions?.length).toBe(2);
    expect(Buffer.from(await store.get(key)).toString()).toBe('v2');
  });
});
