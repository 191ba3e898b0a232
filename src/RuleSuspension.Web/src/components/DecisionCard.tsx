import { useState } from 'react';
import { api, enc, query, type DecisionSummary, type ReplayResult } from '../api';
import { Link } from '../router';
import { useSession } from '../session';
import { Badge, Button, ErrorBox, Loading, formatDate, useLoad } from './ui';

/**
 * The automatic decision behind a suspension: the newest recorded "suspend" decision made at or before it, with the
 * rule set (form, name, version) that made it, and a replay that evaluates the recorded facts again.
 */
export function DecisionCard({ customerId, suspendedAt }: { customerId: string; suspendedAt: string }) {
  const session = useSession();
  const permission = session.can('replayDecisions');
  const decisions = useLoad(() => api.get<DecisionSummary[]>(`/api/decisions${query({ customerId })}`), [customerId]);
  const [replay, setReplay] = useState<ReplayResult | null>(null);
  const [replaying, setReplaying] = useState(false);
  const [replayError, setReplayError] = useState<unknown>(null);

  if (decisions.error) return <ErrorBox error={decisions.error} />;
  if (!decisions.data) return <Loading what="Loading the decision" />;
  const decision = decisions.data.find((d) => d.outcome === 'suspend' && Date.parse(d.decidedAt) <= Date.parse(suspendedAt)) ?? decisions.data.find((d) => d.outcome === 'suspend');
  if (!decision) return <p className="muted small">No recorded automatic decision.</p>;

  async function run(id: string) {
    setReplaying(true);
    setReplayError(null);
    try {
      setReplay(await api.post<ReplayResult>(`/api/decisions/${enc(id)}/replay`, {}));
    } catch (e) {
      setReplayError(e);
    } finally {
      setReplaying(false);
    }
  }

  return (
    <div className="decision" data-testid="decision">
      <p>
        Decided by rule set{' '}
        <Link to={`/rulesets/${encodeURIComponent(decision.ruleSetName)}`} className="strong-link">
          {decision.ruleSetName}
        </Link>{' '}
        v{decision.ruleSetVersion} <Badge kind={decision.ruleSetKind === 'nrules' ? 'info' : 'neutral'}>{decision.ruleSetKind === 'nrules' ? 'code (NRules)' : 'data'}</Badge>{' '}
        <span className="muted small">
          {formatDate(decision.decidedAt)} · {decision.origin}
        </span>
      </p>
      {decision.message ? <p className="small">{decision.message}</p> : null}
      <div className="actions">
        <Button permission={permission} busy={replaying} onClick={() => void run(decision.id)}>
          Replay the decision
        </Button>
      </div>
      <ErrorBox error={replayError} title="Not replayed" />
      {replay ? (
        <p role="status" data-testid="replay-answer" className={replay.answer === 'same' ? 'ok' : 'bad'}>
          {replay.answer === 'same'
            ? `Same decision: ${replay.replayed.outcome} (${replay.replayed.reasonCode ?? '—'}).`
            : `Different: recorded ${replay.recorded.outcome} “${replay.recorded.message ?? ''}”, replayed ${replay.replayed.outcome} “${replay.replayed.message ?? ''}”.`}
        </p>
      ) : null}
    </div>
  );
}
