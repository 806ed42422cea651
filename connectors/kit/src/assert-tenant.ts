import { ChannelItem, CustodianError } from '@custodian/schemas';

/** Checks a tenant id before a connector reads anything, so a typo fails at start-up, not on every item. */
export function assertTenant(tenant: string): void {
  const parsed = ChannelItem.shape.tenant.safeParse(tenant);
  if (!parsed.success) {
    throw new CustodianError(
      'E_CONFIG_INVALID',
      `tenant "${tenant}" is not a valid tenant id: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      { retryable: false, details: { tenant } },
    );
  }
}
