import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection as FlowConnection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { api, enc, query, type ActivityType, type RuleSetSummary, type WorkflowValidationError, type WorkflowVersion } from '../api';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Button, Dialog, ErrorBox, Loading, PermissionNote, StatusBadge, formatDate, useLoad, useToast } from '../components/ui';
import { ActivityNode, type ActivityFlowNode } from './ActivityNode';
import {
  edgeId,
  emptyDefinition,
  fromGraph,
  metaOf,
  needsLayout,
  newActivityId,
  outcomesOf,
  placeErrors,
  toGraph,
  type Definition,
  type DefinitionMeta,
  type GraphEdge,
  type GraphNode,
} from './graph';
import { layout } from './layout';
import { PropertiesPanel } from './PropertiesPanel';
import './designer.css';

const nodeTypes = { activity: ActivityNode };
const DRAG_TYPE = 'application/x-rulesuspension-activity';

interface Doc {
  meta: DefinitionMeta;
  nodes: ActivityFlowNode[];
  edges: Edge[];
}

interface Validation {
  valid: boolean;
  errors: WorkflowValidationError[];
  /** The definition text that was validated; stale results are shown until the next arrives. */
  of: string;
}

export default function DesignerPage({ id }: { id: string | null }) {
  return (
    <ReactFlowProvider>
      <Designer id={id} />
    </ReactFlowProvider>
  );
}

