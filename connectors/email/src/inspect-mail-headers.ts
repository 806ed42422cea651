/** What a quick look at a message's header block found; the worker does the real MIME parsing. */
export type HeaderInspection = { ok: true; messageId?: string } | { ok: false; reason: string };

/** Headers longer than this without the blank line that ends them mean the bytes are not a message. */
const MAX_HEADER_BYTES = 256 * 1024;

const FIELD = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)$/s;

/** Fields nearly every real message has at least one of; a text file of `key: value` lines has none. */
const MAIL_FIELDS = new Set([
  'from',
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'received',
  'return-path',
  'mime-version',
  'content-type',
  'delivered-to',
  'sender',
  'reply-to',
  'in-reply-to',
  'references',
]);

/**
 * Checks that `raw` starts with an RFC 5322 header block and reads its Message-ID (with the angle brackets,
 * as IMAP's ENVELOPE reports it). Only the header block is read, so a 50 MB message costs nothing here.
 */
export function inspectMailHeaders(raw: Uint8Array): HeaderInspection {
  if (raw.byteLength === 0) return { ok: false, reason: 'empty file' };
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, MAX_HEADER_BYTES));
  const end = headerEnd(head);
  const nul = head.indexOf(0);
  if (nul >= 0 && nul < end)
    return { ok: false, reason: 'binary content (NUL bytes) in the header block: not an email' };
  // latin1 keeps every byte as one char, so offsets and ASCII field names are exact whatever the charset.
  const text = head.toString('latin1');
  if (end === head.length && raw.byteLength > MAX_HEADER_BYTES) {
    return { ok: false, reason: `no end of headers within ${MAX_HEADER_BYTES} bytes: not an email` };
  }
  const block = text.slice(0, end);
  if (block.trim() === '')
    return { ok: false, reason: 'no header block (the file is blank or starts with an empty line)' };

  const fields: Array<[string, string]> = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && fields.length > 0) {
      const last = fields[fields.length - 1]!;
      last[1] += line;
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) {
      if (fields.length === 0) return { ok: false, reason: 'does not start with a header field: not an email' };
      continue; // tolerate a stray line in an otherwise real header block; the worker reports it
    }
    fields.push([m[1]!.toLowerCase(), m[2]!]);
  }
  if (!fields.some(([name]) => MAIL_FIELDS.has(name))) {
    return { ok: false, reason: 'no mail header (From, To, Subject, Date, Message-ID…) found: not an email' };
  }
  const value = fields.find(([name]) => name === 'message-id')?.[1];
  return { ok: true, messageId: value === undefined ? undefined : messageIdFrom(value) };
}

/** Index of the blank line that ends the header block, or the length when there is none (a headers-only message). */
function headerEnd(head: Buffer): number {
  const lf = head.indexOf('\n\n');
  const crlf = head.indexOf('\r\n\r\n');
  const ends = [lf, crlf].filter((i) => i >= 0);
  return ends.length === 0 ? head.length : Math.min(...ends);
}

function messageIdFrom(value: string): string | undefined {
  const unfolded = value.replace(/\r?\n/g, '').trim();
  const bracketed = /<[^<>\s]+>/.exec(unfolded);
  if (bracketed) return bracketed[0];
  return unfolded === '' ? undefined : unfolded;
}
