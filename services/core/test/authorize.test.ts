import type { Principal, Role } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { type Action, authorize, searchScope } from '../src/authz/authorize';

const principal = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  id: `u-${role}`,
  tenant: 't1',
  email: `${role}@support.example.com`,
  name: role,
  role,
  team: 'east',
  ...extra,
});

const ACTIONS: Action[] = [
  'record.search',
  'record.view',
  'record.unmask',
  'audit.read',
  'audit.verify',
  'user.manage',
  'item.ingest',
];

// The whole matrix, written out: a change to who may do what must change this table on purpose.
const MATRIX: Record<Role, Action[]> = {
  agent: ['record.search', 'record.view'],
  supervisor: ['record.search', 'record.view', 'record.unmask'],
  compliance: ['record.search', 'record.view', 'record.unmask', 'audit.read', 'audit.verify'],
  auditor: ['audit.read', 'audit.verify'],
  admin: ['user.manage', 'audit.verify'],
  integration: ['item.ingest'],
};

describe('authorize', () => {
  for (const role of Object.keys(MATRIX) as Role[]) {
    for (const action of ACTIONS) {
      const allowed = MATRIX[role].includes(action);
      it(`${allowed ? 'lets' : 'stops'} a ${role} ${allowed ? '' : 'from '}${action}`, () => {
        expect(authorize(principal(role), action).allow).toBe(allowed);
      });
    }
  }

  it('lets an agent view only records of their own customers', () => {
    const agent = principal('agent');
    expect(authorize(agent, 'record.view', { tenant: 't1', ownerAgent: 'AGENT@support.example.com' }).allow).toBe(true);
    const other = authorize(agent, 'record.view', { tenant: 't1', ownerAgent: 'someone@support.example.com' });
    expect(other).toMatchObject({ allow: false, code: 'E_SCOPE_DENIED' });
    expect(authorize(agent, 'record.view', { tenant: 't1', ownerAgent: null }).allow).toBe(false);
  });

  it('lets a supervisor view their team’s records and not another team’s', () => {
    const sup = principal('supervisor');
    expect(authorize(sup, 'record.view', { tenant: 't1', ownerAgent: 'x@e.com', ownerTeam: 'east' }).allow).toBe(true);
    expect(authorize(sup, 'record.view', { tenant: 't1', ownerAgent: 'x@e.com', ownerTeam: 'west' }).allow).toBe(false);
  });

  it('never crosses tenants, whatever the role', () => {
    for (const role of ['agent', 'supervisor', 'compliance'] as Role[]) {
      expect(
        authorize(principal(role), 'record.view', {
          tenant: 't2',
          ownerAgent: `${role}@support.example.com`,
          ownerTeam: 'east',
        }).allow,
      ).toBe(false);
    }
  });

  it('compiles the same reach into a search scope', () => {
    const tok = (e: string) => `tok(${e})`;
    expect(searchScope(principal('agent'), tok)).toEqual({
      tenant: 't1',
      ownerAgent: 'tok(agent@support.example.com)',
    });
    expect(searchScope(principal('supervisor'), tok)).toEqual({ tenant: 't1', ownerTeam: 'east' });
    expect(searchScope(principal('compliance'), tok)).toEqual({ tenant: 't1' });
    expect(searchScope(principal('auditor'), tok)).toBeUndefined();
    expect(searchScope(principal('admin'), tok)).toBeUndefined();
  });
});
