import { z } from 'zod';
import { Channel, SourceRef } from './channel-item';

/** Every identifier type the redaction stage knows; each has one detector under services/core/src/redact/detectors. */
export const PiiType = z.enum([
  'CN_RESIDENT_ID',
  'CN_MOBILE',
  'CN_LANDLINE',
  'PHONE',
  'CN_BANK_CARD',
  'CREDIT_CARD',
  'IBAN',
  'US_SSN',
  'CN_USCC',
  'CN_PASSPORT',
  'HK_ID',
  'MO_ID',
  'TW_NATIONAL_ID',
  'CN_HOME_RETURN_PERMIT',
  'CN_TW_PERMIT',
  'CN_LICENSE_PLATE',
  'EMAIL',
  'IP_ADDRESS',
  'URL_CREDENTIALS',
  'IM_ACCOUNT',
  'PERSON_NAME',
  'ADDRESS',
]);
export type PiiType = z.infer<typeof PiiType>;

export const Sensitivity = z.enum(['L1', 'L2', 'L3', 'L4']);
export type Sensitivity = z.infer<typeof Sensitivity>;

export const ParticipantRole = z.enum(['customer', 'agent', 'bot', 'unknown']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const Participant = z.object({
  id: z.string(),
  role: ParticipantRole,
  name: z.string().optional(),
  address: z.string().optional(),
});
export type Participant = z.infer<typeof Participant>;

export const Attachment = z.object({
  name: z.string(),
  type: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where the sealed bytes live in the blob store; set by the seal stage. */
  blobKey: z.string().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Turn = z.object({
  at: z.iso.datetime(),
  participant: z.string(),
  text: z.string(),
  attachments: z.array(z.string()).default([]),
});
export type Turn = z.infer<typeof Turn>;

/** Something the pipeline noticed about an item but could still archive (bad charset, broken MIME…). */
export const Problem = z.object({ code: z.string(), message: z.string() });
export type Problem = z.infer<typeof Problem>;

export const Classification = z.object({
  topics: z.array(z.string()),
  piiTypes: z.array(PiiType),
  sensitivity: Sensitivity,
  piplSensitive: z.boolean(),
  /** The PIPL sensitive categories the record touches (`identity`, `financial`, `health`, `minor`, `location`…). */
  piplCategories: z.array(z.string()).default([]),
});
export type Classification = z.infer<typeof Classification>;

export const Retention = z.object({
  class: z.string(),
  retainUntil: z.iso.datetime(),
  worm: z.boolean(),
  holds: z.array(z.string()).default([]),
});
export type Retention = z.infer<typeof Retention>;

/** The one record model every channel normalizes into. */
export const Record = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  tenant: z.string(),
  channel: Channel,
  sources: z.array(SourceRef).min(1),
  conversationKey: z.string(),
  occurredAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  customer: z.object({ id: z.string().optional(), address: z.string().optional(), name: z.string().optional() }),
  owner: z.object({ agent: z.string().optional(), team: z.string().optional() }),
  participants: z.array(Participant),
  subject: z.string(),
  turns: z.array(Turn),
  attachments: z.array(Attachment),
  language: z.string(),
  problems: z.array(Problem).default([]),
  classification: Classification.optional(),
  retention: Retention.optional(),
  integrity: z.object({ rawSha256: z.string(), sealedSha256: z.string().optional() }),
});
export type Record = z.infer<typeof Record>;
