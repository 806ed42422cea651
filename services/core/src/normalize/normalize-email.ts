import type { ChannelItem, EmailPayload, Participant, Policy, Problem, Record } from '@custodian/schemas';

export type EmailItem = ChannelItem & { payload: EmailPayload };

import { recordIdFor, sha256Hex } from '../ids/record-id';
import type { EmailAddress, ParsedEmail } from '../ports/email-parser';
import { detectLanguage } from './detect-language';

export interface NormalizedEmail {
  /** Without classification and retention: those come from the classify stage. */
  record: Record;
  /** `email:<Message-ID hash>:<content hash>` or `sha256:<raw hash>`; same message in two mailboxes → same key. */
  dedupeKey: string;
}

const cleanId = (id: string | undefined): string | undefined => {
  const v = id?.trim().replace(/^<|>$/g, '').toLowerCase();
  return v ? v : undefined;
};

function isAgent(address: string, agentDomains: readonly string[]): boolean {
  const domain = address.split('@').pop()?.toLowerCase() ?? '';
  return agentDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * Maps a parsed email onto the one record model. The identity is the message, not the mailbox: the
 * Message-ID plus a hash of what the sender wrote (transport headers differ between mailboxes), so the
 * same email found twice is one record with two sources; without a Message-ID the raw bytes decide.
 */
export function normalizeEmail(
  item: EmailItem,
  parsed: ParsedEmail,
  rawSha256: string,
  policy: Policy,
): NormalizedEmail {
  const problems: Problem[] = [...parsed.problems];
  const messageId = cleanId(parsed.messageId) ?? cleanId(item.payload.messageId);
  const from = parsed.from[0];
  const contentHash = sha256Hex(
    [messageId, parsed.subject, parsed.date ?? '', from?.address ?? '', parsed.text].join('\u0000'),
  ).slice(0, 32);
  // Message-IDs often embed the sender's address (`…Coremail.name@163.com`): only hashes of them are kept.
  const dedupeKey = messageId ? `email:${sha256Hex(messageId).slice(0, 32)}:${contentHash}` : `sha256:${rawSha256}`;
  if (!messageId) problems.push({ code: 'W_NO_MESSAGE_ID', message: 'No Message-ID: identified by the raw bytes' });

  const seen = new Map<string, Participant>();
  const add = (a: EmailAddress) => {
    const address = a.address.trim().toLowerCase();
    if (!address || seen.has(address)) return;
    const role = isAgent(address, policy.agentDomains) ? 'agent' : 'customer';
    seen.set(address, { id: `p${seen.size + 1}`, role, name: a.name || undefined, address });
  };
  for (const a of [...parsed.from, ...parsed.to, ...parsed.cc]) add(a);
  const participants = [...seen.values()];
  const sender = from ? seen.get(from.address.trim().toLowerCase()) : undefined;
  const customer = participants.find((p) => p.role === 'customer');
  const agent = sender?.role === 'agent' ? sender : participants.find((p) => p.role === 'agent');

  let occurredAt = parsed.date;
  if (!occurredAt) {
    occurredAt = item.receivedAt;
    problems.push({ code: 'W_NO_DATE', message: 'No readable Date header: using the time it was received' });
  }
  const refs = parsed.references.map(cleanId).filter((r): r is string => !!r);
  const root = refs[0] ?? cleanId(parsed.inReplyTo) ?? messageId;
  const conversationKey = root ? `thread:${sha256Hex(root).slice(0, 32)}` : `sha256:${rawSha256}`;
  const id = recordIdFor(item.tenant, dedupeKey);
  const attachmentNames = parsed.attachments.map((a) => a.filename);

  const record: Record = {
    id,
    version: item.version,
    tenant: item.tenant,
    channel: 'email',
    sources: [item.source],
    conversationKey,
    occurredAt,
    receivedAt: item.receivedAt,
    customer: customer ? { address: customer.address, name: customer.name } : {},
    owner: { agent: agent?.address },
    participants,
    subject: parsed.subject,
    turns: [
      {
        at: occurredAt,
        participant: sender?.id ?? 'unknown',
        text: parsed.text,
        attachments: attachmentNames,
      },
    ],
    attachments: parsed.attachments.map((a) => ({
      name: a.filename,
      type: a.contentType,
      size: a.size,
      sha256: sha256Hex(a.content),
    })),
    language: detectLanguage(`${parsed.subject}\n${parsed.text}`),
    problems,
    integrity: { rawSha256 },
  };
  return { record, dedupeKey };
}
