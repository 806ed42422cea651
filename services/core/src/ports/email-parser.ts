import type { Problem } from '@custodian/schemas';

export interface EmailAddress {
  name: string;
  address: string;
}

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Uint8Array;
}

/** A MIME message reduced to what normalization needs; produced by a parser adapter (mailparser). */
export interface ParsedEmail {
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  subject: string;
  /** ISO 8601; absent when the Date header is missing or unreadable. */
  date?: string;
  from: EmailAddress[];
  to: EmailAddress[];
  cc: EmailAddress[];
  /** Plain-text body; derived from HTML when there is no text part. */
  text: string;
  attachments: ParsedAttachment[];
  /** What the parser could not read cleanly (unknown charset, broken structure…). */
  problems: Problem[];
}

export interface EmailParser {
  parse(raw: Uint8Array): Promise<ParsedEmail>;
}
