import { LABELS, REL_TYPES, relTypesOf, type Label, type RelType } from '../core/ids.js';
import { trustedCypher, type Cypher } from '../db/cypher.js';
import { nodeProjection, realLink } from '../db/fragments.js';
import type { Int } from '../db/values.js';
import type { EdgeRow, ExpansionRow, MetaRow, PathRow, SearchHitRow, StartRow } from './rows.js';

/** The relationship types `relationshipTypes` arguments are checked against. */
export const RELATIONSHIP_TYPES = REL_TYPES;

/** Longest path `Query.paths` looks for. */
export const MAX_HOPS = 6;

// Fragments of Cypher text, combined at module load from closed lists only; input never reaches them.
const node = (v: string) => nodeProjection(v);
const idOf = (v: string) => `labels(${v})[0] + ':' + ${v}.key`;
const edge = (r: string, props = `properties(${r})`) =>
  `{id: elementId(${r}), type: type(${r}), source: ${idOf(`startNode(${r})`)}, target: ${idOf(`endNode(${r})`)}, props: ${props}}`;
const visible = (r: string, m: string) => `($includeIllustrative OR (${realLink(r, m)}))`;
// Every relationship type, sorted: the order a neighbourhood lists its links in.
const SORTED_TYPES = [...REL_TYPES].sort();
// A node's whole degree by type and direction (not limited to the types asked for), as the loader
// stored it (src/records/write.ts): with every relationship, or in real-data mode.
const storedDegree = (v: string, mode: 'all' | 'real') =>
  `[i IN range(0, size(${v}.${mode}DegreeTypes) - 1) |
      {type: ${v}.${mode}DegreeTypes[i], direction: ${v}.${mode}DegreeDirections[i], count: ${v}.${mode}DegreeCounts[i]}]`;
const degree = (v: string) =>
  `CASE WHEN $includeIllustrative THEN ${storedDegree(v, 'all')} ELSE ${storedDegree(v, 'real')} END`;
// What a caller did not select is not read: `$bareNodes` projects a node as its id only,
// `$bareEdges` a link without its properties, `$neighbourDegrees` false skips the degree of every
// node reached (the expanding node's is always read: it gives each type's total), and
// `$nextHop` false leaves out the element id of each node reached, which only a next hop reads.
const projectedNode = (v: string) =>
  `CASE WHEN $bareNodes THEN {label: labels(${v})[0], key: ${v}.key} ELSE ${nodeProjection(v)} END`;
const expandedEdge = (r: string) =>
  edge(r, `CASE WHEN $bareEdges THEN {} ELSE properties(${r}) END`);
// The first `$limitPerType` links of one type, in (label, key) order: a top-k per type, so a hub's
// thousands of links are filtered and ranked but never collected.
const firstOfType = (n: string, type: string) => `
      MATCH (${n})-[r:${type}]-(m)
      WHERE ($types IS NULL OR '${type}' IN $types)
        AND ($direction = 'BOTH' OR ($direction = 'OUT' AND startNode(r) = ${n}) OR ($direction = 'IN' AND endNode(r) = ${n}))
        AND ${visible('r', 'm')}
      WITH r, m ORDER BY labels(m)[0], m.key, elementId(r) LIMIT $limitPerType
      RETURN r, m`;
// Binds `link`, one row per link of one hop from `n`, whose degree is `nDegree`: per relationship
// type of `types` (sorted), its total (from the degree, in the direction asked) and its first
// links, each with the node reached (and its degree when `$neighbourDegrees`). Direction is a
// parameter compared with the stored direction, so one statement serves OUT, IN and BOTH.
const expand = (n: string, types: readonly RelType[]) => `
  CALL (${n}) {${types.map((type) => firstOfType(n, type)).join('\n      UNION ALL')}
  }
  WITH nDegree, r, m, type(r) AS type
  WITH {type: type,
          total: reduce(t = 0, x IN nDegree | t + CASE WHEN x.type = type AND ($direction = 'BOTH' OR x.direction = $direction) THEN x.count ELSE 0 END),
          edge: ${expandedEdge('r')}, node: ${projectedNode('m')}, nodeElementId: CASE WHEN $nextHop THEN elementId(m) END,
          degree: CASE WHEN $neighbourDegrees THEN ${degree('m')} ELSE [] END} AS link`;

