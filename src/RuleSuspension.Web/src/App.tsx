import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthorizedHandler, storedKey, storeKey, type Me } from './api';
import { Link, match, navigate, useLocation } from './router';
import { makeSession, SessionContext, useSession } from './session';
import { Loading, ToastHost } from './components/ui';
import { SignIn } from './pages/SignIn';
import { CustomersPage } from './pages/Customers';
import { CustomerDetailPage } from './pages/CustomerDetail';
import { InboxPage } from './pages/Inbox';
import { WorkflowsPage } from './pages/Workflows';
import { ThresholdsPage } from './pages/Thresholds';
import { IncidentsPage } from './pages/Incidents';
import type { Action } from './permissions';
import { Icon } from './components/Icon';

// The designer (React Flow + elkjs) and the rule editor are loaded only when opened: the first page stays small.
const DesignerPage = lazy(() => import('./designer/DesignerPage'));
const InstancePage = lazy(() => import('./designer/InstancePage'));
const RuleSetsPage = lazy(() => import('./pages/RuleSets'));
const RuleSetEditorPage = lazy(() => import('./pages/RuleSetEditor'));

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(() => storedKey() !== null);

  const signOut = useCallback(() => {
    storeKey(null);
    setMe(null);
    navigate('/', true);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      storeKey(null);
      setMe(null);
    });
    const key = storedKey();
    if (!key) return;
    api.get<Me>('/api/me').then(
      (result) => {
        setMe(result);
        setChecking(false);
      },
      () => {
        storeKey(null);
        setChecking(false);
      },
    );
  }, []);

  const session = useMemo(() => (me ? makeSession(me, signOut) : null), [me, signOut]);

  if (checking) return <Loading what="Signing in" />;
  if (!session) {
    return (
      <SignIn
        onSignedIn={(key, who) => {
          storeKey(key);
          setMe(who);
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <ToastHost>
        <Shell />
      </ToastHost>
    </SessionContext.Provider>
  );
}

interface NavItem {
  to: string;
  label: string;
  icon: string;
  needs: Action;
}

const NAV: NavItem[] = [
  { to: '/customers', label: 'Customers', icon: 'customers', needs: 'readCustomers' },
  { to: '/inbox', label: 'Inbox', icon: 'inbox', needs: 'readTasks' },
  { to: '/workflows', label: 'Workflows', icon: 'workflows', needs: 'readWorkflows' },
  { to: '/incidents', label: 'Incidents', icon: 'incidents', needs: 'readWorkflows' },
  { to: '/rulesets', label: 'Rule sets', icon: 'rulesets', needs: 'readRuleSets' },
  { to: '/thresholds', label: 'Thresholds', icon: 'thresholds', needs: 'readRuleSets' },
];

function Shell() {
  const session = useSession();
  const { path } = useLocation();
  const page = route(path);
  useEffect(() => {
    if (path === '/' || path === '/signin') navigate(session.me.role === 'Finance' ? '/thresholds' : '/customers', true);
  }, [path, session.me.role]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ❚❚
          </span>
          RuleSuspension
        </div>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => {
              const permission = session.can(item.needs);
              const active = path === item.to || path.startsWith(item.to + '/') || (item.to === '/workflows' && path.startsWith('/workflow-instances'));
              return (
                <li key={item.to}>
                  {permission.allowed ? (
                    <Link to={item.to} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
                      <Icon name={item.icon} />
                      {item.label}
                    </Link>
                  ) : (
                    <span className="nav-disabled" title={permission.reason}>
                      <Icon name={item.icon} />
                      {item.label}
                      <span className="sr-only">: {permission.reason}</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="whoami">
          <div className="whoami-name" title="The name of your API key">
            {session.me.name}
          </div>
          <div className="whoami-role">{session.me.role}</div>
          <button type="button" className="btn btn-ghost btn-small" onClick={session.signOut}>
            Sign out
          </button>
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </main>
    </div>
  );
}

function route(path: string): ReactNode {
  let m: Record<string, string> | null;
  if (path === '/customers') return <CustomersPage />;
  if ((m = match('/customers/:id', path))) return <CustomerDetailPage key={m.id} id={m.id} />;
  if (path === '/inbox') return <InboxPage />;
  if (path === '/workflows') return <WorkflowsPage />;
  if (path === '/incidents') return <IncidentsPage />;
  if (path === '/workflows/new') return <DesignerPage key="new" id={null} />;
  if ((m = match('/workflows/:id', path))) return <DesignerPage key={m.id} id={m.id} />;
  if ((m = match('/workflow-instances/:id', path))) return <InstancePage key={m.id} id={m.id} />;
  if (path === '/rulesets') return <RuleSetsPage />;
  if ((m = match('/rulesets/:name', path))) return <RuleSetEditorPage key={m.name} name={m.name} />;
  if (path === '/thresholds') return <ThresholdsPage />;
  if (path === '/' || path === '/signin') return <Loading />;
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. <Link to="/customers">Go to customers</Link>.
      </p>
    </div>
  );
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}
