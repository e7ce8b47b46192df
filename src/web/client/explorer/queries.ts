// The explorer's GraphQL operations: each a public root field of schema/explorer.graphql or
// schema/nodes.graphql, as any third-party explorer would call it.
import {
  DRAWN_EDGE,
  DRAWN_NODE,
  type EdgeData,
  type NodeData,
  type SourceData,
} from '../shared/model.js';
import type { Degree } from './graph.js';

const DEGREE_FIELDS = 'id total byType { type direction count }';
const DEGREE = `degrees { ${DEGREE_FIELDS} }`;
/** The degree of a neighbourhood's start node only (`variable` is the neighbourhood's `id`). */
const startDegree = (variable: string) => `degrees(ids: [${variable}]) { ${DEGREE_FIELDS} }`;
const SOURCES = 'sources { document { id key title } paragraph }';

export const META = `query ExplorerMeta {
  meta { labels { label count illustrative } relationshipTypes { type count } }
}`;
export interface MetaData {
  meta: {
    labels: { label: string; count: number; illustrative: number }[];
    relationshipTypes: { type: string; count: number }[];
  };
}

/** Type-ahead: the last word typed also matches the words it begins (`CTE` finds CTED). */
export const SEARCH = `query ExplorerSearch($text: String!, $ill: Boolean!) {
  search(text: $text, first: 30, includeIllustrative: $ill, prefix: true) { score node { ...DrawnNode } }
}
${DRAWN_NODE}`;
export interface SearchData {
  search: { score: number; node: NodeData }[];
}

/** One hop from a node, all types (`types: null`) or one, with the degree of every node reached. */
export const NEIGHBORHOOD = `query ExplorerNeighborhood($id: ID!, $types: [String!], $direction: Direction!, $limit: Int!, $ill: Boolean!) {
  neighborhood(id: $id, depth: 1, relationshipTypes: $types, direction: $direction, limitPerType: $limit, includeIllustrative: $ill) {
    nodes { ...DrawnNode }
    edges { ...DrawnEdge }
    ${DEGREE}
    truncated
    truncatedTypes
  }
}
${DRAWN_NODE}
${DRAWN_EDGE}`;
export interface NeighborhoodData {
  neighborhood: {
    nodes: NodeData[];
    edges: EdgeData[];
    degrees: Degree[];
    truncated: boolean;
    truncatedTypes: string[];
  };
}

/**
 * The degrees of up to `count` nodes in one request: a one-link neighbourhood of each (aliases
 * `d0` …) asking only its start node's degree (`degrees(ids: [$idN])`, nothing else selected), so
 * the server reads that node's stored degree and no neighbour's. The API has no `Node.degree`.
 */
export function degreesQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `d${i}: neighborhood(id: $id${i}, depth: 1, limitPerType: 1, includeIllustrative: $ill) { ${startDegree(`$id${i}`)} }`,
  ).join('\n  ');
  return `query ExplorerDegrees(${vars}, $ill: Boolean!) {\n  ${fields}\n}`;
}
export type DegreesData = Record<string, { degrees: Degree[] }>;

export const NODES = `query ExplorerNodes($ids: [ID!]!) { nodes(ids: $ids) { ...DrawnNode } }
${DRAWN_NODE}`;
export interface NodesData {
  nodes: (NodeData | null)[];
}

export const EDGES_AMONG = `query ExplorerEdgesAmong($ids: [ID!]!, $ill: Boolean!) {
  edgesAmong(ids: $ids, includeIllustrative: $ill) { ...DrawnEdge }
}
${DRAWN_EDGE}`;
export interface EdgesAmongData {
  edgesAmong: EdgeData[];
}

/** A link with its provenance: `edgesAmong` of its two ends (the API has no lookup of one link). */
export const EDGE_SOURCES = `query ExplorerEdgeSources($ids: [ID!]!, $ill: Boolean!) {
  edgesAmong(ids: $ids, includeIllustrative: $ill) { id ${SOURCES} }
}`;
export interface EdgeSourcesData {
  edgesAmong: { id: string; sources: SourceData[] }[];
}

export const PATHS = `query ExplorerPaths($from: ID!, $to: ID!, $maxHops: Int!, $ill: Boolean!, $evidence: [Evidence!]) {
  paths(from: $from, to: $to, maxHops: $maxHops, includeIllustrative: $ill, evidence: $evidence) {
    length
    nodes { ...DrawnNode }
    edges { ...DrawnEdge ${SOURCES} }
  }
}
${DRAWN_NODE}
${DRAWN_EDGE}`;
export interface PathData {
  length: number;
  nodes: NodeData[];
  edges: (EdgeData & { sources: SourceData[] })[];
}
export interface PathsData {
  paths: PathData[];
}

/** Everything the side panel shows of a node (fields that differ in type between labels are aliased). */
export const DETAILS = `query ExplorerNode($id: ID!) {
  node(id: $id) {
    __typename id key illustrative
    ${SOURCES}
    ... on Project {
      title aliases codes pillars projectSummary: summary status global scopeAsWritten note
      period { start end asWritten }
      budgets { amount currency kind year }
    }
    ... on Entity { name nameZh aliases entityKind: kind compactMember note }
    ... on MemberState { name nameZh aliases observer note }
    ... on Region { name nameZh aliases regionKind: kind note }
    ... on Resolution { resolutionKind: kind body number year topic asWritten correction note }
    ... on LegalInstrument { name shortName year note }
    ... on Recommendation {
      title recommendationSummary: summary audience pillars paragraph heading responseKind
      responseReason projectAnswerable note
      issuer { id key name }
      implementationEvidence { documented reported inferred candidates documentedResponses noCandidateReason }
    }
    ... on ThematicArea { name nameZh description workingGroup note }
    ... on Document { title symbol date dateNote language publisher documentRole: role note }
  }
}`;
export type Details = Record<string, unknown> & {
  __typename: string;
  id: string;
  key: string;
  illustrative: boolean;
  sources: SourceData[];
};
export interface DetailsData {
  node: Details | null;
}
