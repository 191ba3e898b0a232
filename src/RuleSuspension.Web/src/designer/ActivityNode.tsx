import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ActivityNodeData } from './graph';

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;

const CATEGORY_ICON: Record<string, string> = { Decisions: '◆', Actions: '⚑', People: '☺', Flow: '↻' };

/** One box of the flowchart: its type, its name, a summary of its properties, its errors, an out-handle per outcome. */
export const ActivityNode = memo(function ActivityNode({ data, selected }: NodeProps<ActivityFlowNode>) {
  const { activity, descriptor, outcomes, isStart, errors, visitedSteps, current } = data;
  const category = descriptor?.category ?? 'Flow';
  const summary = summarize(activity.type, activity.properties);
  const classes = [
    'activity-node',
    `cat-${category.toLowerCase()}`,
    selected ? 'is-selected' : '',
    errors.length ? 'has-errors' : '',
    visitedSteps?.length ? 'is-visited' : '',
    current ? 'is-current' : '',
    visitedSteps && !visitedSteps.length ? 'is-unvisited' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-activity-id={activity.id} data-activity-type={activity.type} aria-label={`${descriptor?.displayName ?? activity.type} ${activity.name ?? activity.id}${errors.length ? `, ${errors.length} problem${errors.length > 1 ? 's' : ''}` : ''}`}>
      <Handle type="target" position={Position.Top} className="handle-in" isConnectable={!visitedSteps} />
      <div className="activity-head">
        <span className="activity-icon" aria-hidden="true">
          {CATEGORY_ICON[category] ?? '•'}
        </span>
        <span className="activity-type">{descriptor?.displayName ?? activity.type}</span>
        {isStart ? <span className="start-pill">start</span> : null}
        {visitedSteps?.length ? <span className="step-pill">{visitedSteps.join(', ')}</span> : null}
      </div>
      <div className="activity-name" title={activity.id}>
        {activity.name || activity.id}
      </div>
      {summary ? <div className="activity-summary">{summary}</div> : null}
      {errors.length ? (
        <div className="activity-errors" role="note" title={errors.join('\n')}>
          ⚠ {errors[0]}
          {errors.length > 1 ? ` (+${errors.length - 1})` : ''}
        </div>
      ) : null}
      {outcomes.length ? (
        <div className="outcomes">
          {outcomes.map((o, i) => (
            <div className="outcome" key={o} style={{ left: `${((i + 0.5) / outcomes.length) * 100}%` }}>
              <span className="outcome-label">{o}</span>
              <Handle type="source" id={o} position={Position.Bottom} className="handle-out" isConnectable={!visitedSteps} data-outcome={o} />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
});

function summarize(type: string, p: Record<string, unknown>): string {
  const s = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));
  switch (type) {
    case 'EvaluateRuleSet':
      return p.ruleSet ? `rule set ${s(p.ruleSet)}` : '';
    case 'If':
      return s(p.condition);
    case 'SuspendCustomer':
      return p.reasonCode ? `reason ${s(p.reasonCode)}` : 'reason from the decision';
    case 'Notify':
      return s(p.type);
    case 'HumanTask':
      return p.role ? `for ${s(p.role)}` : '';
    case 'WaitForEvent':
      return [s(p.eventType), p.timeout ? `timeout ${s(p.timeout)}` : ''].filter(Boolean).join(' · ');
    case 'Delay':
      return s(p.duration);
    case 'SetVariable':
      return p.variable ? `${s(p.variable)} = ${s(p.value ?? p.condition)}` : '';
    default:
      return '';
  }
}
