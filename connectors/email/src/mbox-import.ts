import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { EnqueueWindow, readCheckpoint, writeCheckpoint } from '@custodian/connector-kit';
import { z } from 'zod';
import { emailItem } from './email-item';
import type { FileImportContext } from './file-import-context';
import { inspectMailHeaders } from './inspect-mail-headers';
import { splitMbox } from './split-mbox';

/**
 * Where a resumable mbox import stopped: the offset of the next unread `From ` line, plus fingerprints of the
 * bytes around it, so a file that was rewritten (not just appended to) is read again from the start.
 */
export const MboxCheckpoint = z.object({
  offset: z.number().int().nonnegative(),
  index: z.number().int().nonnegative(),
  /** sha256 of the first min(offset, 4096) bytes. */
  headSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** sha256 of the 1024 bytes before `offset`. */
  tailSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type MboxCheckpoint = z.infer<typeof MboxCheckpoint>;

const CHECKPOINT_KEY = 'mbox-offset';
/** Write the checkpoint at most this often while reading (and always at the end). */
const CHECKPOINT_EVERY = 500;

/**
 * Identity of an mbox message: sourceId `mbox:<sha256 of the file's real path, 32 hex>`, externalId the sha256 of
 * the message bytes (as an .eml). Not its index or offset: mail clients compact and rewrite mbox files, and a
 * content id keeps every message's job id through that (a byte-identical copy in the same file is one message).
 */
export async function mboxSourceId(file: string): Promise<string> {
  return `mbox:${createHash('sha256')
    .update(await realpath(file))
    .digest('hex')
    .slice(0, 32)}`;
}

interface Position {
  index: number;
  offset: number;
}

/** Imports one mbox file, streaming; resumes from its checkpoint when `ctx.checkpoints` is set and the file still matches. */
export async function importMbox(file: string, ctx: FileImportContext): Promise<void> {
  const sourceId = await mboxSourceId(file);
  const folder = basename(file, extname(file));
  const start = await resumePoint(file, sourceId, ctx);
  ctx.advance(start.offset);

  const window = new EnqueueWindow<Position>({ queue: ctx.queue, stats: ctx.stats, maxInFlight: ctx.maxInFlight });
  let saved = start.offset;
  const save = async () => {
    const mark = window.settled();
    if (!ctx.checkpoints || !mark || mark.offset <= saved) return;
    await writeCheckpoint(ctx.checkpoints, sourceId, CHECKPOINT_KEY, MboxCheckpoint, {
      ...mark,
      ...(await fingerprint(file, mark.offset)),
    });
    saved = mark.offset;
  };

  let read = start.offset;
  let sinceSave = 0;
  const stream = createReadStream(file, { start: start.offset, highWaterMark: 256 * 1024 });
  try {
    for await (const message of splitMbox(stream, { startOffset: start.offset, startIndex: start.index })) {
      const mark = { index: message.preamble ? start.index : message.index + 1, offset: message.end };
      ctx.advance(message.end - read);
      read = message.end;
      if (message.preamble) {
        if (message.raw.toString('latin1').trim() !== '') {
          ctx.stats.seen();
          ctx.stats.failed({
            sourceId,
            externalId: `${file}#preamble`,
            code: 'E_NOT_AN_EMAIL',
            reason: `${message.end} bytes before the first "From " line: not in mbox format`,
          });
        }
        window.skip(mark);
        continue;
      }
      ctx.stats.seen();
      const externalId = createHash('sha256').update(message.raw).digest('hex');
      const inspected = inspectMailHeaders(message.raw);
      if (inspected.ok) {
        const item = emailItem({
          tenant: ctx.tenant,
          connector: 'mbox',
          sourceId,
          externalId,
          raw: message.raw,
          messageId: inspected.messageId,
          folder,
        });
        await window.push(item, mark);
      } else {
        ctx.stats.failed({
          sourceId,
          externalId: `${file}#${message.index}`,
          code: 'E_NOT_AN_EMAIL',
          reason: inspected.reason,
        });
        window.skip(mark);
      }
      if (++sinceSave >= CHECKPOINT_EVERY) {
        sinceSave = 0;
        await save();
      }
      if (ctx.signal?.aborted) break;
    }
  } finally {
    stream.destroy();
    // Whatever happened, keep what the queue acknowledged; a fatal queue error is rethrown by drain() after.
    await window.drain().finally(save);
  }
}

async function resumePoint(file: string, sourceId: string, ctx: FileImportContext): Promise<Position> {
  if (!ctx.checkpoints) return { index: 0, offset: 0 };
  const cp = await readCheckpoint(ctx.checkpoints, sourceId, CHECKPOINT_KEY, MboxCheckpoint);
  if (!cp || cp.offset === 0) return { index: 0, offset: 0 };
  const { size } = await stat(file);
  if (size >= cp.offset) {
    const now = await fingerprint(file, cp.offset);
    if (now.headSha256 === cp.headSha256 && now.tailSha256 === cp.tailSha256)
      return { index: cp.index, offset: cp.offset };
  }
  ctx.stats.warn(`${basename(file)} changed since the last import; reading it again from the start`);
  ctx.log.warn({ sourceId, checkpointOffset: cp.offset, size }, 'mbox file changed since its checkpoint; re-reading');
  return { index: 0, offset: 0 };
}

async function fingerprint(file: string, offset: number): Promise<{ headSha256: string; tailSha256: string }> {
  const handle = await open(file, 'r');
  try {
    const read = async (from: number, to: number) => {
      const buf = Buffer.alloc(to - from);
      const { bytesRead } = await handle.read(buf, 0, buf.length, from);
      return createHash('sha256').update(buf.subarray(0, bytesRead)).digest('hex');
    };
    return {
      headSha256: await read(0, Math.min(offset, 4096)),
      tailSha256: await read(Math.max(0, offset - 1024), offset),
    };
  } finally {
    await handle.close();
  }
}
