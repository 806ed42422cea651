import type { EmailAddress, EmailParser, ParsedAttachment, ParsedEmail } from '@custodian/core';
import { CustodianError, type Problem } from '@custodian/schemas';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';

const REPLACEMENT = '\uFFFD';

/** Labels of the GB family: mail clients often label GB18030 text as GB2312 or GBK, of which it is a superset. */
const GB_LABEL = 'gb2312|gbk|cp936|x-gbk|x-cp936|euc-cn|csgb2312|chinese|ms936|windows-936';
const GB_IN_PARAM = new RegExp(`(charset\\s*=\\s*"?)(?:${GB_LABEL})(?=["\\s;]|$)`, 'gim');
const GB_IN_WORD = new RegExp(`(=\\?)(?:${GB_LABEL})((?:\\*[^?]*)?\\?[bq]\\?)`, 'gi');

const CHARSET_PARAM = /charset\s*=\s*"?([^"\s;]+)/gi;
const ENCODED_WORD_CHARSET = /=\?([^?*\s]+)(?:\*[^?]*)?\?[bq]\?/gi;
const BOUNDARY_PARAM = /boundary\s*=\s*(?:"([^"\r\n]+)"|([^\s;]+))/gi;

const countReplacements = (s: string) => s.split(REPLACEMENT).length - 1;

/** Whether the runtime knows a charset label (WHATWG names, which include GB18030, Big5, Shift_JIS, EUC-KR…). */
function knownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function flatten(field: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const out: EmailAddress[] = [];
  const visit = (list: NonNullable<AddressObject['value']>) => {
    for (const a of list) {
      if (a.group) visit(a.group);
      else if (a.address) out.push({ name: a.name ?? '', address: a.address });
    }
  };
  for (const obj of Array.isArray(field) ? field : field ? [field] : []) visit(obj.value ?? []);
  return out;
}

/** What a reader sees of the decoded text: damaged characters there are what the problems report. */
const visibleText = (m: ParsedMail) =>
  [
    m.subject ?? '',
    m.text ?? '',
    ...flatten(m.from).map((a) => a.name),
    ...flatten(m.to).map((a) => a.name),
    ...flatten(m.cc).map((a) => a.name),
  ].join('\n');

function headerValue(m: ParsedMail, name: string): string | undefined {
  const line = m.headerLines.find((h) => h.key === name)?.line;
  if (line === undefined) return undefined;
  return line.slice(line.indexOf(':') + 1).trim();
}

function readDate(m: ParsedMail, problems: Problem[]): string | undefined {
  const raw = headerValue(m, 'date');
  if (raw === undefined) return undefined;
  // mailparser puts the current time in place of an unreadable Date; the raw header decides here.
  const t = Date.parse(raw.replace(/\s+/g, ' ').replace(/\s*\([^)]*\)\s*$/, ''));
  if (Number.isNaN(t)) {
    problems.push({ code: 'W_DATE_INVALID', message: 'The Date header could not be read' });
    return undefined;
  }
  return new Date(t).toISOString();
}

function references(m: ParsedMail): string[] {
  const refs = m.references === undefined ? [] : Array.isArray(m.references) ? m.references : [m.references];
  return refs.flatMap((r) => r.split(/\s+/)).filter((r) => r.length > 0);
}

function structureProblems(latin1: string, problems: Problem[]) {
  const boundaries = new Set<string>();
  for (const m of latin1.matchAll(BOUNDARY_PARAM)) boundaries.add((m[1] ?? m[2])!);
  for (const b of boundaries) {
    if (!latin1.includes(`--${b}`)) {
      problems.push({ code: 'W_MIME_BROKEN', message: 'A multipart boundary is declared but never used' });
    } else if (!latin1.includes(`--${b}--`)) {
      problems.push({ code: 'W_MIME_BROKEN', message: 'A multipart body has no closing boundary (truncated?)' });
    }
  }
}

