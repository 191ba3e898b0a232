import { api, type WorkflowSummary } from '../api';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Button, Empty, ErrorBox, Loading, StatusBadge, useLoad } from '../components/ui';

export function WorkflowsPage() {
  const session = useSession();
  const workflows = useLoad(() => api.get<WorkflowSummary[]>('/api/workflows'), []);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Workflows</h1>
          <p className="muted">What happens when an event arrives: which rule set decides, who is told, who lifts.</p>
        </div>
        <div className="actions">
          <Button variant="primary" permission={session.can('editWorkflows')} onClick={() => navigate('/workflows/new')}>
            New workflow
          </Button>
        </div>
      </header>
      <ErrorBox error={workflows.error} />
      {workflows.loading && !workflows.data ? <Loading what="Loading workflows" /> : null}
      {workflows.data && workflows.data.length === 0 ? <Empty>No workflow yet.</Empty> : null}
      {workflows.data && workflows.data.length > 0 ? (
        <table className="table table-hover" data-testid="workflows">
          <caption className="sr-only">Workflows</caption>
          <thead>
            <tr>
              <th scope="col">Workflow</th>
              <th scope="col">Status</th>
              <th scope="col">Published</th>
              <th scope="col">Latest</th>
            </tr>
          </thead>
          <tbody>
            {workflows.data.map((w) => (
              <tr key={w.id}>
                <td>
                  <Link to={`/workflows/${encodeURIComponent(w.id)}`} className="strong-link">
                    {w.name || w.id}
                  </Link>
                  <div className="muted small">{w.description ?? w.id}</div>
                </td>
                <td>{w.status ? <StatusBadge status={w.status} /> : '—'}</td>
                <td>{w.publishedVersion ? `v${w.publishedVersion}` : '—'}</td>
                <td>{w.latestVersion ? `v${w.latestVersion}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
