import type { NodeRow } from '../core/rows.js';
import type {
  DegreeCountRow,
  EdgeRow,
  ExpansionRow,
  NeighborhoodRow,
  NodeDegreeRow,
} from './rows.js';

/** Most nodes one neighbourhood returns; links to further nodes are cut and reported as truncated. */
export const MAX_NEIGHBORHOOD_NODES = 500;
/** Most relationships one neighbourhood returns; further links are cut and reported alike. */
export const MAX_NEIGHBORHOOD_EDGES = 1000;

const idOf = (node: NodeRow) => `${node.label}:${node.key}`;

/**
 * Builds a neighbourhood from the start node and the links of each hop, in order. Nodes and edges
 * are deduplicated by id (a second hop finds the first hop's links again). A type is truncated when
 * a node had more links of it than `limitPerType`, or when a link of it was dropped because the
 * neighbourhood already held `maxNodes` nodes or `maxEdges` relationships.
 */
export function assembleNeighborhood(
  start: { node: NodeRow; degree: readonly DegreeCountRow[] },
  hops: readonly (readonly ExpansionRow[])[],
  limitPerType: number,
  maxNodes = MAX_NEIGHBORHOOD_NODES,
  maxEdges = MAX_NEIGHBORHOOD_EDGES,
): NeighborhoodRow {
  const nodes = new Map<string, NodeRow>([[idOf(start.node), start.node]]);
  const degrees = new Map<string, NodeDegreeRow>([
    [idOf(start.node), { id: idOf(start.node), byType: start.degree }],
  ]);
  const edges = new Map<string, EdgeRow>();
  const truncated = new Set<string>();
  for (const links of hops) {
    for (const link of links) {
      if (link.total > limitPerType) truncated.add(link.type);
      if (!edges.has(link.edge.id) && edges.size >= maxEdges) {
        truncated.add(link.type);
        continue;
      }
      const id = idOf(link.node);
      if (!nodes.has(id)) {
        if (nodes.size >= maxNodes) {
          truncated.add(link.type);
          continue;
        }
        nodes.set(id, link.node);
        degrees.set(id, { id, byType: link.degree });
      }
      edges.set(link.edge.id, link.edge);
    }
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    degrees: [...degrees.values()],
    truncatedTypes: [...truncated].sort(),
  };
}

/** The empty neighbourhood (unknown or hidden start node). */
export const EMPTY_NEIGHBORHOOD: NeighborhoodRow = {
  nodes: [],
  edges: [],
  degrees: [],
  truncatedTypes: [],
};
