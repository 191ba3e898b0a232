import { useEffect, useState } from 'react';
import type { Edge } from '@xyflow/react';
import { ROLES, type ActivityProperty, type ActivityType, type RuleSetSummary, type WorkflowValidationError } from '../api';
import { Button, Field } from '../components/ui';
import { ExpressionField } from '../components/ExpressionField';
import type { ActivityFlowNode } from './ActivityNode';
import type { Activity, Definition, DefinitionMeta, ErrorPlacement, Trigger } from './graph';

export const EVENT_TYPES = ['customer.signed-up', 'customer.plan-changed', 'crm.opportunity-added', 'invoice.issued', 'invoice.paid', 'identity.verified'];

interface Props {
  doc: { meta: DefinitionMeta; nodes: ActivityFlowNode[]; edges: Edge[] };
  definition: Definition;
  catalogue: ActivityType[];
  ruleSets: RuleSetSummary[];
  placement: ErrorPlacement;
  validating: boolean;
  readOnly: boolean;
  isNew: boolean;
  selectedNode?: ActivityFlowNode;
  selectedEdge?: Edge;
  onMeta: (change: Partial<DefinitionMeta>, coalesceKey?: string) => void;
  onActivity: (id: string, change: Partial<Activity>, coalesceKey?: string) => void;
  onConnect: (from: string, outcome: string, to: string | null) => void;
  onDeleteNode: (id: string) => void;
  onDeleteEdge: (id: string) => void;
  onSelect: (id: string) => void;
}

export function PropertiesPanel(props: Props) {
  const { selectedNode, selectedEdge } = props;
  return (
    <aside className="properties" aria-label="Properties">
      {selectedNode ? (
        <ActivityProperties key={selectedNode.id} node={selectedNode} {...props} />
      ) : selectedEdge ? (
        <EdgeProperties edge={selectedEdge} {...props} />
      ) : (
        <WorkflowSettings {...props} />
      )}
    </aside>
  );
}

