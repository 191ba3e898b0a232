import { api, type RuleSetSummary } from '../api';
import { Link } from '../router';
import { Badge, Empty, ErrorBox, Loading, formatDate, useLoad } from '../components/ui';

export default function RuleSetsPage() {
  const ruleSets = useLoad(() => api.get<RuleSetSummary[]>('/api/rulesets'), []);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Rule sets</h1>
          <p className="muted">The rules that decide a suspension, a review or a warning. Each save is a new version. Code-defined sets (NRules, in C#) are read-only here; their thresholds are edited like any other.</p>
        </div>
      </header>
      <ErrorBox error={ruleSets.error} />
      {ruleSets.loading && !ruleSets.data ? <Loading what="Loading rule sets" /> : null}
      {ruleSets.data && ruleSets.data.length === 0 ? <Empty>No rule set yet.</Empty> : null}
      {ruleSets.data && ruleSets.data.length > 0 ? (
        <table className="table table-hover" data-testid="rulesets">
          <caption className="sr-only">Rule sets</caption>
          <thead>
            <tr>
              <th scope="col">Rule set</th>
              <th scope="col">Form</th>
              <th scope="col">Version</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {ruleSets.data.map((r) => (
              <tr key={r.name}>
                <td>
                  <Link to={`/rulesets/${encodeURIComponent(r.name)}`} className="strong-link">
                    {r.name}
                  </Link>
                  <div className="muted small clamp-2">{r.description}</div>
                </td>
                <td>
                  <Badge kind={r.kind === 'nrules' ? 'info' : 'neutral'}>{r.kind === 'nrules' ? 'code (NRules)' : 'data'}</Badge>
                </td>
                <td>v{r.version}</td>
                <td>
                  {formatDate(r.createdAt)}
                  <div className="muted small">{r.createdBy}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
