import { useEffect, useMemo, useState } from 'react';
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { api, enc, query, type ActivityType, type WorkflowInstance } from '../api';
import { Link } from '../router';
import { ErrorBox, Loading, StatusBadge, formatDate, formatValue, useLoad } from '../components/ui';
import { ActivityNode, type ActivityFlowNode } from './ActivityNode';
import { needsLayout, takenPath, toGraph, type Definition, type GraphNode } from './graph';
import { layout } from './layout';
import './designer.css';

const nodeTypes = { activity: ActivityNode };

/** A read-only view of a running (or finished) instance: its definition, with the path it took lit from its journal. */
export default function InstancePage({ id }: { id: string }) {
  const instance = useLoad(() => api.get<WorkflowInstance>(`/api/workflow-instances/${enc(id)}`), [id]);
  const definition = useLoad<Definition | null>(
    () =>
      instance.data
        ? api.get<Definition>(`/api/workflows/${enc(instance.data.definitionId)}` + query({ version: instance.data.definitionVersion }))
        : Promise.resolve(null),
    [instance.data?.definitionId, instance.data?.definitionVersion],
  );
  const catalogue = useLoad(() => api.get<ActivityType[]>('/api/workflows/activities'), []);
  const [nodes, setNodes] = useState<ActivityFlowNode[] | null>(null);

  const path = useMemo(
    () => (definition.data && instance.data ? takenPath(definition.data, instance.data.journal ?? []) : null),
    [definition.data, instance.data],
  );

  useEffect(() => {
    if (!definition.data || !catalogue.data || !instance.data || !path) return;
    const graph = toGraph({ ...definition.data, connections: definition.data.connections ?? [] }, catalogue.data);
    const decorate = (list: GraphNode[]) =>
      list.map((n) => ({
        ...n,
        draggable: false,
        data: { ...n.data, visitedSteps: path.steps.get(n.id) ?? [], current: instance.data!.currentActivityId === n.id && instance.data!.status !== 'completed' },
      })) as ActivityFlowNode[];
    if (needsLayout(definition.data)) layout(graph.nodes, graph.edges).then((l) => setNodes(decorate(l)));
    else setNodes(decorate(graph.nodes));
  }, [definition.data, catalogue.data, instance.data, path]);

  const edges: Edge[] = useMemo(
    () =>
      (definition.data?.connections ?? []).map((c) => {
        const id = `${c.from}:${c.outcome}->${c.to}`;
        const taken = path?.edges.has(id) ?? false;
        return {
          id,
          source: c.from,
          sourceHandle: c.outcome,
          target: c.to,
          label: c.outcome,
          type: 'smoothstep',
          animated: taken,
          className: taken ? 'edge-taken' : 'edge-idle',
          markerEnd: { type: MarkerType.ArrowClosed },
        };
      }),
    [definition.data, path],
  );

  const error = instance.error ?? definition.error ?? catalogue.error;
  if (error) {
    return (
      <div className="page">
        <ErrorBox error={error} title="This workflow run cannot be shown" />
      </div>
    );
  }
  if (!instance.data || !nodes) return <Loading what="Loading the workflow run" />;
  const i = instance.data;
  return (
    <div className="designer">
      <header className="designer-bar">
        <div className="designer-title">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/workflows">Workflows</Link> <span aria-hidden="true">›</span>{' '}
            <Link to={`/workflows/${encodeURIComponent(i.definitionId)}?version=${i.definitionVersion}`}>
              {i.definitionId} v{i.definitionVersion}
            </Link>{' '}
            <span aria-hidden="true">›</span> <span aria-current="page">run {i.id.slice(0, 8)}</span>
          </nav>
          <div className="designer-status">
            <StatusBadge status={i.status} />
            {i.customerId ? (
              <span className="small">
                customer <Link to={`/customers/${encodeURIComponent(i.customerId)}`}>{i.customerId}</Link>
              </span>
            ) : null}
            <span className="muted small">started {formatDate(i.createdAt)}</span>
          </div>
        </div>
      </header>
      <div className="designer-body">
        <div className="canvas" data-testid="instance-canvas">
          <ReactFlowProvider>
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable={false}
              deleteKeyCode={null}
              fitView
              fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
              proOptions={{ hideAttribution: true }}
              aria-label="The path this run took"
            >
              <Background gap={20} size={1} />
              <Controls showInteractive={false} />
            </ReactFlow>
          </ReactFlowProvider>
        </div>
        <aside className="properties" aria-label="Journal">
          <div className="panel">
            <div className="panel-head">
              <h2>Journal</h2>
            </div>
            <ol className="journal">
              {(i.journal ?? []).map((j, n) => (
                <li key={n} className={i.currentActivityId === j.activityId && n === i.journal.length - 1 ? 'is-current' : ''}>
                  <div>
                    <strong>
                      {n + 1}. {j.activityId}
                    </strong>{' '}
                    {j.outcome ? <span className="badge badge-muted">{j.outcome}</span> : null}
                  </div>
                  {summaryText(j.summary) ? <div className="small">{summaryText(j.summary)}</div> : null}
                  <div className="muted small">
                    {j.activityType} · {formatDate(j.at)}
                  </div>
                </li>
              ))}
            </ol>
            {i.variables && Object.keys(i.variables).length ? (
              <>
                <h3>Variables</h3>
                <dl className="facts">
                  {Object.entries(i.variables).map(([k, v]) => (
                    <div key={k} className="fact-row">
                      <dt>{k}</dt>
                      <dd>
                        <code>{formatValue(v)}</code>
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : null}
          </div>
        </aside>
      </div>
    </div>
  );
}

/** A journal entry's summary: text, or an object of facts shown as "key: value · key: value". */
function summaryText(summary: unknown): string {
  if (summary === null || summary === undefined) return '';
  if (typeof summary === 'string') return summary;
  if (typeof summary === 'object' && !Array.isArray(summary)) {
    return Object.entries(summary as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(' · ');
  }
  return formatValue(summary);
}
