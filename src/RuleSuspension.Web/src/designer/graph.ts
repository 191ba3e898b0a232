// Conversion between a workflow definition (docs/workflows.md) and the designer's graph, and the mapping of
// validation errors onto the nodes and edges they concern. Pure functions: unit-tested with vitest.
import type { ActivityType, WorkflowValidationError } from '../api';

export interface Position {
  x: number;
  y: number;
}

export interface Activity {
  id: string;
  type: string;
  name?: string;
  properties: Record<string, unknown>;
  position?: Position;
}

export interface Connection {
  from: string;
  outcome: string;
  to: string;
}

export interface Trigger {
  event?: string;
  filter?: string;
  schedule?: string;
}

export interface Variable {
  name: string;
  type: string;
  default?: unknown;
}

export interface Definition {
  id: string;
  version?: number;
  name: string;
  description?: string;
  start: string;
  triggers: Trigger[];
  variables: Variable[];
  activities: Activity[];
  connections: Connection[];
  status?: string;
}

/** The parts of a definition that are not the graph. */
export type DefinitionMeta = Omit<Definition, 'activities' | 'connections'>;

export interface ActivityNodeData extends Record<string, unknown> {
  activity: Activity;
  descriptor?: ActivityType;
  outcomes: string[];
  isStart: boolean;
  errors: string[];
  /** For the read-only view of an instance: visited (with its step numbers) and current. */
  visitedSteps?: number[];
  current?: boolean;
}

export interface GraphNode {
  id: string;
  type: 'activity';
  position: Position;
  data: ActivityNodeData;
  selected?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle?: string | null;
  label?: string;
  data?: { errors: string[]; taken?: boolean };
  selected?: boolean;
  className?: string;
}

export function edgeId(c: Connection): string {
  return `${c.from}:${c.outcome}->${c.to}`;
}

/** The outcomes one activity can end with: the type's, or a HumanTask's own `outcomes` property. */
export function outcomesOf(activity: Activity, descriptor?: ActivityType): string[] {
  if (activity.type === 'HumanTask' && Array.isArray(activity.properties.outcomes)) {
    const own = (activity.properties.outcomes as unknown[]).filter((o): o is string => typeof o === 'string' && o.trim() !== '');
    if (own.length) return own;
  }
  return descriptor?.outcomes ?? [];
}

export function emptyDefinition(id = '', name = ''): Definition {
  return { id, name, description: '', start: '', triggers: [], variables: [], activities: [], connections: [] };
}

export function metaOf(def: Definition): DefinitionMeta {
  const { activities: _a, connections: _c, ...meta } = def;
  void _a;
  void _c;
  return meta;
}

export function toGraph(def: Definition, catalogue: ActivityType[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const byType = new Map(catalogue.map((d) => [d.type, d]));
  const nodes: GraphNode[] = def.activities.map((a, i) => {
    const descriptor = byType.get(a.type);
    return {
      id: a.id,
      type: 'activity',
      position: a.position ? { x: a.position.x, y: a.position.y } : { x: 0, y: i * 140 },
      data: { activity: { ...a, properties: { ...(a.properties ?? {}) } }, descriptor, outcomes: outcomesOf(a, descriptor), isStart: def.start === a.id, errors: [] },
    };
  });
  const edges: GraphEdge[] = def.connections.map((c) => ({
    id: edgeId(c),
    source: c.from,
    sourceHandle: c.outcome,
    target: c.to,
    label: c.outcome,
    data: { errors: [] },
  }));
  return { nodes, edges };
}

/** Rebuilds the definition from the graph: positions come from the canvas, rounded. */
export function fromGraph(meta: DefinitionMeta, nodes: GraphNode[], edges: GraphEdge[]): Definition {
  const ids = new Set(nodes.map((n) => n.id));
  const activities: Activity[] = nodes.map((n) => {
    const a = n.data.activity;
    const activity: Activity = { id: n.id, type: a.type, properties: cleanProperties(a.properties) };
    if (a.name && a.name.trim()) activity.name = a.name.trim();
    activity.position = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    return activity;
  });
  const connections: Connection[] = edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ from: e.source, outcome: e.sourceHandle, to: e.target }));
  let start = meta.start;
  if (!start || !ids.has(start)) start = guessStart(activities, connections);
  const definition: Definition = {
    id: meta.id,
    name: meta.name,
    start,
    triggers: meta.triggers.map(cleanTrigger).filter((t) => t.event || t.schedule || t.filter),
    variables: meta.variables ?? [],
    activities,
    connections,
  };
  if (meta.description && meta.description.trim()) definition.description = meta.description;
  return definition;
}

function cleanTrigger(t: Trigger): Trigger {
  const out: Trigger = {};
  if (t.event) out.event = t.event;
  if (t.filter && t.filter.trim()) out.filter = t.filter;
  if (t.schedule) out.schedule = t.schedule;
  return out;
}

