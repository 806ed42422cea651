export interface PutOptions {
  contentType?: string;
  /** WORM: the object cannot be deleted or overwritten before this instant (S3 Object Lock, compliance mode). */
  retainUntil?: Date;
}

export interface BlobInfo {
  size: number;
  retainUntil?: Date;
}

/** Object storage. Keys are `/`-separated, identical across adapters (S3, filesystem). */
export interface BlobStore {
  /** Writes the whole object. Writing a key again replaces the readable version (S3 keeps the old one when versioned). */
  put(key: string, body: Uint8Array, opts?: PutOptions): Promise<void>;
  /** Throws CustodianError `E_BLOB_NOT_FOUND` when the key is absent. */
  get(key: string): Promise<Uint8Array>;
  head(key: string): Promise<BlobInfo | undefined>;
  /** A human-readable location for the operator (`s3://bucket/prefix`, a directory). */
  describe(): string;
  close(): Promise<void>;
}
