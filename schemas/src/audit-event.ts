import { z } from 'zod';

export const AuditAction = z.enum([
  'auth.login',
  'auth.denied',
  'record.search',
  'record.view',
  'record.unmask',
  'record.ingest',
  'user.create',
  'user.deactivate',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** What a caller asks to append; the chain adds seq, at, prevHash and hash. */
export const AuditEventInput = z.object({
  tenant: z.string(),
  actor: z.string(),
  action: AuditAction,
  /** Record ids, query fingerprint… never raw PII. */
  target: z.string().default(''),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEventInput = z.input<typeof AuditEventInput>;

export const AuditEvent = AuditEventInput.extend({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
