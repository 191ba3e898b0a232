// Automatic layout with elkjs (layered, top to bottom), used when a definition has no usable saved positions.
import type { GraphEdge, GraphNode } from './graph';

// elkjs is large (~0.5 MB gzipped): it is loaded on first use, in its own chunk.
type Elk = InstanceType<typeof import('elkjs/lib/elk.bundled.js').default>;
let elk: Promise<Elk> | null = null;
function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return elk;
}

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 112;

export async function layout(nodes: GraphNode[], edges: GraphEdge[]): Promise<GraphNode[]> {
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '50',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const result = await (await loadElk()).layout(graph);
  const placed = new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  return nodes.map((n) => ({ ...n, position: placed.get(n.id) ?? n.position }));
}
