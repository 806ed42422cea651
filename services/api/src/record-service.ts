import {
  type Action,
  agentScopeToken,
  authorize,
  type BlobStore,
  type Catalog,
  type ChainBreak,
  dataKeyContext,
  detectInRecord,
  type KeyRing,
  openRecord,
  parseQuery,
  type Resource,
  redactRecord,
  type SearchIndex,
  searchScope,
  unwrapKey,
  verifyChain,
} from '@custodian/core';
import {
  CustodianError,
  type Policy,
  type Principal,
  type Record,
  SearchRequest,
  type SearchResponse,
} from '@custodian/schemas';
import { hashToken } from './users';

export interface RecordServiceDeps {
  catalog: Catalog;
  blobs: BlobStore;
  index: SearchIndex;
  keys: KeyRing;
  policy: Policy;
}

export interface ViewOptions {
  unmask?: boolean;
  /** Why the principal needs the unmasked content; required to unmask, written to the audit log. */
  purpose?: string;
}

export interface RecordView {
  record: Record;
  masked: boolean;
}

export interface AuditVerification {
  entries: number;
  head: string | null;
  break: ChainBreak | null;
}

/**
 * Reads of archived content, shared by the HTTP API and the CLI: authenticate, ask the gate, read,
 * and write the audit entry — a denial is audited as well as an answer.
 */
export function createRecordService(deps: RecordServiceDeps) {
  const { catalog, blobs, index, keys, policy } = deps;

  async function gate(principal: Principal, action: Action, resource?: Resource, target = ''): Promise<void> {
    const decision = authorize(principal, action, resource);
    if (decision.allow) return;
    await catalog.appendAudit({
      tenant: principal.tenant,
      actor: principal.id,
      action: 'auth.denied',
      target,
      details: { action, code: decision.code, reason: decision.reason },
    });
    throw new CustodianError(decision.code, `Not allowed: ${decision.reason}.`, { retryable: false });
  }

  return {
    async authenticate(token: string | undefined): Promise<Principal> {
      const user = token ? await catalog.findUserByTokenHash(hashToken(token)) : undefined;
      // Checked on every request, so deactivating a user cuts them off at once.
      if (!user?.active) {
        throw new CustodianError('E_UNAUTHENTICATED', 'Missing, unknown or deactivated API token.', {
          retryable: false,
        });
      }
      return {
        id: user.id,
        tenant: user.tenant,
        email: user.email,
        name: user.name,
        role: user.role,
        team: user.team ?? undefined,
      };
    },

    async search(principal: Principal, input: unknown): Promise<SearchResponse> {
      const req = SearchRequest.parse(input);
      await gate(principal, 'record.search');
      const tokenKey = await keys.tokenKey(principal.tenant);
      const scope = searchScope(principal, (email) => agentScopeToken(tokenKey, email));
      if (!scope)
        throw new CustodianError('E_SCOPE_DENIED', 'Not allowed: no records are in your scope.', { retryable: false });
      const query = parseQuery(req.q, tokenKey, { phoneRegions: policy.phoneRegions });
      const { total, hits } = await index.search(
        {
          text: query.text,
          tokens: query.tokens,
          eitherOf: query.eitherOf,
          channel: req.channel,
          from: req.from,
          to: req.to,
          limit: req.limit,
          offset: req.offset,
        },
        scope,
      );
      await catalog.appendAudit({
        tenant: principal.tenant,
        actor: principal.id,
        action: 'record.search',
        target: hits.map((h) => h.doc.id).join(','),
        details: { query: query.redacted, total, returned: hits.length, offset: req.offset },
      });
      return {
        total,
        hits: hits.map(({ doc, score, snippet }) => ({
          id: doc.id,
          version: doc.version,
          channel: doc.channel,
          occurredAt: doc.occurredAt,
          subject: doc.subject,
          snippet,
          sensitivity: doc.sensitivity,
          topics: doc.topics,
          piiTypes: doc.piiTypes,
          score,
        })),
      };
    },

    async view(principal: Principal, id: string, opts: ViewOptions = {}): Promise<RecordView> {
      const entry = await catalog.getLatest(principal.tenant, id);
      if (!entry) {
        await gate(principal, 'record.view', undefined, id);
        throw new CustodianError('E_NOT_FOUND', `No record ${id}.`, { retryable: false });
      }
      const resource: Resource = { tenant: entry.tenant, ownerAgent: entry.ownerAgent, ownerTeam: entry.ownerTeam };
      await gate(principal, 'record.view', resource, id);
      const unmask = opts.unmask === true;
      if (unmask) {
        if (!opts.purpose?.trim()) {
          throw new CustodianError('E_PURPOSE_REQUIRED', 'Unmasking needs a purpose (why you need the original).', {
            retryable: false,
          });
        }
        await gate(principal, 'record.unmask', resource, id);
      }
      const wrappedSubjectKey = await catalog.getSubjectKey(entry.tenant, entry.subjectId);
      if (!wrappedSubjectKey) {
        throw new CustodianError('E_SHREDDED', `Record ${id} was crypto-shredded (its data subject was erased).`, {
          retryable: false,
        });
      }
      const subjectKey = await keys.unwrap(entry.tenant, wrappedSubjectKey);
      const dataKey = unwrapKey(
        subjectKey,
        entry.wrappedDataKey,
        dataKeyContext(entry.tenant, entry.id, entry.version),
      );
      const plain = openRecord(dataKey, entry.objectKey, await blobs.get(entry.objectKey), entry.sealedSha256);
      await catalog.appendAudit({
        tenant: principal.tenant,
        actor: principal.id,
        action: unmask ? 'record.unmask' : 'record.view',
        target: id,
        details: unmask ? { version: entry.version, purpose: opts.purpose?.trim() } : { version: entry.version },
      });
      if (unmask) return { record: plain, masked: false };
      const tokenKey = await keys.tokenKey(entry.tenant);
      return {
        record: redactRecord(plain, detectInRecord(plain, { phoneRegions: policy.phoneRegions }), policy, tokenKey),
        masked: true,
      };
    },

    /** Walks the tenant's whole audit chain, page by page. */
    async verifyAudit(principal: Principal): Promise<AuditVerification> {
      await gate(principal, 'audit.verify');
      let prev: { seq: number; hash: string } | undefined;
      let entries = 0;
      for (;;) {
        const page = await catalog.listAudit({ tenant: principal.tenant, afterSeq: prev?.seq ?? 0, limit: 1000 });
        if (page.length === 0) break;
        const broken = verifyChain(page, prev);
        if (broken) return { entries: entries + page.length, head: prev?.hash ?? null, break: broken };
        entries += page.length;
        const last = page[page.length - 1]!;
        prev = { seq: last.seq, hash: last.hash };
      }
      return { entries, head: prev?.hash ?? null, break: null };
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
