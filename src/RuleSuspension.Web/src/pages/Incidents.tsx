import { useState } from 'react';
import { api, enc, query, type Incident, type WorkflowInstance } from '../api';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Button, Empty, ErrorBox, Loading, age, formatDate, useLoad, useToast } from '../components/ui';
import { ReasonDialog } from '../components/ReasonDialog';

const PAGE = 50;

type Mend = 'retry' | 'cancel';

/** Faulted workflow instances: what failed, for whom, and a person's retry (after a fix) or cancel, with a reason. */
export function IncidentsPage() {
  const session = useSession();
  const toast = useToast();
  const { search } = useLocation();
  const customerId = search.get('customerId') ?? '';
  const [offset, setOffset] = useState(0);
  // One more than a page tells whether there is a next page.
  const incidents = useLoad(
    () => api.get<WorkflowInstance[]>('/api/workflow-instances' + query({ status: 'faulted', customerId, offset, limit: PAGE + 1 })),
    [customerId, offset],
  );
  const [mending, setMending] = useState<{ instance: WorkflowInstance; action: Mend } | null>(null);
  const permission = session.can('mendIncidents');
  const list = (incidents.data ?? []).slice(0, PAGE);
  const more = (incidents.data?.length ?? 0) > PAGE;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Incidents</h1>
          <p className="muted">
            Workflow instances whose step failed. Fix the cause (a rule set, the customer's data), then retry the failed step; or cancel the
            instance, with a reason.
          </p>
        </div>
      </header>
      {customerId ? (
        <p className="toolbar">
          <span>
            Customer <code>{customerId}</code> only.
          </span>{' '}
          <Button className="btn-small" onClick={() => navigate('/incidents')}>
            Show every customer
          </Button>
        </p>
      ) : null}

      <ErrorBox error={incidents.error} />
      {incidents.loading && !incidents.data ? (
        <Loading what="Loading incidents" />
      ) : list.length === 0 && !incidents.error ? (
        <Empty>No incident. A workflow step that fails appears here.</Empty>
      ) : list.length > 0 ? (
        <table className="table table-hover" data-testid="incidents">
          <caption className="sr-only">Faulted workflow instances</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Workflow</th>
              <th scope="col">Failed step</th>
              <th scope="col">Error</th>
              <th scope="col">When</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {list.map((instance) => {
              const incident: Partial<Incident> = instance.incident ?? {};
              return (
                <tr key={instance.id} data-instance-id={instance.id} data-customer-id={instance.customerId}>
                  <td>
                    <Link to={`/customers/${encodeURIComponent(instance.customerId ?? '')}`} className="strong-link">
                      {incident.customerName ?? instance.customerId}
                    </Link>
                    <div className="muted small">{instance.customerId}</div>
                  </td>
                  <td>
                    <Link to={`/workflow-instances/${instance.id}`}>
                      {instance.definitionId} v{instance.definitionVersion}
                    </Link>
                  </td>
                  <td>
                    <strong>{incident.activityId ?? instance.currentActivityId}</strong>
                    <div className="muted small">{incident.activityType}</div>
                  </td>
                  <td className="small incident-error">{incident.error ?? instance.fault}</td>
                  <td title={formatDate(incident.at)}>{age(incident.at)}</td>
                  <td>
                    <div className="row-actions">
                      <Button variant="primary" className="btn-small" permission={permission} onClick={() => setMending({ instance, action: 'retry' })}>
                        Retry…
                      </Button>
                      <Button className="btn-small" disabled={!permission.allowed} title={permission.reason || undefined} onClick={() => setMending({ instance, action: 'cancel' })}>
                        Cancel…
                      </Button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {offset > 0 || more ? (
        <div className="toolbar">
          <Button className="btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </Button>
          <Button className="btn-small" disabled={!more} onClick={() => setOffset(offset + PAGE)}>
            Next
          </Button>
        </div>
      ) : null}

      <MendDialog
        request={mending}
        onClose={() => setMending(null)}
        onDone={(instance, action) => {
          setMending(null);
          incidents.reload();
          toast(
            action === 'cancel'
              ? `Instance of ${instance.customerId} cancelled.`
              : instance.status === 'faulted'
                ? `The step failed again: ${instance.fault ?? ''}`
                : `Retried: the instance is ${instance.status}.`,
            instance.status === 'faulted' ? 'error' : undefined,
          );
        }}
      />
    </div>
  );
}

function MendDialog({
  request,
  onClose,
  onDone,
}: {
  request: { instance: WorkflowInstance; action: Mend } | null;
  onClose: () => void;
  onDone: (instance: WorkflowInstance, action: Mend) => void;
}) {
  const retry = request?.action === 'retry';
  return (
    <ReasonDialog
      open={request !== null}
      title={retry ? 'Retry the failed step' : 'Cancel the instance'}
      intro={
        retry
          ? `The step ${request?.instance.currentActivityId ?? ''} runs again on version ${request?.instance.definitionVersion ?? ''} of ${request?.instance.definitionId ?? ''}, with the current rule sets and data.`
          : 'The instance ends here and never runs again.'
      }
      confirm={retry ? 'Retry' : 'Cancel instance'}
      variant={retry ? 'primary' : 'secondary'}
      cancel="Close"
      reasonId="incident-reason"
      autoFocus
      onClose={onClose}
      onConfirm={async (reason) => {
        if (!request) return;
        const instance = await api.post<WorkflowInstance>(`/api/workflow-instances/${enc(request.instance.id)}/${request.action}`, { reason });
        onDone(instance, request.action);
      }}
    />
  );
}
