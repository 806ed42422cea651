/** Holder of the tenants' key-encryption keys (local keyring file, or a KMS). Never exposes a KEK. */
export interface KeyRing {
  /** Wraps a data/subject key with the tenant's current KEK; returns an opaque string naming the KEK used. */
  wrap(tenant: string, key: Uint8Array): Promise<string>;
  unwrap(tenant: string, wrapped: string): Promise<Uint8Array>;
  /**
   * The tenant's secret for keyed tokens (HMAC of identifiers); stable across KEK rotations. Read-only: the same
   * array each time while the key is unchanged, so callers may keep what they derive from it by the array itself.
   */
  tokenKey(tenant: string): Promise<Uint8Array>;
  describe(): string;
}
