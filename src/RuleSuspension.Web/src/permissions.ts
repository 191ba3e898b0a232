// What each role may do: mirrors the "roles" column of docs/api.md. The server decides; the console only
// shows what the role may do and says why the rest is unavailable.
import type { Role } from './api';

export type Action =
  | 'readCustomers'
  | 'editCustomers'
  | 'suspend'
  | 'lift'
  | 'readAudit'
  | 'readWorkflows'
  | 'editWorkflows'
  | 'mendIncidents'
  | 'readRuleSets'
  | 'editRuleSets'
  | 'evaluateRuleSets'
  | 'editThresholds'
  | 'readTasks'
  | 'completeTasks'
  | 'sendEvents'
  | 'manageKeys'
  | 'replayDecisions';

const ALL: Role[] = ['SuperAdmin', 'Admin', 'Finance', 'Integration', 'Viewer'];
const ALL_BUT_INTEGRATION: Role[] = ['SuperAdmin', 'Admin', 'Finance', 'Viewer'];
const ADMINS: Role[] = ['SuperAdmin', 'Admin'];

/** Who may do what, and how to say it when one may not. */
export const PERMISSIONS: Record<Action, { roles: (liftingRole: Role) => Role[]; what: string }> = {
  readCustomers: { roles: () => ALL, what: 'Viewing customers' },
  editCustomers: { roles: () => ['SuperAdmin', 'Admin', 'Integration'], what: 'Changing a customer' },
  suspend: { roles: () => ADMINS, what: 'Suspending' },
  lift: { roles: (lifting) => uniq([lifting, 'SuperAdmin']), what: 'Lifting' },
  readAudit: { roles: () => ['SuperAdmin', 'Admin', 'Finance', 'Viewer'], what: 'Reading the audit trail' },
  readWorkflows: { roles: () => ALL_BUT_INTEGRATION, what: 'Viewing workflows' },
  editWorkflows: { roles: () => ADMINS, what: 'Changing workflows' },
  mendIncidents: { roles: () => ADMINS, what: 'Retrying or cancelling an incident' },
  readRuleSets: { roles: () => ALL_BUT_INTEGRATION, what: 'Viewing rule sets' },
  editRuleSets: { roles: () => ADMINS, what: 'Changing rules' },
  evaluateRuleSets: { roles: () => ['SuperAdmin', 'Admin', 'Finance'], what: 'A dry run' },
  editThresholds: { roles: () => ['SuperAdmin', 'Finance'], what: 'Changing thresholds' },
  readTasks: { roles: () => ALL_BUT_INTEGRATION, what: 'Viewing tasks' },
  completeTasks: { roles: (lifting) => uniq([lifting, 'SuperAdmin']), what: 'Lifting' },
  sendEvents: { roles: () => ['SuperAdmin', 'Admin', 'Integration'], what: 'Sending events' },
  manageKeys: { roles: () => ['SuperAdmin'], what: 'Managing keys' },
  replayDecisions: { roles: () => ['SuperAdmin', 'Admin', 'Finance'], what: 'Replaying a decision' },
};

function uniq(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

export interface Permission {
  allowed: boolean;
  /** Why not, for people: "Lifting needs the SuperAdmin role." Empty when allowed. */
  reason: string;
}

export function rolesFor(action: Action, liftingRole: Role = 'SuperAdmin'): Role[] {
  return PERMISSIONS[action].roles(liftingRole);
}

export function can(role: Role | undefined, action: Action, liftingRole: Role = 'SuperAdmin'): Permission {
  const roles = rolesFor(action, liftingRole);
  if (role && roles.includes(role)) return { allowed: true, reason: '' };
  return { allowed: false, reason: `${PERMISSIONS[action].what} needs ${describeRoles(roles)}.` };
}

/** "the SuperAdmin role", "the Finance or SuperAdmin role", "the Admin, Finance or SuperAdmin role". */
export function describeRoles(roles: Role[]): string {
  const ordered = [...roles].sort((a, b) => ALL.indexOf(a) - ALL.indexOf(b));
  if (ordered.length === 1) return `the ${ordered[0]} role`;
  return `the ${ordered.slice(0, -1).join(', ')} or ${ordered[ordered.length - 1]} role`;
}

/** A task is completed by its own role, and by SuperAdmin always. */
export function canCompleteTask(role: Role | undefined, taskRole: string | undefined, liftingRole: Role = 'SuperAdmin'): Permission {
  const roles = uniq([((taskRole as Role) || liftingRole), 'SuperAdmin']);
  if (role && roles.includes(role)) return { allowed: true, reason: '' };
  return { allowed: false, reason: `Lifting needs ${describeRoles(roles)}.` };
}
