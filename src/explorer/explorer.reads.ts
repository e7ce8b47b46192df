// Reads of the explorer: validated arguments → its statements → typed rows. The resolvers
// validate and call these; nothing here parses input.
import type { Evidence } from '../core/evidence.js';
import { LABELS, type Label, type NodeId } from '../core/ids.js';
import type { Db } from '../db/db.js';
import { int } from '../db/values.js';
import {
  edgesAmong,
  graphMeta,
  neighborhoodHop,
  neighborhoodStart,
  pathsUpTo,
  searchNodes,
} from './explorer.cypher.js';
import { assembleNeighborhood, EMPTY_NEIGHBORHOOD } from './neighborhood.js';
import type {
  EdgeRow,
  ExpansionRow,
  MetaRow,
  NeighborhoodRow,
  PathRow,
  SearchHitRow,
} from './rows.js';

/** Keys per label, every label present (the Cypher reads `$param.<Label>`). */
function keysByLabel(ids: readonly NodeId[]): Record<Label, string[]> {
  const keys = Object.fromEntries(LABELS.map((label) => [label, [] as string[]])) as Record<
    Label,
    string[]
  >;
  for (const { label, key } of ids) keys[label].push(key);
  return keys;
}

/** Full-text hits for the Lucene queries built from the user's text (one statement). */
export function readSearch(
  db: Db,
  args: {
    query: string | null;
    queryZh: string | null;
    exact: string;
    labels: readonly string[] | null;
    includeIllustrative: boolean;
    first: number;
  },
): Promise<SearchHitRow[]> {
  return db.read(searchNodes, { ...args, first: int(args.first) });
}

/**
 * A neighbourhood: the start node and its first hop in one statement, the second hop (when
 * `depth` is 2) in another, from the first hop's nodes. What the caller did not select is not
 * read: nodes beyond their id (`bareNodes`), links' properties (`bareEdges`), the degrees of the
 * nodes reached (`neighbourDegrees` false; the start node's is always read).
 */
export async function readNeighborhood(
  db: Db,
  start: NodeId,
  args: {
    depth: 1 | 2;
    types: readonly string[] | null;
    direction: 'OUT' | 'IN' | 'BOTH';
    limitPerType: number;
    includeIllustrative: boolean;
    neighbourDegrees: boolean;
    bareNodes: boolean;
    bareEdges: boolean;
  },
): Promise<NeighborhoodRow> {
  const params = {
    types: args.types,
    direction: args.direction,
    limitPerType: int(args.limitPerType),
    includeIllustrative: args.includeIllustrative,
    bareNodes: args.bareNodes,
    bareEdges: args.bareEdges,
    neighbourDegrees: args.neighbourDegrees,
  };
  const [first] = await db.read(neighborhoodStart.get(start.label)!, {
    ...params,
    key: start.key,
    nextHop: args.depth === 2,
  });
  if (first === undefined) return EMPTY_NEIGHBORHOOD;
  const hops: ExpansionRow[][] = [[...first.links]];
  if (args.depth === 2 && first.links.length > 0) {
    const frontier = [
      ...new Set(first.links.flatMap((link) => (link.nodeElementId ? [link.nodeElementId] : []))),
    ];
    hops.push(await db.read(neighborhoodHop, { ...params, frontier, nextHop: false }));
  }
  return assembleNeighborhood(first, hops, args.limitPerType);
}

/** Every relationship whose two ends are both among `ids` (one statement). */
export function readEdgesAmong(
  db: Db,
  ids: readonly NodeId[],
  includeIllustrative: boolean,
): Promise<EdgeRow[]> {
  return db.read(edgesAmong, { keys: keysByLabel(ids), includeIllustrative });
}

/** The shortest paths from one node to another, up to `maxHops` (one statement). */
export function readPaths(
  db: Db,
  from: NodeId,
  to: NodeId,
  args: {
    maxHops: number;
    types: readonly string[];
    includeIllustrative: boolean;
    evidence: readonly Evidence[] | null;
  },
): Promise<PathRow[]> {
  return db.read(pathsUpTo.get(args.maxHops)!, {
    from: keysByLabel([from]),
    to: keysByLabel([to]),
    types: args.types,
    includeIllustrative: args.includeIllustrative,
    evidence: args.evidence,
  });
}

/** Counts per label and relationship type (one statement). */
export async function readMeta(db: Db): Promise<MetaRow> {
  const [row] = await db.read(graphMeta, {});
  if (row === undefined) throw new Error('graphMeta returned no row');
  return row;
}
