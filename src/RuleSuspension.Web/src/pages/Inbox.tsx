import { useMemo, useState } from 'react';
import { api, enc, query, type Customer, type TaskItem } from '../api';
import { Link } from '../router';
import { useSession } from '../session';
import { canCompleteTask } from '../permissions';
import { Button, Empty, ErrorBox, Loading, StatusBadge, age, errorText, formatDate, useLoad, useToast } from '../components/ui';
import { ReasonDialog } from '../components/ReasonDialog';

type Outcome = 'Lift' | 'Keep';

export function InboxPage() {
  const session = useSession();
  const toast = useToast();
  const [status, setStatus] = useState<'open' | 'completed'>('open');
  const tasks = useLoad(() => api.get<TaskItem[]>('/api/tasks' + query({ status })), [status]);
  const customers = useLoad(() => api.get<Customer[]>('/api/customers' + query({ status: 'suspended', limit: 500 })), []);
  const names = useMemo(() => new Map((customers.data ?? []).map((c) => [c.id, c])), [customers.data]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [completing, setCompleting] = useState<{ ids: string[]; outcome: Outcome } | null>(null);

  const list = useMemo(
    () => [...(tasks.data ?? [])].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime()),
    [tasks.data],
  );
  const open = status === 'open';
  const allSelected = list.length > 0 && list.every((t) => selected.has(t.id));
  const selectedTasks = list.filter((t) => selected.has(t.id));
  const bulkPermission = selectedTasks.reduce(
    (p, t) => (p.allowed ? canCompleteTask(session.me.role, t.role, session.liftingRole) : p),
    canCompleteTask(session.me.role, selectedTasks[0]?.role, session.liftingRole),
  );

  function toggle(id: string) {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Inbox</h1>
          <p className="muted">Suspensions waiting for a person: lift them, or keep them, always with a reason.</p>
        </div>
        <div className="segmented" role="group" aria-label="Which tasks">
          <button type="button" aria-pressed={open} className={open ? 'on' : ''} onClick={() => { setStatus('open'); setSelected(new Set()); }}>
            Open
          </button>
          <button type="button" aria-pressed={!open} className={!open ? 'on' : ''} onClick={() => { setStatus('completed'); setSelected(new Set()); }}>
            Completed
          </button>
        </div>
      </header>

      {open && list.length > 0 ? (
        <div className="toolbar bulk-bar" aria-label="Selected tasks">
          <span className="muted">{selected.size ? `${selected.size} selected` : 'Select tasks to act on several at once.'}</span>
          <Button
            variant="primary"
            disabled={!selected.size}
            permission={bulkPermission}
            onClick={() => setCompleting({ ids: [...selected], outcome: 'Lift' })}
          >
            Lift selected…
          </Button>
          <Button disabled={!selected.size} permission={bulkPermission} onClick={() => setCompleting({ ids: [...selected], outcome: 'Keep' })}>
            Keep selected…
          </Button>
        </div>
      ) : null}

      <ErrorBox error={tasks.error} />
      {tasks.loading && !tasks.data ? (
        <Loading what="Loading tasks" />
      ) : list.length === 0 && !tasks.error ? (
        <Empty>{open ? 'Nothing waiting. Suspensions that need a person appear here.' : 'No completed task yet.'}</Empty>
      ) : list.length > 0 ? (
        <table className="table table-hover" data-testid="tasks">
          <caption className="sr-only">{open ? 'Open tasks' : 'Completed tasks'}</caption>
          <thead>
            <tr>
              {open ? (
                <th scope="col" className="col-check">
                  <input
                    type="checkbox"
                    aria-label="Select all tasks"
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(list.map((t) => t.id)))}
                  />
                </th>
              ) : null}
              <th scope="col">Customer</th>
              <th scope="col">Reason</th>
              <th scope="col">{open ? 'Age' : 'Completed'}</th>
              <th scope="col">{open ? 'Action' : 'Outcome'}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((t) => {
              const customer = names.get(t.customerId);
              const permission = canCompleteTask(session.me.role, t.role, session.liftingRole);
              return (
                <tr key={t.id} className={selected.has(t.id) ? 'selected' : undefined} data-task-id={t.id} data-customer-id={t.customerId}>
                  {open ? (
                    <td className="col-check">
                      <input
                        type="checkbox"
                        aria-label={`Select the task of ${customer?.name ?? t.customerId}`}
                        checked={selected.has(t.id)}
                        onChange={() => toggle(t.id)}
                      />
                    </td>
                  ) : null}
                  <td>
                    <Link to={`/customers/${encodeURIComponent(t.customerId)}`} className="strong-link">
                      {customer?.name ?? t.customerId}
                    </Link>
                    <div className="muted small">{t.customerId}</div>
                  </td>
                  <td>
                    <strong>{t.reasonCode ?? customer?.suspension?.reasonCode ?? t.kind}</strong>
                    <div className="small">{customer?.suspension?.reasonText ?? t.title ?? ''}</div>
                  </td>
                  <td title={formatDate(open ? t.createdAt : t.completedAt)}>
                    {open ? age(t.createdAt) : formatDate(t.completedAt)}
                  </td>
                  <td>
                    {open ? (
                      <div className="row-actions">
                        <Button variant="primary" className="btn-small" permission={permission} onClick={() => setCompleting({ ids: [t.id], outcome: 'Lift' })}>
                          Lift…
                        </Button>
                        <Button className="btn-small" disabled={!permission.allowed} title={permission.reason || undefined} onClick={() => setCompleting({ ids: [t.id], outcome: 'Keep' })}>
                          Keep…
                        </Button>
                      </div>
                    ) : (
                      <>
                        <StatusBadge status={t.outcome ?? t.status} /> <span className="small">{t.completedBy}</span>
                        <div className="small">{t.reason}</div>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      <CompleteDialog
        request={completing}
        tasks={list}
        onClose={() => setCompleting(null)}
        onDone={(done, failed) => {
          setCompleting(null);
          setSelected(new Set());
          tasks.reload();
          customers.reload();
          if (done) toast(`${done} task${done > 1 ? 's' : ''} completed.`);
          if (failed.length) toast(`${failed.length} could not be completed: ${failed[0]}`, 'error');
        }}
      />
    </div>
  );
}

function CompleteDialog({
  request,
  tasks,
  onClose,
  onDone,
}: {
  request: { ids: string[]; outcome: Outcome } | null;
  tasks: TaskItem[];
  onClose: () => void;
  onDone: (done: number, failed: string[]) => void;
}) {
  const count = request?.ids.length ?? 0;
  const lift = request?.outcome === 'Lift';

  // Each task on its own: one refused task (already done, no longer allowed) does not stop the others.
  async function complete(reason: string) {
    if (!request) return;
    let done = 0;
    const failed: string[] = [];
    for (const id of request.ids) {
      try {
        await api.post(`/api/tasks/${enc(id)}/complete`, { outcome: request.outcome, reason });
        done++;
      } catch (e) {
        const task = tasks.find((t) => t.id === id);
        failed.push(`${task?.customerId ?? id}: ${errorText(e)}`);
      }
    }
    onDone(done, failed);
  }

  return (
    <ReasonDialog
      open={request !== null}
      title={`${lift ? 'Lift' : 'Keep'} ${count > 1 ? `${count} suspensions` : 'the suspension'}`}
      intro={
        <>
          {lift ? 'The customer gets back everything the suspension changed.' : 'The suspension stays; the task is closed with your reason.'}{' '}
          {count > 1 ? 'The same reason is recorded for each.' : ''}
        </>
      }
      confirm={lift ? 'Lift' : 'Keep suspended'}
      variant={lift ? 'primary' : 'secondary'}
      reasonId="task-reason"
      autoFocus
      onClose={onClose}
      onConfirm={complete}
    />
  );
}
