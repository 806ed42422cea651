import { createHash } from 'node:crypto';
import type { AuditEvent } from '@custodian/schemas';

export const GENESIS_HASH = '0'.repeat(64);

/** Stable JSON: keys sorted at every level, so the hash never depends on property order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(e: Omit<AuditEvent, 'hash'>): string {
  const { seq, tenant, at, actor, action, target, details, prevHash } = e;
  return createHash('sha256')
    .update(canonicalJson({ seq, tenant, at, actor, action, target, details, prevHash }))
    .digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'hash-mismatch' | 'broken-link' | 'gap';
}

/** Checks a run of consecutive entries; `prev` is the entry before the first one (none for the genesis). */
export function verifyChain(entries: AuditEvent[], prev?: Pick<AuditEvent, 'seq' | 'hash'>): ChainBreak | undefined {
  let prevHash = prev?.hash ?? GENESIS_HASH;
  let expectSeq = (prev?.seq ?? 0) + 1;
  for (const e of entries) {
    if (e.seq !== expectSeq) return { seq: e.seq, reason: 'gap' };
    if (e.prevHash !== prevHash) return { seq: e.seq, reason: 'broken-link' };
    if (auditHash(e) !== e.hash) return { seq: e.seq, reason: 'hash-mismatch' };
    prevHash = e.hash;
    expectSeq++;
  }
  return undefined;
}