/** What a neighbourhood statement reads and returns (see `expand`). */
export type ExpandParams = {
  types: readonly string[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  limitPerType: Int;
  includeIllustrative: boolean;
  bareNodes: boolean;
  bareEdges: boolean;
  neighbourDegrees: boolean;
  nextHop: boolean;
};

/**
 * First hop of a neighbourhood, one statement per label (the start is found by label and key):
 * the start node, its degree and its links in (type, label, key) order. Only the types that can
 * meet the label are looked at (relTypesOf): an entity's statement has 7 branches, not 16, and a
 * branch costs Neo4j its expand and top-k even when it finds nothing (lab, 1× hubs: a quarter
 * of the statement's CPU).
 */
export const neighborhoodStart: ReadonlyMap<
  Label,
  Cypher<ExpandParams & { key: string }, StartRow>
> = new Map(
  LABELS.map((label) => [
    label,
    trustedCypher<ExpandParams & { key: string }, StartRow>(
      `neighborhoodOf${label}`,
      `MATCH (n:${label} {key: $key})
       WHERE $includeIllustrative OR NOT coalesce(n.illustrative, false)
       WITH n, ${degree('n')} AS nDegree
       CALL (n, nDegree) {
         ${expand('n', relTypesOf(label))}
         WITH link ORDER BY link.type, link.node.label, link.node.key, link.edge.id
         RETURN collect(link) AS links
       }
       RETURN {node: ${projectedNode('n')}, degree: nDegree, links: links} AS row`,
    ),
  ]),
);

/** A further hop of a neighbourhood: from the nodes of the previous hop, by element id, in frontier order. */
export const neighborhoodHop = trustedCypher<
  ExpandParams & { frontier: readonly string[] },
  ExpansionRow
>(
  'neighborhoodHop',
  `UNWIND range(0, size($frontier) - 1) AS i
   MATCH (n) WHERE elementId(n) = $frontier[i]
   WITH i, n, ${degree('n')} AS nDegree
   CALL (n, nDegree) {
     ${expand('n', SORTED_TYPES)}
     RETURN link
   }
   WITH i, link ORDER BY i, link.type, link.node.label, link.node.key, link.edge.id
   RETURN link AS row`,
);

// Nodes of `param` (a map Label → keys), one index seek per label.
const nodesIn = (param: string) =>
  LABELS.map((label) => `MATCH (n:${label}) WHERE n.key IN $${param}.${label} RETURN n`).join(
    '\n    UNION\n    ',
  );

/** Every relationship among the given nodes. */
export const edgesAmong = trustedCypher<
  { keys: Record<Label, string[]>; includeIllustrative: boolean },
  EdgeRow
>(
  'edgesAmong',
  `CALL () {
    ${nodesIn('keys')}
  }
  WITH collect(n) AS ns
  UNWIND ns AS a
  MATCH (a)-[r]->(b)
  WHERE b IN ns AND ($includeIllustrative OR NOT coalesce(r.illustrative, false))
  WITH r, ${edge('r')} AS e
  ORDER BY e.type, e.source, e.target, e.id
  RETURN e AS row`,
);

type PathParams = {
  from: Record<Label, string[]>;
  to: Record<Label, string[]>;
  types: readonly string[];
  includeIllustrative: boolean;
  /** Stored levels (`documented` …); null for every level. */
  evidence: readonly string[] | null;
};

/**
 * All shortest paths, at most 10, one statement per hop limit 1…MAX_HOPS (a variable-length bound
 * cannot be a parameter). The predicates over nodes(p)/relationships(p) prune the breadth-first search.
 */
export const pathsUpTo: ReadonlyMap<number, Cypher<PathParams, PathRow>> = new Map(
  Array.from({ length: MAX_HOPS }, (_, i) => i + 1).map((hops) => [
    hops,
    trustedCypher<PathParams, PathRow>(
      `paths${hops}`,
      `CALL () {
         ${nodesIn('from')}
       }
       WITH n AS a
       CALL () {
         ${nodesIn('to')}
       }
       WITH a, n AS b
       WHERE a <> b
       MATCH p = allShortestPaths((a)-[*..${hops}]-(b))
       WHERE all(r IN relationships(p) WHERE type(r) IN $types
                   AND ($evidence IS NULL OR coalesce(r.evidence, 'documented') IN $evidence))
         AND ($includeIllustrative OR (all(x IN nodes(p) WHERE NOT coalesce(x.illustrative, false))
                                      AND all(r IN relationships(p) WHERE NOT coalesce(r.illustrative, false))))
       WITH p LIMIT 10
       WITH p, [x IN nodes(p) | ${idOf('x')}] AS order
       ORDER BY order
       RETURN {nodes: [x IN nodes(p) | ${node('x')}], edges: [r IN relationships(p) | ${edge('r')}]} AS row`,
    ),
  ]),
);

/**
 * Full-text search over both indexes; a null query skips its index. Best score per node wins.
 * Nodes named exactly `$exact` (lower-cased text) by key, name, title, short name, number, alias
 * or code rank first: an acronym's own entity outranks projects that repeat the acronym.
 */
export const searchNodes = trustedCypher<
  {
    query: string | null;
    queryZh: string | null;
    exact: string;
    labels: readonly string[] | null;
    includeIllustrative: boolean;
    first: Int;
  },
  SearchHitRow
>(
  'searchNodes',
  `
  CALL () {
    UNWIND CASE WHEN $query IS NULL THEN [] ELSE [$query] END AS q
    CALL db.index.fulltext.queryNodes('ctkgSearch', q) YIELD node, score
    RETURN node, score
    UNION ALL
    UNWIND CASE WHEN $queryZh IS NULL THEN [] ELSE [$queryZh] END AS q
    CALL db.index.fulltext.queryNodes('ctkgSearchZh', q) YIELD node, score
    RETURN node, score
  }
  WITH node, max(score) AS score
  WHERE ($labels IS NULL OR labels(node)[0] IN $labels)
    AND ($includeIllustrative OR NOT coalesce(node.illustrative, false))
  WITH node, score,
       any(name IN [node.key, node.name, node.nameZh, node.title, node.shortName, node.number]
                   + coalesce(node.aliases, []) + coalesce(node.codes, [])
           WHERE name IS NOT NULL AND toLower(name) = $exact) AS exact // never null: null sorts first under DESC
  ORDER BY exact DESC, score DESC, labels(node)[0], node.key
  LIMIT $first
  RETURN {score: score, node: ${nodeProjection('node')}} AS row
`,
);

/** Node counts per label and relationship counts per type (counts come from the count store). */
export const graphMeta = trustedCypher<Record<string, never>, MetaRow>(
  'graphMeta',
  `RETURN {
     labels: [${LABELS.map(
       (label) =>
         `{label: '${label}', count: COUNT { MATCH (n:${label}) }, illustrative: COUNT { MATCH (n:${label}) WHERE n.illustrative = true }}`,
     ).join(',\n       ')}],
     relationshipTypes: [${RELATIONSHIP_TYPES.map((type) => `{type: '${type}', count: COUNT { MATCH ()-[r:${type}]->() }}`).join(',\n       ')}]
   } AS row`,
);