/** Empty strings and empty lists are left out, so that defaults apply. */
export function cleanProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = v;
  }
  return out;
}

/** The first activity that nothing leads to (in canvas order), or the first activity. */
export function guessStart(activities: Activity[], connections: Connection[]): string {
  const targets = new Set(connections.map((c) => c.to));
  return (activities.find((a) => !targets.has(a.id)) ?? activities[0])?.id ?? '';
}

/** A new id for an activity of a type: "suspend-customer", "suspend-customer-2", ... */
export function newActivityId(type: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  const base = type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** True when the saved positions cannot be used (none, or all on one spot): the designer lays the graph out. */
export function needsLayout(def: Definition): boolean {
  if (def.activities.length < 2) return def.activities.length === 1 && !def.activities[0].position;
  if (def.activities.some((a) => !a.position)) return true;
  const first = def.activities[0].position!;
  return def.activities.every((a) => a.position!.x === first.x && a.position!.y === first.y);
}

export interface ErrorPlacement {
  byActivity: Map<string, string[]>;
  byEdge: Map<string, string[]>;
  /** Errors of the workflow as a whole (name, triggers, start ...). */
  general: WorkflowValidationError[];
  /** Errors of one property of one activity, by "activityId/property", with line and column. */
  byProperty: Map<string, WorkflowValidationError[]>;
  /** Errors of a trigger's filter, by index. */
  byTrigger: Map<number, WorkflowValidationError[]>;
}

const CONNECTION_TEXT = /^\s*(\S+)\s+--(.+?)-->\s+(\S+)\s*$/;

/** Puts each validation error on the node or edge it concerns (by activityId, connection, or JSON path). */
export function placeErrors(def: Definition, errors: WorkflowValidationError[]): ErrorPlacement {
  const placement: ErrorPlacement = { byActivity: new Map(), byEdge: new Map(), general: [], byProperty: new Map(), byTrigger: new Map() };
  const push = <K>(map: Map<K, string[]>, key: K, message: string) => map.set(key, [...(map.get(key) ?? []), message]);
  for (const error of errors) {
    const message = error.line ? `${error.message} (line ${error.line}, column ${error.column ?? 1})` : error.message;
    const path = error.path ?? '';
    const connection = connectionOf(def, error.connection, path);
    if (connection) {
      push(placement.byEdge, edgeId(connection), message);
      continue;
    }
    let activityId = error.activityId ?? undefined;
    const activityMatch = /^\$\.activities\[(\d+)\](.*)$/.exec(path);
    if (!activityId && activityMatch) activityId = def.activities[Number(activityMatch[1])]?.id;
    if (activityId && def.activities.some((a) => a.id === activityId)) {
      push(placement.byActivity, activityId, message);
      const property = /\.properties\.([A-Za-z0-9_]+)/.exec(path)?.[1] ?? /\.properties\['([^']+)'\]/.exec(path)?.[1];
      if (property) {
        const key = `${activityId}/${property}`;
        placement.byProperty.set(key, [...(placement.byProperty.get(key) ?? []), error]);
      }
      continue;
    }
    const trigger = /^\$\.triggers\[(\d+)\]/.exec(path);
    if (trigger) placement.byTrigger.set(Number(trigger[1]), [...(placement.byTrigger.get(Number(trigger[1])) ?? []), error]);
    placement.general.push(error);
  }
  return placement;
}

function connectionOf(def: Definition, connection: unknown, path: string): Connection | undefined {
  if (connection && typeof connection === 'object') {
    const c = connection as Partial<Connection>;
    if (c.from && c.outcome && c.to) return { from: c.from, outcome: c.outcome, to: c.to };
  }
  if (typeof connection === 'string') {
    const m = CONNECTION_TEXT.exec(connection);
    if (m) return { from: m[1], outcome: m[2], to: m[3] };
  }
  if (typeof connection === 'number') return def.connections[connection];
  const m = /^\$\.connections\[(\d+)\]/.exec(path);
  if (m) return def.connections[Number(m[1])];
  return undefined;
}

/** The edges an instance took, from its journal: activity A ended with outcome O, and the next entry is B. */
export function takenPath(
  def: Definition,
  journal: Array<{ activityId: string; outcome?: string | null }>,
): { steps: Map<string, number[]>; edges: Set<string> } {
  const steps = new Map<string, number[]>();
  const edges = new Set<string>();
  journal.forEach((entry, i) => {
    steps.set(entry.activityId, [...(steps.get(entry.activityId) ?? []), i + 1]);
    const next = journal[i + 1];
    if (entry.outcome) {
      const c = def.connections.find((x) => x.from === entry.activityId && x.outcome === entry.outcome && (!next || x.to === next.activityId));
      if (c) edges.add(edgeId(c));
    } else if (next) {
      const c = def.connections.find((x) => x.from === entry.activityId && x.to === next.activityId);
      if (c) edges.add(edgeId(c));
    }
  });
  return { steps, edges };
}