function Designer({ id }: { id: string | null }) {
  const session = useSession();
  const toast = useToast();
  const { search } = useLocation();
  const versionParam = search.get('version');
  const mayEdit = session.can('editWorkflows');
  const catalogue = useLoad(() => api.get<ActivityType[]>('/api/workflows/activities'), []);
  const ruleSets = useLoad(() => api.get<RuleSetSummary[]>('/api/rulesets').catch(() => []), []);
  const loaded = useLoad<Definition>(
    () => (id ? api.get<Definition>(`/api/workflows/${enc(id)}` + query({ version: versionParam })) : Promise.resolve(emptyDefinition())),
    [id, versionParam],
  );
  const versions = useLoad<WorkflowVersion[]>(() => (id ? api.get<WorkflowVersion[]>(`/api/workflows/${enc(id)}/versions`) : Promise.resolve([])), [id]);

  const [doc, setDoc] = useState<Doc | null>(null);
  const [savedText, setSavedText] = useState('');
  const past = useRef<Doc[]>([]);
  const future = useRef<Doc[]>([]);
  const lastCoalesce = useRef<{ key: string; at: number } | null>(null);
  const [, forceRender] = useState(0);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [validating, setValidating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const [layingOut, setLayingOut] = useState(false);
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);

  const latestVersion = versions.data?.reduce((m, v) => Math.max(m, v.version), 0) ?? 0;
  const viewingOld = versionParam !== null && Number(versionParam) !== latestVersion && latestVersion > 0;
  const readOnly = !mayEdit.allowed || viewingOld;

  // Build the graph once the definition and the catalogue are there; lay it out when positions are unusable.
  useEffect(() => {
    if (!loaded.data || !catalogue.data) return;
    const definition = normalise(loaded.data);
    const graph = toGraph(definition, catalogue.data);
    const meta = metaOf(definition);
    const apply = (nodes: GraphNode[]) => {
      const next: Doc = { meta, nodes: nodes as ActivityFlowNode[], edges: graph.edges.map(styleEdge) };
      setDoc(next);
      setSavedText(id ? textOf(next) : '');
      past.current = [];
      future.current = [];
      requestAnimationFrame(() => flow.fitView({ padding: 0.2, maxZoom: 1 }));
    };
    if (needsLayout(definition)) layout(graph.nodes, graph.edges).then(apply, () => apply(graph.nodes));
    else apply(graph.nodes);
  }, [loaded.data, catalogue.data, id, flow]);

  const definition = useMemo(() => (doc ? fromGraph(doc.meta, doc.nodes as unknown as GraphNode[], doc.edges as unknown as GraphEdge[]) : null), [doc]);
  const definitionText = useMemo(() => (definition ? JSON.stringify(definition) : ''), [definition]);
  const dirty = !!doc && definitionText !== '' && textOfDefinition(definitionText) !== savedText;

  // Live validation by the server, debounced.
  useEffect(() => {
    if (!definition || readOnly) return;
    setValidating(true);
    const t = setTimeout(() => {
      api.post<{ valid: boolean; errors: WorkflowValidationError[] }>('/api/workflows/validate', definition).then(
        (r) => {
          setValidation({ valid: r.valid, errors: r.errors ?? [], of: definitionText });
          setValidating(false);
        },
        (e) => {
          setValidating(false);
          setActionError(e);
        },
      );
    }, 500);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [definitionText, readOnly]);

  const placement = useMemo(() => placeErrors(definition ?? emptyDefinition(), validation?.errors ?? []), [definition, validation]);

  // ---- changes with undo ----

  /** Applies a change and records the state before it for undo. Changes with the same key within `window` ms are one step. */
  const commit = useCallback((change: (d: Doc) => Doc, coalesceKey?: string, window = 1500) => {
    setDoc((current) => {
      if (!current) return current;
      const now = Date.now();
      const coalesce = coalesceKey && lastCoalesce.current?.key === coalesceKey && now - lastCoalesce.current.at < window;
      if (!coalesce) {
        past.current = [...past.current.slice(-99), current];
        future.current = [];
      }
      lastCoalesce.current = coalesceKey ? { key: coalesceKey, at: now } : null;
      return change(current);
    });
    forceRender((n) => n + 1);
  }, []);

  const undo = useCallback(() => {
    setDoc((current) => {
      const previous = past.current.pop();
      if (!current || !previous) return current;
      future.current.push(current);
      lastCoalesce.current = null;
      return previous;
    });
    forceRender((n) => n + 1);
  }, []);

  const redo = useCallback(() => {
    setDoc((current) => {
      const next = future.current.pop();
      if (!current || !next) return current;
      past.current.push(current);
      lastCoalesce.current = null;
      return next;
    });
    forceRender((n) => n + 1);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) return;
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (!readOnly) undo();
      } else if (mod && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y')) {
        e.preventDefault();
        if (!readOnly) redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, readOnly]);

  const dragging = useRef(false);
  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => {
      const structural = changes.some((c) => c.type === 'remove' || c.type === 'add');
      const dragStart = changes.some((c) => c.type === 'position' && c.dragging && !dragging.current);
      if (changes.some((c) => c.type === 'position')) dragging.current = changes.some((c) => c.type === 'position' && c.dragging);
      if (structural || dragStart) {
        // A deleted node's edges are removed in a separate change a moment later: one undo step for both.
        commit((d) => ({ ...d, nodes: applyNodeChanges(changes, d.nodes) }), structural ? 'delete' : undefined, 100);
      } else {
        setDoc((d) => (d ? { ...d, nodes: applyNodeChanges(changes, d.nodes) } : d));
      }
    },
    [commit],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      if (changes.some((c) => c.type === 'remove')) commit((d) => ({ ...d, edges: applyEdgeChanges(changes, d.edges) }), 'delete', 100);
      else setDoc((d) => (d ? { ...d, edges: applyEdgeChanges(changes, d.edges) } : d));
    },
    [commit],
  );

  const connect = useCallback(
    (from: string, outcome: string, to: string | null) => {
      commit((d) => {
        const edges = d.edges.filter((e) => !(e.source === from && e.sourceHandle === outcome));
        if (to) edges.push(styleEdge({ id: edgeId({ from, outcome, to }), source: from, sourceHandle: outcome, target: to, label: outcome, data: { errors: [] } }));
        return { ...d, edges };
      });
    },
    [commit],
  );

  const onConnect = useCallback(
    (c: FlowConnection) => {
      if (c.source && c.target && c.sourceHandle) connect(c.source, c.sourceHandle, c.target);
    },
    [connect],
  );

  const addActivity = useCallback(
    (type: string, position?: { x: number; y: number }) => {
      if (!catalogue.data) return;
      const descriptor = catalogue.data.find((d) => d.type === type);
      commit((d) => {
        const newId = newActivityId(type, d.nodes.map((n) => n.id));
        let at = position;
        if (!at) {
          const box = wrapper.current?.getBoundingClientRect();
          const center = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 3 }) : { x: 0, y: 0 };
          // Where the user looks, moved down past any activity already there.
          at = { x: center.x - 120, y: center.y - 40 };
          const overlaps = (p: { x: number; y: number }) => d.nodes.some((n) => Math.abs(n.position.x - p.x) < 250 && Math.abs(n.position.y - p.y) < 160);
          for (let i = 0; i < 40 && overlaps(at); i++) at = { x: at.x, y: at.y + 170 };
        }
        const properties: Record<string, unknown> = {};
        for (const p of descriptor?.properties ?? []) if (p.required && p.default !== undefined && p.default !== null) properties[p.name] = p.default;
        const activity = { id: newId, type, name: '', properties };
        const node: ActivityFlowNode = {
          id: newId,
          type: 'activity',
          position: at,
          selected: true,
          data: { activity, descriptor, outcomes: outcomesOf(activity, descriptor), isStart: false, errors: [] },
        };
        return {
          ...d,
          meta: d.meta.start ? d.meta : { ...d.meta, start: newId },
          nodes: [...d.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
          edges: d.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        };
      });
    },
    [catalogue.data, commit, flow],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_TYPE);
      if (!type || readOnly) return;
      e.preventDefault();
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addActivity(type, { x: at.x - 120, y: at.y - 30 });
    },
    [addActivity, flow, readOnly],
  );

  const autoLayout = useCallback(async () => {
    if (!doc) return;
    setLayingOut(true);
    const nodes = await layout(doc.nodes as unknown as GraphNode[], doc.edges as unknown as GraphEdge[]).finally(() => setLayingOut(false));
    commit((d) => ({ ...d, nodes: d.nodes.map((n) => ({ ...n, position: nodes.find((x) => x.id === n.id)?.position ?? n.position })) }));
    requestAnimationFrame(() => flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 }));
  }, [doc, commit, flow]);

  // ---- save / publish ----

  async function save(): Promise<boolean> {
    if (!definition) return false;
    if (!definition.id.trim()) {
      setActionError(new Error('Give the workflow an id (in the workflow settings) before saving.'));
      return false;
    }
    setSaving(true);
    setActionError(null);
    try {
      const answer = await api.put<Record<string, unknown>>(`/api/workflows/${enc(definition.id)}`, definition);
      const v = answer?.validation as { valid?: boolean; errors?: WorkflowValidationError[] } | undefined;
      if (v) setValidation({ valid: !!v.valid, errors: v.errors ?? [], of: definitionText });
      setSavedText(textOfDefinition(definitionText));
      toast(`Draft saved${typeof answer?.version === 'number' ? ` as version ${answer.version}` : ''}.`);
      if (!id) {
        navigate(`/workflows/${encodeURIComponent(definition.id)}`, true);
      } else {
        versions.reload();
        if (versionParam) navigate(`/workflows/${encodeURIComponent(definition.id)}`, true);
      }
      return true;
    } catch (e) {
      setActionError(e);
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function publish() {
    if (!definition) return;
    setConfirmPublish(false);
    if (dirty && !(await save())) return;
    setSaving(true);
    try {
      const answer = await api.post<Record<string, unknown>>(`/api/workflows/${enc(definition.id)}/publish`, {});
      toast(`Published${typeof answer?.version === 'number' ? ` version ${answer.version}` : ''}. New events start this version.`);
      versions.reload();
      loaded.reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setSaving(false);
    }
  }

  if (catalogue.error || loaded.error) {
    return (
      <div className="page">
        <Breadcrumb name={id ?? 'New workflow'} />
        <ErrorBox error={catalogue.error ?? loaded.error} title="The designer cannot open this workflow" />
      </div>
    );
  }
  if (!doc || !catalogue.data || !definition) return <Loading what="Opening the designer" />;

  const current = validation && validation.of === definitionText ? validation : null;
  const problemCount = validation?.errors.length ?? 0;
  const status = (loaded.data?.status as string | undefined) ?? (id ? 'draft' : 'new');
  const selectedNode = doc.nodes.find((n) => n.selected);
  const selectedEdge = selectedNode ? undefined : doc.edges.find((e) => e.selected);
  const displayNodes = doc.nodes.map((n) => {
    const errors = placement.byActivity.get(n.id) ?? [];
    const isStart = definition.start === n.id;
    if (n.data.errors === errors && n.data.isStart === isStart) return n;
    if (sameList(n.data.errors, errors) && n.data.isStart === isStart) return n;
    return { ...n, data: { ...n.data, errors, isStart } };
  });
  const displayEdges = doc.edges.map((e) => {
    const errors = placement.byEdge.get(e.id) ?? [];
    return errors.length ? { ...e, className: 'edge-error', label: `⚠ ${e.sourceHandle}`, ariaLabel: `${e.source} ${e.sourceHandle} to ${e.target}: ${errors.join('; ')}` } : e;
  });
  const publishBlocked = !current ? 'Wait for the check to finish.' : !current.valid ? `Fix the ${problemCount} problem${problemCount === 1 ? '' : 's'} first.` : '';

  return (
    <div className="designer">
      <header className="designer-bar">
        <div className="designer-title">
          <Breadcrumb name={definition.name || definition.id || 'New workflow'} />
          <div className="designer-status">
            <StatusBadge status={viewingOld ? `version ${versionParam}` : status} />
            {loaded.data?.version ? <span className="muted small">v{loaded.data.version}</span> : null}
            {dirty ? <span className="badge badge-warn">unsaved changes</span> : null}
            {!readOnly ? (
              <span className={`check-state ${validating ? 'pending' : current?.valid ? 'ok' : problemCount ? 'bad' : ''}`} role="status" data-testid="validation-state">
                {validating || !current ? 'Checking…' : current.valid ? '✓ Valid' : `⚠ ${problemCount} problem${problemCount === 1 ? '' : 's'}`}
              </span>
            ) : null}
          </div>
        </div>
        <div className="designer-actions">
          <Button className="btn-small" onClick={undo} disabled={readOnly || past.current.length === 0} title="Undo (Ctrl+Z)">
            ↶ Undo
          </Button>
          <Button className="btn-small" onClick={redo} disabled={readOnly || future.current.length === 0} title="Redo (Ctrl+Shift+Z)">
            ↷ Redo
          </Button>
          <Button className="btn-small" onClick={() => void autoLayout()} disabled={readOnly} busy={layingOut}>
            Auto layout
          </Button>
          {id ? (
            <Button className="btn-small" onClick={() => setShowVersions(true)}>
              History
            </Button>
          ) : null}
          <Button className="btn-small" permission={mayEdit} disabled={viewingOld || layingOut || (!dirty && !!id)} busy={saving} onClick={() => void save()}>
            Save draft
          </Button>
          <Button
            variant="primary"
            className="btn-small"
            permission={mayEdit}
            disabled={viewingOld || !!publishBlocked || saving || layingOut}
            title={publishBlocked || undefined}
            onClick={() => setConfirmPublish(true)}
          >
            Publish…
          </Button>
        </div>
      </header>
      {viewingOld ? (
        <div className="banner">
          You are looking at version {versionParam}. <Link to={`/workflows/${encodeURIComponent(definition.id)}`}>Open the latest version</Link> to edit.
        </div>
      ) : null}
      {!mayEdit.allowed ? (
        <div className="banner">
          <PermissionNote permission={mayEdit} />
        </div>
      ) : null}
      {actionError ? (
        <div className="designer-error">
          <ErrorBox error={actionError} />
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setActionError(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="designer-body">
        {!readOnly ? <Palette catalogue={catalogue.data} onAdd={(t) => addActivity(t)} /> : null}
        <div className="canvas" ref={wrapper} onDragOver={(e) => { if (e.dataTransfer.types.includes(DRAG_TYPE)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } }} onDrop={onDrop}>
          <ReactFlow
            nodes={displayNodes}
            edges={displayEdges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            elementsSelectable
            deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
            defaultEdgeOptions={{ markerEnd: { type: MarkerType.ArrowClosed }, type: 'smoothstep' }}
            fitView
            minZoom={0.2}
            maxZoom={1.5}
            proOptions={{ hideAttribution: true }}
            aria-label="Workflow canvas"
          >
            <Background gap={20} size={1} />
            <Controls showInteractive={false} />
            <MiniMap pannable zoomable ariaLabel="Overview" />
          </ReactFlow>
          {doc.nodes.length === 0 ? (
            <div className="canvas-empty">
              <strong>An empty workflow.</strong>
              <span>Drag an activity from the palette, or select it and press Enter. Set the trigger in the workflow settings on the right.</span>
            </div>
          ) : null}
        </div>
        <PropertiesPanel
          doc={doc}
          definition={definition}
          catalogue={catalogue.data}
          ruleSets={ruleSets.data ?? []}
          placement={placement}
          validating={validating}
          readOnly={readOnly}
          isNew={!id}
          selectedNode={selectedNode}
          selectedEdge={selectedEdge}
          onMeta={(change, key) => commit((d) => ({ ...d, meta: { ...d.meta, ...change } }), key)}
          onActivity={(nodeId, change, key) =>
            commit(
              (d) => ({
                ...d,
                nodes: d.nodes.map((n) => {
                  if (n.id !== nodeId) return n;
                  const activity = { ...n.data.activity, ...change, properties: { ...n.data.activity.properties, ...(change.properties ?? {}) } };
                  const outcomes = outcomesOf(activity, n.data.descriptor);
                  return { ...n, data: { ...n.data, activity, outcomes } };
                }),
                edges:
                  change.properties && 'outcomes' in change.properties
                    ? d.edges.filter((e) => {
                        if (e.source !== nodeId) return true;
                        const node = d.nodes.find((n) => n.id === nodeId)!;
                        const activity = { ...node.data.activity, properties: { ...node.data.activity.properties, ...change.properties } };
                        return outcomesOf(activity, node.data.descriptor).includes(e.sourceHandle ?? '');
                      })
                    : d.edges,
              }),
              key,
            )
          }
          onConnect={connect}
          onDeleteNode={(nodeId) =>
            commit((d) => ({
              ...d,
              meta: d.meta.start === nodeId ? { ...d.meta, start: '' } : d.meta,
              nodes: d.nodes.filter((n) => n.id !== nodeId),
              edges: d.edges.filter((e) => e.source !== nodeId && e.target !== nodeId),
            }))
          }
          onDeleteEdge={(edge) => commit((d) => ({ ...d, edges: d.edges.filter((e) => e.id !== edge) }))}
          onSelect={(nodeId) => {
            setDoc((d) => (d ? { ...d, nodes: d.nodes.map((n) => ({ ...n, selected: n.id === nodeId })), edges: d.edges.map((e) => ({ ...e, selected: false })) } : d));
            const node = doc.nodes.find((n) => n.id === nodeId);
            if (node) flow.setCenter(node.position.x + 120, node.position.y + 48, { zoom: Math.max(flow.getZoom(), 0.8), duration: 200 });
          }}
        />
      </div>

      <Dialog
        open={confirmPublish}
        title="Publish this workflow?"
        onClose={() => setConfirmPublish(false)}
        footer={
          <>
            <Button onClick={() => setConfirmPublish(false)}>Cancel</Button>
            <Button variant="primary" onClick={() => void publish()}>
              Publish
            </Button>
          </>
        }
      >
        <p>
          {dirty ? 'Your changes are saved as the draft, then the draft is published. ' : 'The draft is published. '}
          Events that arrive from now on start this version; running instances stay on the version they started with.
        </p>
      </Dialog>

      <Dialog open={showVersions} title="Version history" onClose={() => setShowVersions(false)}>
        {versions.error ? <ErrorBox error={versions.error} /> : null}
        {versions.data ? (
          <table className="table" data-testid="workflow-versions">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Saved</th>
                <th scope="col">Published</th>
                <th scope="col">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...versions.data].sort((a, b) => b.version - a.version).map((v) => (
                <tr key={v.version}>
                  <td>v{v.version}</td>
                  <td>
                    <StatusBadge status={v.status} />
                  </td>
                  <td>{formatDate(v.createdAt)}</td>
                  <td>{formatDate(v.publishedAt)}</td>
                  <td>
                    <Link
                      to={`/workflows/${encodeURIComponent(definition.id)}${v.version === latestVersion ? '' : `?version=${v.version}`}`}
                      onClick={() => setShowVersions(false)}
                    >
                      Open
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Loading />
        )}
      </Dialog>
    </div>
  );
}

function Breadcrumb({ name }: { name: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to="/workflows">Workflows</Link> <span aria-hidden="true">›</span> <span aria-current="page">{name}</span>
    </nav>
  );
}

function Palette({ catalogue, onAdd }: { catalogue: ActivityType[]; onAdd: (type: string) => void }) {
  const groups = useMemo(() => {
    const map = new Map<string, ActivityType[]>();
    for (const a of catalogue) map.set(a.category ?? 'Other', [...(map.get(a.category ?? 'Other') ?? []), a]);
    return [...map.entries()];
  }, [catalogue]);
  return (
    <aside className="palette" aria-label="Activities">
      <h2>Activities</h2>
      <p className="hint">Drag onto the canvas, or press Enter to add.</p>
      {groups.map(([category, items]) => (
        <div key={category} className="palette-group">
          <h3>{category}</h3>
          {items.map((a) => (
            <button
              key={a.type}
              type="button"
              className={`palette-item cat-${category.toLowerCase()}`}
              draggable
              data-activity-type={a.type}
              title={a.description}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, a.type);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => onAdd(a.type)}
            >
              <span className="palette-name">{a.displayName ?? a.type}</span>
            </button>
          ))}
        </div>
      ))}
    </aside>
  );
}

function styleEdge<T extends Edge | GraphEdge>(e: T): Edge {
  return { ...(e as Edge), type: 'smoothstep', markerEnd: { type: MarkerType.ArrowClosed }, label: e.sourceHandle ?? undefined, labelBgPadding: [4, 2], labelBgBorderRadius: 4 };
}

function normalise(d: Definition): Definition {
  return {
    ...emptyDefinition(),
    ...d,
    triggers: d.triggers ?? [],
    variables: d.variables ?? [],
    activities: (d.activities ?? []).map((a) => ({ ...a, properties: a.properties ?? {} })),
    connections: d.connections ?? [],
  };
}

/** What counts for "unsaved changes": the definition without positions rounding noise. */
function textOf(doc: Doc): string {
  return textOfDefinition(JSON.stringify(fromGraph(doc.meta, doc.nodes as unknown as GraphNode[], doc.edges as unknown as GraphEdge[])));
}

function textOfDefinition(text: string): string {
  return text;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
