// Who may call what, as scope-auth scopes: the named role sets, and the roles a workflow step is open
// to, derived from the step's rule table. The services then judge each call against the table itself
// (a unit head only on their own unit's objects, each step only from its statuses).
import type { Role } from '../../generated/prisma/client.ts';
import type { Rules } from '../services/rules.ts';

/** The secretariat only. */
export const adminOnly = { roles: ['ADMIN'] } as const;

/** Those who read the audit log: all but unit heads. */
export const auditReaders = { roles: ['ADMIN', 'COMMITTEE', 'ANALYST'] } as const;

/** The roles that can stand as each party of the workflows' rule tables. */
const rolesOfParty = {
  ADMIN: ['ADMIN'],
  COMMITTEE: ['COMMITTEE'],
  UNIT_HEAD: ['UNIT_HEAD'],
  LEAD_HEAD: ['UNIT_HEAD'],
  SUPPORT_HEAD: ['UNIT_HEAD'],
  OWN_ACCOUNT: ['ADMIN'],
  OTHER: [],
} as const satisfies Record<string, readonly Role[]>;

export type WorkflowParty = keyof typeof rolesOfParty;

/** The scope of a workflow step: the roles that can be one of the parties its rule names. */
export function rolesFor<Action extends string, Party extends WorkflowParty, State extends string>(
  rules: Rules<Action, Party, State>,
  action: Action,
): { roles: readonly Role[] } {
  return { roles: [...new Set(rules[action].parties.flatMap((party) => rolesOfParty[party]))] };
}
