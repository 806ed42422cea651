import { createHash, randomBytes } from 'node:crypto';
import type { Catalog, CatalogUser } from '@custodian/core';
import type { Role } from '@custodian/schemas';

/** API tokens are random, shown once, stored only as a SHA-256 hash. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export interface IssuedUser {
  user: CatalogUser;
  token: string;
}

export async function issueUser(
  catalog: Catalog,
  input: { tenant: string; email: string; name: string; role: Role; team?: string },
): Promise<IssuedUser> {
  const token = `cus_${randomBytes(24).toString('base64url')}`;
  const user = await catalog.createUser({ ...input, email: input.email.toLowerCase(), tokenHash: hashToken(token) });
  return { user, token };
}
