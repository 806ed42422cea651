import {
  type BlobStore,
  type Catalog,
  classify,
  dataKeyContext,
  detectInRecord,
  type EmailParser,
  type JobHandler,
  type KeyRing,
  keyedToken,
  newDataKey,
  normalizeEmail,
  normalizeEmailAddress,
  projectRecord,
  type SearchIndex,
  sealRecord,
  sha256Hex,
  wrapKey,
} from '@custodian/core';
import type { Logger } from '@custodian/platform';
import { CustodianError, isCustodianError, type Policy } from '@custodian/schemas';

export interface PipelineDeps {
  policy: Policy;
  catalog: Catalog;
  blobs: BlobStore;
  index: SearchIndex;
  keys: KeyRing;
  emailParser: EmailParser;
  log: Logger;
}

export type ArchiveOutcome = 'created' | 'source-added' | 'unchanged';

/**
 * One queued item to one sealed, classified, redacted record: normalize → classify → redact → seal, then
 * blobs, catalog, index. Every step is idempotent by record id, so a retry after a crash anywhere repairs
 * the record instead of duplicating it.
 */
export function archiveItem(deps: PipelineDeps): (...args: Parameters<JobHandler>) => Promise<ArchiveOutcome> {
  const { policy, catalog, blobs, index, keys, log } = deps;
  return async (item, ctx) => {
    const { tenant, payload } = item;
    if (payload.kind !== 'email') {
      throw new CustodianError('E_ITEM_UNSUPPORTED', `No pipeline for a ${payload.kind} payload.`, {
        retryable: false,
      });
    }
    const raw = Buffer.from(payload.raw, 'base64');
    const rawSha256 = sha256Hex(raw);
    const parsed = await deps.emailParser.parse(raw);
    const { record, dedupeKey } = normalizeEmail({ ...item, payload }, parsed, rawSha256, policy);
    const findings = detectInRecord(record, { phoneRegions: policy.phoneRegions });
    // Object.assign, not a spread: `{ ...a, ...b }` of a record this wide costs several times more, per record.
    const classified = Object.assign({}, record, classify(record, findings, policy));
    const tokenKey = await keys.tokenKey(tenant);
    const projection = projectRecord(classified, findings, policy, tokenKey);

    const existing = await catalog.getVersion(tenant, record.id, record.version);
    if (existing) {
      // Sealed already (a replay, a second mailbox, or a crash after commit): attach the source, repair the index.
      const added = await catalog.addSource(tenant, record.id, item.source);
      await index.upsert([projection]);
      log.debug({ jobId: ctx.jobId, recordId: record.id, added }, 'record already archived');
      return added ? 'source-added' : 'unchanged';
    }

    const subjectId = record.customer.address
      ? keyedToken(tokenKey, 'SUBJECT', normalizeEmailAddress(record.customer.address))
      : `record:${record.id}`;
    const wrappedSubjectKey = await catalog.subjectKey(tenant, subjectId, async () => keys.wrap(tenant, newDataKey()));
    const subjectKey = await keys.unwrap(tenant, wrappedSubjectKey);
    const dataKey = newDataKey();
    const sealed = sealRecord({
      record: classified,
      dedupeKey,
      raw,
      attachments: parsed.attachments,
      subjectId,
      dataKey,
      wrappedDataKey: wrapKey(subjectKey, dataKey, dataKeyContext(tenant, record.id, record.version)),
    });
    // In parallel: uploads to S3 and fsyncs on a filesystem overlap; the catalog commit waits for all.
    await Promise.all(
      sealed.objects.map((o) => blobs.put(o.key, o.bytes, o.retainUntil ? { retainUntil: o.retainUntil } : {})),
    );
    let outcome: ArchiveOutcome;
    try {
      outcome = await catalog.commit(sealed.entry, item.source);
    } catch (e) {
      if (!(isCustodianError(e) && e.code === 'E_RECORD_VERSION_CONFLICT')) throw e;
      // Another worker sealed the same message first (it arrived from two mailboxes at once): its seal
      // wins, ours stays behind as unreadable objects under our own seal id, and this source joins the record.
      outcome = (await catalog.addSource(tenant, record.id, item.source)) ? 'source-added' : 'unchanged';
    }
    await index.upsert([projection]);
    log.info(
      {
        jobId: ctx.jobId,
        recordId: record.id,
        outcome,
        sensitivity: classified.classification.sensitivity,
        problems: record.problems.length,
      },
      'record archived',
    );
    return outcome;
  };
}
