import type { AuditEvent } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH, verifyChain } from '../src/audit/chain';

function chain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = {
      seq,
      tenant: 't',
      at: `2026-01-01T00:00:0${seq}.000Z`,
      actor: 'u1',
      action: 'record.view' as const,
      target: `r${seq}`,
      details: { n: seq },
      prevHash,
    };
    const hash = auditHash(e);
    out.push({ ...e, hash });
    prevHash = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toBeUndefined();
  });

  it('finds an edited entry', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, target: 'someone-else' };
    expect(verifyChain(c)).toEqual({ seq: 3, reason: 'hash-mismatch' });
  });

  it('finds a deleted entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c)).toEqual({ seq: 3, reason: 'gap' });
  });

  it('finds an entry whose hash was recomputed after an edit (the link to the next breaks)', () => {
    const c = chain(4);
    const edited = { ...c[1]!, target: 'x' };
    c[1] = { ...edited, hash: auditHash(edited) };
    expect(verifyChain(c)).toEqual({ seq: 3, reason: 'broken-link' });
  });

  it('hashes independently of property order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
  });
});
