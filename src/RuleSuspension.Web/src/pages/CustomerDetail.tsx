import { useState } from 'react';
import { api, enc, query, type Access, type AuditEntry, type Customer, type SuspensionRecord, type TaskItem, type WorkflowInstance } from '../api';
import { Link } from '../router';
import { useSession } from '../session';
import { DecisionCard } from '../components/DecisionCard';
import {
  Badge,
  Button,
  Empty,
  ErrorBox,
  Field,
  Loading,
  StatusBadge,
  formatDate,
  useLoad,
  useToast,
} from '../components/ui';
import { ReasonDialog } from '../components/ReasonDialog';

export const REASON_CODES: Array<{ code: string; label: string }> = [
  { code: 'non-payment', label: 'Non-payment' },
  { code: 'identity-check', label: 'Identity check' },
  { code: 'plan-approval', label: 'Plan approval' },
  { code: 'crm', label: 'CRM' },
  { code: 'investigation', label: 'Investigation' },
  { code: 'other', label: 'Other' },
];

export function CustomerDetailPage({ id }: { id: string }) {
  const session = useSession();
  const toast = useToast();
  const customer = useLoad(() => api.get<Customer>(`/api/customers/${enc(id)}`), [id]);
  const access = useLoad(() => api.get<Access>(`/api/customers/${enc(id)}/access`), [id]);
  const history = useLoad(() => api.get<SuspensionRecord[]>(`/api/customers/${enc(id)}/suspensions`), [id]);
  const readAudit = session.can('readAudit').allowed;
  const audit = useLoad(
    () => (readAudit ? api.get<AuditEntry[]>('/api/audit' + query({ customerId: id, limit: 50 })) : Promise.resolve([])),
    [id, readAudit],
  );
  const readTasks = session.can('readTasks').allowed;
  const tasks = useLoad(
    () => (readTasks ? api.get<TaskItem[]>('/api/tasks' + query({ customerId: id, status: 'open' })).catch(() => []) : Promise.resolve([])),
    [id, readTasks],
  );
  const instances = useLoad(
    () =>
      session.can('readWorkflows').allowed
        ? api.get<WorkflowInstance[]>('/api/workflow-instances' + query({ customerId: id })).catch(() => [])
        : Promise.resolve([]),
    [id],
  );
  const [dialog, setDialog] = useState<'suspend' | 'lift' | 'exemption' | null>(null);

  function reloadAll() {
    customer.reload();
    access.reload();
    history.reload();
    audit.reload();
    tasks.reload();
    instances.reload();
  }

  if (customer.error) {
    return (
      <div className="page">
        <Breadcrumb name={id} />
        <ErrorBox error={customer.error} title="This customer cannot be shown" />
      </div>
    );
  }
  if (!customer.data) return <Loading what="Loading the customer" />;
  const c = customer.data;
  const suspended = c.status === 'suspended';
  const lift = session.can('lift');
  const suspend = session.can('suspend');

  return (
    <div className="page">
      <Breadcrumb name={c.name || c.id} />
      <header className="page-header">
        <div>
          <h1>
            {c.name || c.id} <StatusBadge status={c.status} />
            {c.exempt ? <Badge kind="muted">{c.exemptUntil ? `exempt until ${c.exemptUntil}` : 'exempt'}</Badge> : null}
          </h1>
          <p className="muted">
            {c.id} · {c.email} · plan {c.planId ?? '—'} · tenant {c.tenantId}
          </p>
        </div>
        <div className="actions">
          {suspended ? (
            <Button variant="primary" permission={lift} onClick={() => setDialog('lift')}>
              Lift suspension…
            </Button>
          ) : (
            <Button variant="danger" permission={suspend} onClick={() => setDialog('suspend')}>
              Suspend…
            </Button>
          )}
        </div>
      </header>

      {c.suspension ? (
        <section className="callout callout-danger" aria-labelledby="current-suspension">
          <h2 id="current-suspension">Suspended {formatDate(c.suspension.suspendedAt)}</h2>
          <p>
            <strong>{c.suspension.reasonCode}</strong> — {c.suspension.reasonText}
          </p>
          <p className="muted small">
            {c.suspension.kind === 'automatic' ? 'Automatic' : 'Manual'} · decided by {c.suspension.decidedBy}
          </p>
          {c.suspension.kind === 'automatic' ? <DecisionCard customerId={c.id} suspendedAt={c.suspension.suspendedAt} /> : null}
        </section>
      ) : null}

      <div className="grid-2">
        <section className="card" aria-labelledby="access-title">
          <h2 id="access-title">Access effects</h2>
          {access.data ? <AccessEffects access={access.data} /> : access.error ? <ErrorBox error={access.error} /> : <Loading />}
        </section>
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">Profile</h2>
          <dl className="facts">
            <dt>Identity verified</dt>
            <dd>{c.identityVerified ? 'yes' : 'no'}</dd>
            <dt>Exempt</dt>
            <dd data-testid="exemption">
              {c.exempt
                ? c.exemptUntil
                  ? `yes — not suspended automatically up to and on ${c.exemptUntil} (tenant's calendar); ordinary again after it`
                  : 'yes — never suspended automatically'
                : 'no'}{' '}
              <Button permission={session.can('editCustomers')} onClick={() => setDialog('exemption')}>
                Exemption…
              </Button>
            </dd>
            <dt>Tags</dt>
            <dd>{c.tags.length ? c.tags.join(', ') : '—'}</dd>
            <dt>Account managers</dt>
            <dd>{c.accountManagers.length ? c.accountManagers.join(', ') : '—'}</dd>
            <dt>Updated</dt>
            <dd>{formatDate(c.updatedAt)}</dd>
          </dl>
          {tasks.data && tasks.data.length > 0 ? (
            <p>
              <Link to="/inbox">
                {tasks.data.length} open task{tasks.data.length > 1 ? 's' : ''} in the inbox
              </Link>
            </p>
          ) : null}
          {instances.data && instances.data.length > 0 ? (
            <>
              <h3>Workflow runs</h3>
              <ul className="plain-list">
                {instances.data.slice(0, 6).map((i) => (
                  <li key={i.id}>
                    <Link to={`/workflow-instances/${encodeURIComponent(i.id)}`}>
                      {i.definitionId} v{i.definitionVersion}
                    </Link>{' '}
                    <StatusBadge status={i.status} /> <span className="muted small">started {formatDate(i.createdAt)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">Suspension history</h2>
        {history.error ? <ErrorBox error={history.error} /> : null}
        {history.data && history.data.length === 0 ? <Empty>Never suspended.</Empty> : null}
        {history.data && history.data.length > 0 ? (
          <table className="table" data-testid="suspension-history">
            <thead>
              <tr>
                <th scope="col">Suspended</th>
                <th scope="col">Why</th>
                <th scope="col">Decided by</th>
                <th scope="col">Lifted</th>
                <th scope="col">Lifted by / why</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    {formatDate(s.suspendedAt)}
                    <div>{s.active ? <Badge kind="danger">active</Badge> : <Badge kind="muted">{s.kind}</Badge>}</div>
                  </td>
                  <td>
                    <strong>{s.reasonCode}</strong>
                    <div className="small">{s.reasonText}</div>
                  </td>
                  <td>
                    {s.decidedBy}
                    {s.ruleName ? <div className="muted small">rule {s.ruleName}</div> : null}
                    {s.workflowInstanceId ? (
                      <div className="small">
                        <Link to={`/workflow-instances/${encodeURIComponent(s.workflowInstanceId)}`}>workflow run</Link>
                      </div>
                    ) : null}
                  </td>
                  <td>{s.liftedAt ? formatDate(s.liftedAt) : '—'}</td>
                  <td>
                    {s.liftedBy ? (
                      <>
                        {s.liftedBy}
                        <div className="small">{s.liftReason}</div>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {readAudit ? (
        <section className="card" aria-labelledby="audit-title">
          <h2 id="audit-title">Audit trail</h2>
          {audit.data && audit.data.length === 0 ? <Empty>Nothing recorded yet.</Empty> : null}
          {audit.data && audit.data.length > 0 ? (
            <ol className="timeline">
              {audit.data.map((a) => (
                <li key={a.id}>
                  <span className="timeline-when">{formatDate(a.at)}</span>
                  <span className="timeline-what">
                    <strong>{a.action}</strong> by {a.actor}
                  </span>
                  <AuditDetails details={a.details} />
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}

      <SuspendDialog
        open={dialog === 'suspend'}
        customerId={c.id}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          toast(`${c.name || c.id} is suspended.`);
          reloadAll();
        }}
      />
      <ExemptionDialog
        open={dialog === 'exemption'}
        customer={c}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          toast(`The exemption of ${c.name || c.id} is saved.`);
          reloadAll();
        }}
      />
      <LiftDialog
        open={dialog === 'lift'}
        customerId={c.id}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          toast(`The suspension of ${c.name || c.id} is lifted.`);
          reloadAll();
        }}
      />
    </div>
  );
}

function Breadcrumb({ name }: { name: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to="/customers">Customers</Link> <span aria-hidden="true">›</span> <span aria-current="page">{name}</span>
    </nav>
  );
}

function AuditDetails({ details }: { details: unknown }) {
  if (!details || typeof details !== 'object') return null;
  const entries = Object.entries(details as Record<string, unknown>).filter(([, v]) => v !== null && v !== '');
  if (!entries.length) return null;
  return (
    <span className="timeline-details">
      {entries.slice(0, 6).map(([k, v]) => (
        <span key={k}>
          {k}: <code>{typeof v === 'string' ? v : JSON.stringify(v)}</code>
        </span>
      ))}
    </span>
  );
}

export function AccessEffects({ access }: { access: Access }) {
  const rows: Array<{ label: string; ok: boolean; text: string }> = [
    { label: 'Active user', ok: access.isActiveUser, text: access.isActiveUser ? 'Yes' : 'No' },
    { label: 'Invoiced', ok: access.invoiced, text: access.invoiced ? 'Yes, for active contracts' : 'No' },
    { label: 'Portal', ok: access.portal === 'full', text: access.portal === 'full' ? 'Full' : 'Pay due invoices only' },
    {
      label: 'User logins',
      ok: access.login?.usersAllowed ?? !access.suspended,
      text: access.login ? (access.login.usersAllowed ? 'Allowed' : `Refused: “${access.login.userMessage ?? access.message ?? ''}”`) : '—',
    },
    {
      label: 'Account managers',
      ok: true,
      text: access.login
        ? access.login.accountManagerMessage
          ? `Allowed, with “${access.login.accountManagerMessage}”`
          : 'Allowed'
        : '—',
    },
    { label: 'Notifications', ok: !access.notificationsPaused, text: access.notificationsPaused ? 'Paused' : 'On' },
    { label: 'Data ingestion', ok: !access.ingestionPaused, text: access.ingestionPaused ? 'Paused' : 'On' },
  ];
  return (
    <ul className="effects" data-testid="access-effects">
      {rows.map((r) => (
        <li key={r.label} className={r.ok ? 'effect-ok' : 'effect-off'}>
          <span className="effect-icon" aria-hidden="true">
            {r.ok ? '●' : '○'}
          </span>
          <span className="effect-label">{r.label}</span>
          <span className="effect-value">{r.text}</span>
        </li>
      ))}
    </ul>
  );
}

function SuspendDialog({ open, customerId, onClose, onDone }: { open: boolean; customerId: string; onClose: () => void; onDone: () => void }) {
  const [reasonCode, setReasonCode] = useState('investigation');
  return (
    <ReasonDialog
      open={open}
      title="Suspend this customer"
      intro="The customer loses access at once. Only a person with the lifting role can lift it, with a reason."
      confirm="Suspend"
      variant="danger"
      reasonId="suspend-text"
      onClose={onClose}
      onConfirm={async (reason) => {
        await api.post(`/api/customers/${enc(customerId)}/suspensions`, { reasonCode, reason });
        onDone();
      }}
    >
      <Field label="Reason code" htmlFor="suspend-code">
        <select id="suspend-code" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
          {REASON_CODES.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label} ({r.code})
            </option>
          ))}
        </select>
      </Field>
    </ReasonDialog>
  );
}

/** Exempt or not, and until which day (in the tenant's zone): the whole profile is sent back, with a reason. */
function ExemptionDialog({ open, customer: c, onClose, onDone }: { open: boolean; customer: Customer; onClose: () => void; onDone: () => void }) {
  const [exempt, setExempt] = useState(c.exempt);
  const [until, setUntil] = useState(c.exemptUntil ?? '');
  return (
    <ReasonDialog
      open={open}
      title="Exemption from automatic suspension"
      intro="An exempt customer is never suspended automatically. With a last day, the next overdue check after it treats the customer as any other."
      confirm="Save"
      reasonId="exempt-reason"
      onClose={onClose}
      onConfirm={async (reason) => {
        await api.put(`/api/customers/${enc(c.id)}`, {
          name: c.name,
          email: c.email,
          tenantId: c.tenantId,
          planId: c.planId,
          tags: c.tags,
          identityVerified: c.identityVerified,
          accountManagers: c.accountManagers,
          exempt,
          exemptUntil: exempt && until ? until : null,
          reason,
        });
        onDone();
      }}
    >
      <Field label="Exempt" htmlFor="exempt-flag">
        <input id="exempt-flag" type="checkbox" checked={exempt} onChange={(e) => setExempt(e.target.checked)} />
      </Field>
      <Field label="Until (last exempt day, in the tenant's zone; empty for no end)" htmlFor="exempt-until">
        <input id="exempt-until" type="date" value={until} disabled={!exempt} onChange={(e) => setUntil(e.target.value)} />
      </Field>
    </ReasonDialog>
  );
}

export function LiftDialog({ open, customerId, onClose, onDone }: { open: boolean; customerId: string; onClose: () => void; onDone: () => void }) {
  return (
    <ReasonDialog
      open={open}
      title="Lift the suspension"
      intro="Everything the suspension changed returns to how it was. The reason is kept in the history."
      confirm="Lift"
      reasonId="lift-reason"
      reasonLabel="Reason for lifting"
      onClose={onClose}
      onConfirm={async (reason) => {
        await api.post(`/api/customers/${enc(customerId)}/suspensions/current/lift`, { reason });
        onDone();
      }}
    />
  );
}