const attachmentsOf = (m: ParsedMail): ParsedAttachment[] =>
  m.attachments.map((a, i) => ({
    filename: a.filename ?? `attachment-${i + 1}`,
    contentType: a.contentType || 'application/octet-stream',
    size: a.content.length,
    content: new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength),
  }));

async function parseMime(bytes: Buffer): Promise<ParsedMail> {
  try {
    return await simpleParser(bytes, { skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  } catch (cause) {
    throw new CustodianError(
      'E_MIME_UNPARSEABLE',
      `The message could not be parsed as MIME: ${(cause as Error).message}`,
      {
        retryable: false,
        cause,
      },
    );
  }
}

/**
 * Email parsing with mailparser. Damage is recorded as problems (unknown charset, undecodable text, broken
 * multipart, unreadable date, empty message) so the item is still archived; only a message mailparser
 * cannot read at all fails, with `E_MIME_UNPARSEABLE` (not retryable).
 */
export function createMailparserEmailParser(): EmailParser {
  return {
    async parse(raw) {
      const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      const problems: Problem[] = [];
      const latin1 = bytes.toString('latin1');
      if (latin1.trim().length === 0) {
        problems.push({ code: 'W_EMPTY_MESSAGE', message: 'The message is empty' });
      }

      const original = await parseMime(bytes);
      let decoded = original;
      if (original.headerLines.every((h) => h.key === '') && latin1.trim().length > 0) {
        problems.push({ code: 'W_NO_HEADERS', message: 'No MIME headers found: not an email message?' });
      }

      const damaged = countReplacements(visibleText(original));
      if (damaged > 0 && (latin1.search(GB_IN_PARAM) >= 0 || latin1.search(GB_IN_WORD) >= 0)) {
        // Text labelled GB2312/GBK that uses GB18030 characters: read it as GB18030, the superset.
        const relabelled = latin1.replace(GB_IN_PARAM, '$1gb18030').replace(GB_IN_WORD, '$1gb18030$2');
        const retry = await parseMime(Buffer.from(relabelled, 'latin1'));
        if (countReplacements(visibleText(retry)) < damaged) {
          decoded = retry;
          problems.push({
            code: 'W_CHARSET_RELABELLED',
            message: 'Text labelled GB2312/GBK contained GB18030 characters and was decoded as GB18030',
          });
        }
      }

      if (countReplacements(visibleText(decoded)) > 0) {
        const labels = new Set<string>();
        for (const m of latin1.matchAll(CHARSET_PARAM)) labels.add(m[1]!.toLowerCase());
        for (const m of latin1.matchAll(ENCODED_WORD_CHARSET)) labels.add(m[1]!.toLowerCase());
        const unknown = [...labels].filter((l) => !knownCharset(l));
        if (unknown.length > 0) {
          problems.push({
            code: 'W_CHARSET_UNKNOWN',
            message: `Unknown charset ${unknown.join(', ')}: text decoded as UTF-8, some characters are lost`,
          });
        } else {
          problems.push({
            code: 'W_CHARSET_UNDECODABLE',
            message: 'Some characters could not be decoded with the declared charset and were replaced',
          });
        }
      }

      structureProblems(latin1, problems);
      if (decoded.textConversionError) {
        problems.push({ code: 'W_HTML_UNREADABLE', message: 'The HTML body could not be converted to text' });
      }

      return {
        messageId: decoded.messageId,
        inReplyTo: decoded.inReplyTo,
        references: references(decoded),
        subject: decoded.subject ?? '',
        date: readDate(decoded, problems),
        from: flatten(decoded.from),
        to: flatten(decoded.to),
        cc: flatten(decoded.cc),
        text: decoded.text ?? '',
        // Attachments come from the first parse: relabelling must never touch their bytes.
        attachments: attachmentsOf(original),
        problems,
      } satisfies ParsedEmail;
    },
  };
}
