import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import { emailItem } from './email-item';
import type { FileImportContext } from './file-import-context';
import { inspectMailHeaders } from './inspect-mail-headers';

/**
 * Identity of an .eml file: sourceId `eml:<sha256 of the real path of its folder, 32 hex>`, externalId the sha256
 * of the file's bytes. The same file imported again (from any working directory) is the same job; a copy in
 * another folder is a second source of the same record. No checkpoint: a re-import costs one duplicate per file.
 */
export async function emlSourceId(file: string): Promise<string> {
  const folder = await realpath(dirname(file));
  return `eml:${createHash('sha256').update(folder).digest('hex').slice(0, 32)}`;
}

/** Imports one .eml file (acknowledged when the run drains `ctx.emlWindow`); a non-message is a failed item, never thrown. */
export async function importEml(file: string, ctx: FileImportContext): Promise<void> {
  const sourceId = await emlSourceId(file);
  const raw = await readFile(file);
  ctx.stats.seen();
  const externalId = createHash('sha256').update(raw).digest('hex');
  const inspected = inspectMailHeaders(raw);
  if (!inspected.ok) {
    ctx.stats.failed({ sourceId, externalId: file, code: 'E_NOT_AN_EMAIL', reason: inspected.reason });
    ctx.advance(raw.length);
    return;
  }
  await ctx.emlWindow.push(
    emailItem({ tenant: ctx.tenant, connector: 'eml', sourceId, externalId, raw, messageId: inspected.messageId }),
    externalId,
  );
  ctx.advance(raw.length);
}