function ActivityProperties({ node, doc, definition, ruleSets, placement, validating, readOnly, onActivity, onConnect, onDeleteNode, onMeta }: Props & { node: ActivityFlowNode }) {
  const { activity, descriptor, outcomes } = node.data;
  const errors = placement.byActivity.get(node.id) ?? [];
  const others = doc.nodes.filter((n) => n.id !== node.id);
  const isStart = definition.start === node.id;
  const set = (name: string, value: unknown) => onActivity(node.id, { properties: { [name]: value } }, `${node.id}/${name}`);
  return (
    <div className="panel" data-testid="activity-properties">
      <div className="panel-head">
        <h2>{descriptor?.displayName ?? activity.type}</h2>
        <code className="muted small">{activity.id}</code>
      </div>
      {descriptor?.description ? <p className="hint">{descriptor.description}</p> : null}
      {errors.length ? (
        <ul className="problems" aria-label="Problems of this activity">
          {errors.map((e, i) => (
            <li key={i}>⚠ {e}</li>
          ))}
        </ul>
      ) : null}
      <Field label="Label" htmlFor="prop-name" hint="Shown on the canvas.">
        <input id="prop-name" value={activity.name ?? ''} readOnly={readOnly} onChange={(e) => onActivity(node.id, { name: e.target.value }, `${node.id}/name`)} />
      </Field>
      {(descriptor?.properties ?? []).map((p) => (
        <PropertyField
          key={p.name}
          activityId={node.id}
          property={p}
          value={activity.properties[p.name]}
          ruleSets={ruleSets}
          errors={placement.byProperty.get(`${node.id}/${p.name}`) ?? []}
          validating={validating}
          readOnly={readOnly}
          onChange={(v) => set(p.name, v)}
        />
      ))}
      {outcomes.length ? (
        <fieldset className="outcome-links">
          <legend>Outcomes lead to</legend>
          {outcomes.map((o) => {
            const edge = doc.edges.find((e) => e.source === node.id && e.sourceHandle === o);
            const edgeErrors = edge ? placement.byEdge.get(edge.id) ?? [] : [];
            const inputId = `outcome-${node.id}-${o}`;
            return (
              <div key={o} className={`outcome-link${edgeErrors.length ? ' field-invalid' : ''}`}>
                <label htmlFor={inputId}>{o}</label>
                <select id={inputId} value={edge?.target ?? ''} disabled={readOnly} onChange={(e) => onConnect(node.id, o, e.target.value || null)}>
                  <option value="">(not connected)</option>
                  {others.map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.data.activity.name || n.id}
                    </option>
                  ))}
                </select>
                {edgeErrors.map((m, i) => (
                  <div key={i} className="field-error">
                    {m}
                  </div>
                ))}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {!readOnly ? (
        <div className="panel-actions">
          <Button className="btn-small" disabled={isStart} onClick={() => onMeta({ start: node.id })}>
            {isStart ? 'This is the start' : 'Make it the start'}
          </Button>
          <Button variant="danger" className="btn-small" onClick={() => onDeleteNode(node.id)} title="Delete (Delete key)">
            Delete activity
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function PropertyField({
  activityId,
  property,
  value,
  ruleSets,
  errors,
  validating,
  readOnly,
  onChange,
}: {
  activityId: string;
  property: ActivityProperty;
  value: unknown;
  ruleSets: RuleSetSummary[];
  errors: WorkflowValidationError[];
  validating: boolean;
  readOnly: boolean;
  onChange: (value: unknown) => void;
}) {
  const id = `prop-${activityId}-${property.name}`;
  const label = `${humanize(property.name)}${property.required ? ' *' : ''}`;
  const hint = property.description;
  const error = property.type === 'expression' ? undefined : errors.map((e) => e.message).join(' ') || undefined;
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : '';
  const placeholder = property.default !== undefined && property.default !== null ? `default: ${JSON.stringify(property.default)}` : undefined;

  if (property.name === 'ruleSet') {
    return (
      <Field label={label} htmlFor={id} hint={hint} error={error}>
        <select id={id} value={text} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose a rule set…</option>
          {ruleSets.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
          {text && !ruleSets.some((r) => r.name === text) ? <option value={text}>{text} (unknown)</option> : null}
        </select>
      </Field>
    );
  }
  if (property.name === 'role' || (property.options && property.options.length)) {
    const options = (property.options as string[] | null | undefined)?.length ? (property.options as string[]) : ROLES;
    return (
      <Field label={label} htmlFor={id} hint={hint} error={error}>
        <select id={id} value={text} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
          <option value="">{property.required ? 'Choose…' : '(default)'}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </Field>
    );
  }
  switch (property.type) {
    case 'expression':
      return (
        <ExpressionField
          id={id}
          label={label}
          value={text}
          readOnly={readOnly}
          hint={hint}
          onChange={onChange}
          external={{ errors: errors.map((e) => ({ line: e.line, column: e.column, message: e.message })), pending: validating }}
        />
      );
    case 'text':
      return (
        <Field label={label} htmlFor={id} hint={hint} error={error}>
          <textarea id={id} rows={3} value={text} readOnly={readOnly} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
    case 'stringList':
      return <ListField id={id} label={label} hint={hint} error={error} value={value} readOnly={readOnly} placeholder={placeholder} onChange={onChange} />;
    case 'json':
      return <JsonField id={id} label={label} hint={hint} error={error} value={value} readOnly={readOnly} onChange={onChange} />;
    case 'duration':
      return (
        <Field label={label} htmlFor={id} hint={hint ?? 'ISO 8601, e.g. PT1H or P7D'} error={error}>
          <input id={id} className="code" value={text} readOnly={readOnly} placeholder="P7D" onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
    default:
      return (
        <Field label={label} htmlFor={id} hint={hint} error={error}>
          <input id={id} value={text} readOnly={readOnly} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
  }
}

function ListField(p: { id: string; label: string; hint?: string; error?: string; value: unknown; readOnly: boolean; placeholder?: string; onChange: (v: unknown) => void }) {
  const list = Array.isArray(p.value) ? (p.value as unknown[]).map(String) : [];
  const [text, setText] = useState(list.join(', '));
  useEffect(() => setText(list.join(', ')), [list.join('\u0000')]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Field label={p.label} htmlFor={p.id} hint={`${p.hint ?? ''} Separate with commas.`} error={p.error}>
      <input
        id={p.id}
        value={text}
        readOnly={p.readOnly}
        placeholder={p.placeholder}
        onChange={(e) => {
          setText(e.target.value);
          const items = e.target.value.split(',').map((s) => s.trim()).filter(Boolean);
          p.onChange(items.length ? items : undefined);
        }}
      />
    </Field>
  );
}

function JsonField(p: { id: string; label: string; hint?: string; error?: string; value: unknown; readOnly: boolean; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(p.value === undefined ? '' : JSON.stringify(p.value));
  const [bad, setBad] = useState<string | null>(null);
  return (
    <Field label={p.label} htmlFor={p.id} hint={p.hint} error={bad ?? p.error}>
      <textarea
        id={p.id}
        className="code"
        rows={2}
        value={text}
        readOnly={p.readOnly}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setBad(null);
            p.onChange(undefined);
            return;
          }
          try {
            p.onChange(JSON.parse(e.target.value));
            setBad(null);
          } catch (err) {
            setBad(`Not JSON yet: ${(err as Error).message}`);
          }
        }}
      />
    </Field>
  );
}

function EdgeProperties({ edge, doc, placement, readOnly, onDeleteEdge }: Props & { edge: Edge }) {
  const errors = placement.byEdge.get(edge.id) ?? [];
  const name = (id: string) => doc.nodes.find((n) => n.id === id)?.data.activity.name || id;
  return (
    <div className="panel" data-testid="edge-properties">
      <div className="panel-head">
        <h2>Connection</h2>
      </div>
      <p>
        When <strong>{name(edge.source)}</strong> ends with <strong>{edge.sourceHandle}</strong>, <strong>{name(edge.target)}</strong> runs next.
      </p>
      {errors.length ? (
        <ul className="problems">
          {errors.map((e, i) => (
            <li key={i}>⚠ {e}</li>
          ))}
        </ul>
      ) : null}
      {!readOnly ? (
        <Button variant="danger" className="btn-small" onClick={() => onDeleteEdge(edge.id)}>
          Delete connection
        </Button>
      ) : null}
    </div>
  );
}

function WorkflowSettings({ doc, definition, placement, validating, readOnly, isNew, onMeta, onSelect }: Props) {
  const meta = doc.meta;
  const triggers = meta.triggers.length ? meta.triggers : [];
  const setTrigger = (i: number, change: Partial<Trigger>) =>
    onMeta({ triggers: triggers.map((t, j) => (j === i ? { ...t, ...change } : t)) }, `trigger-${i}-${Object.keys(change)[0]}`);
  const allErrors = [
    ...placement.general.map((e) => ({ text: e.message + (e.line ? ` (line ${e.line}, column ${e.column ?? 1})` : ''), activity: undefined as string | undefined, path: e.path })),
    ...[...placement.byActivity.entries()].flatMap(([a, list]) => list.map((text) => ({ text, activity: a, path: undefined }))),
    ...[...placement.byEdge.entries()].flatMap(([edge, list]) => list.map((text) => ({ text: `${edge.replace(':', ' —').replace('->', '→ ')}: ${text}`, activity: edge.split(':')[0], path: undefined }))),
  ];
  return (
    <div className="panel" data-testid="workflow-settings">
      <div className="panel-head">
        <h2>Workflow</h2>
      </div>
      <p className="hint">Select an activity or a connection to edit it.</p>
      <Field label="Id" htmlFor="wf-id" hint={isNew ? 'Lowercase words with dashes; cannot change later.' : undefined}>
        <input
          id="wf-id"
          className="code"
          value={meta.id}
          readOnly={!isNew || readOnly}
          onChange={(e) => onMeta({ id: e.target.value.toLowerCase().replace(/[^a-z0-9-]+/g, '-') }, 'id')}
        />
      </Field>
      <Field label="Name" htmlFor="wf-name">
        <input id="wf-name" value={meta.name} readOnly={readOnly} onChange={(e) => onMeta({ name: e.target.value }, 'name')} />
      </Field>
      <Field label="Description" htmlFor="wf-description">
        <textarea id="wf-description" rows={2} value={meta.description ?? ''} readOnly={readOnly} onChange={(e) => onMeta({ description: e.target.value }, 'description')} />
      </Field>
      <Field label="Start activity" htmlFor="wf-start">
        <select id="wf-start" value={definition.start} disabled={readOnly} onChange={(e) => onMeta({ start: e.target.value })}>
          {doc.nodes.length === 0 ? <option value="">(no activity yet)</option> : null}
          {doc.nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.data.activity.name || n.id}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="triggers">
        <legend>Triggers</legend>
        {triggers.length === 0 ? <p className="hint">Nothing starts this workflow yet.</p> : null}
        {triggers.map((t, i) => (
          <div key={i} className="trigger">
            <Field label={`Trigger ${i + 1}: event`} htmlFor={`trigger-${i}-event`}>
              <select id={`trigger-${i}-event`} value={t.schedule ? `schedule:${t.schedule}` : t.event ?? ''} disabled={readOnly} onChange={(e) => {
                const v = e.target.value;
                if (v.startsWith('schedule:')) setTrigger(i, { schedule: v.slice(9), event: undefined });
                else setTrigger(i, { event: v, schedule: undefined });
              }}>
                <option value="">Choose…</option>
                {EVENT_TYPES.map((ev) => (
                  <option key={ev} value={ev}>
                    {ev}
                  </option>
                ))}
                <option value="schedule:overdue-check">schedule: overdue-check</option>
              </select>
            </Field>
            <ExpressionField
              id={`trigger-${i}-filter`}
              label="Only when (optional filter)"
              value={t.filter ?? ''}
              readOnly={readOnly}
              rows={2}
              placeholder="e.g. event.data.stage == &quot;Deactivate Account&quot;"
              onChange={(v) => setTrigger(i, { filter: v })}
              external={{ errors: (placement.byTrigger.get(i) ?? []).map((e) => ({ line: e.line, column: e.column, message: e.message })), pending: validating }}
            />
            {!readOnly ? (
              <Button className="btn-small btn-ghost" onClick={() => onMeta({ triggers: triggers.filter((_, j) => j !== i) })}>
                Remove trigger
              </Button>
            ) : null}
          </div>
        ))}
        {!readOnly ? (
          <Button className="btn-small" onClick={() => onMeta({ triggers: [...triggers, { event: '' }] })}>
            + Add trigger
          </Button>
        ) : null}
      </fieldset>
      {!readOnly ? (
        <section aria-labelledby="problems-title" className="problem-list">
          <h3 id="problems-title">Problems</h3>
          {validating && allErrors.length === 0 ? <p className="hint">Checking…</p> : null}
          {!validating && allErrors.length === 0 ? <p className="ok-text">✓ No problems.</p> : null}
          <ul className="problems" data-testid="problems">
            {allErrors.map((e, i) => (
              <li key={i}>
                {e.activity ? (
                  <button type="button" className="link-button" onClick={() => onSelect(e.activity!)}>
                    {e.text}
                  </button>
                ) : (
                  <>
                    {e.text} {e.path && e.path !== '$' ? <code className="small">{e.path}</code> : null}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function humanize(name: string): string {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
