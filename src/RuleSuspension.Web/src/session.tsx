// The signed-in key: its name and role, learnt from GET /api/me, kept for the browser session.
import { createContext, useContext } from 'react';
import type { Me, Role } from './api';
import { can, type Action, type Permission } from './permissions';

export interface Session {
  me: Me;
  liftingRole: Role;
  can: (action: Action) => Permission;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export function makeSession(me: Me, signOut: () => void): Session {
  const liftingRole = me.liftingRole ?? 'SuperAdmin';
  return { me, liftingRole, signOut, can: (action) => can(me.role, action, liftingRole) };
}
