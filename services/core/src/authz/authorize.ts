import type { Principal, Role } from '@custodian/schemas';
import type { IndexScope } from '../ports/search-index';

/** Everything a principal can ask to do; new capabilities add an action here and a row in the matrix. */
export type Action =
  | 'record.search'
  | 'record.view'
  | 'record.unmask'
  | 'audit.read'
  | 'audit.verify'
  | 'user.manage'
  | 'item.ingest';

/** Which records of the tenant a role reaches: its own customers, its team's, or all. */
type Reach = 'own' | 'team' | 'tenant' | 'none';

interface Grant {
  actions: ReadonlySet<Action>;
  reach: Reach;
}

/**
 * The least-privilege matrix. Content is reachable only by agent, supervisor and compliance; auditors
 * and admins run the system without reading what customers said; integrations only ingest.
 */
const GRANTS: { readonly [R in Role]: Grant } = {
  agent: { actions: new Set(['record.search', 'record.view']), reach: 'own' },
  supervisor: { actions: new Set(['record.search', 'record.view', 'record.unmask']), reach: 'team' },
  compliance: {
    actions: new Set(['record.search', 'record.view', 'record.unmask', 'audit.read', 'audit.verify']),
    reach: 'tenant',
  },
  auditor: { actions: new Set(['audit.read', 'audit.verify']), reach: 'none' },
  admin: { actions: new Set(['user.manage', 'audit.verify']), reach: 'none' },
  integration: { actions: new Set(['item.ingest']), reach: 'none' },
};

/** What a decision is about: a record's tenant and owner, or nothing for tenant-wide actions. */
export interface Resource {
  tenant: string;
  ownerAgent?: string | null;
  ownerTeam?: string | null;
}

export type Decision =
  | { allow: true; reason: string }
  | { allow: false; code: 'E_FORBIDDEN' | 'E_SCOPE_DENIED'; reason: string };

/** The one gate: every route and command asks here, nowhere else. */
export function authorize(principal: Principal, action: Action, resource?: Resource): Decision {
  const grant = GRANTS[principal.role];
  if (!grant.actions.has(action)) {
    return { allow: false, code: 'E_FORBIDDEN', reason: `role ${principal.role} may not ${action}` };
  }
  if (!resource) return { allow: true, reason: `role ${principal.role} may ${action}` };
  if (resource.tenant !== principal.tenant) {
    return { allow: false, code: 'E_SCOPE_DENIED', reason: 'the record belongs to another tenant' };
  }
  switch (grant.reach) {
    case 'tenant':
      return { allow: true, reason: `role ${principal.role} reaches the whole tenant` };
    case 'team':
      return principal.team && resource.ownerTeam === principal.team
        ? { allow: true, reason: 'the record belongs to the principal’s team' }
        : ownRecord(principal, resource);
    case 'own':
      return ownRecord(principal, resource);
    default:
      return { allow: false, code: 'E_SCOPE_DENIED', reason: `role ${principal.role} reaches no records` };
  }
}

function ownRecord(principal: Principal, resource: Resource): Decision {
  return resource.ownerAgent && resource.ownerAgent.toLowerCase() === principal.email.toLowerCase()
    ? { allow: true, reason: 'the principal is the record’s agent' }
    : { allow: false, code: 'E_SCOPE_DENIED', reason: 'the record belongs to another agent’s customer' };
}

/**
 * The same reach as `authorize`, compiled into a search-index restriction. `agentToken` turns an agent's
 * address into the keyed token the index holds instead of the address. Undefined: no records at all.
 */
export function searchScope(principal: Principal, agentToken: (email: string) => string): IndexScope | undefined {
  const grant = GRANTS[principal.role];
  if (!grant.actions.has('record.search')) return undefined;
  switch (grant.reach) {
    case 'tenant':
      return { tenant: principal.tenant };
    case 'team':
      // A supervisor without a team sees only the records they handled themselves.
      return principal.team
        ? { tenant: principal.tenant, ownerTeam: principal.team }
        : { tenant: principal.tenant, ownerAgent: agentToken(principal.email) };
    case 'own':
      return { tenant: principal.tenant, ownerAgent: agentToken(principal.email) };
    default:
      return undefined;
  }
}
