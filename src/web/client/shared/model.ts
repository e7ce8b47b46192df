// The shapes the pages read from the public API, the GraphQL fragments that ask for them, and how a
// node or link is named on screen. Pure: no DOM, so unit tests run it in Node.
import { isNodeLabel, type Evidence, type NodeLabel } from './vocab.js';

/** What the explorer draws of a node: enough to label and colour it. */
export const DRAWN_NODE = `fragment DrawnNode on Node {
  __typename id key illustrative
  ... on Project { title }
  ... on Entity { name nameZh }
  ... on MemberState { name nameZh }
  ... on Region { name nameZh }
  ... on ThematicArea { name nameZh }
  ... on Resolution { topic }
  ... on LegalInstrument { name shortName }
  ... on Recommendation { title }
  ... on Document { title }
}`;

/** What the explorer draws of a link; its sources are read when it is selected. */
export const DRAWN_EDGE = `fragment DrawnEdge on Edge {
  id type source target illustrative properties { name value }
}`;

/** A node as DRAWN_NODE reads it. */
export interface NodeData {
  readonly __typename: string;
  readonly id: string;
  readonly key: string;
  readonly illustrative: boolean;
  readonly title?: string | null;
  readonly name?: string | null;
  readonly nameZh?: string | null;
  readonly topic?: string | null;
  readonly shortName?: string | null;
}

/** A link as DRAWN_EDGE reads it. */
export interface EdgeData {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly illustrative: boolean;
  readonly properties: readonly { readonly name: string; readonly value: string }[];
}

/** A place in a source document. */
export interface SourceData {
  readonly document: { readonly id: string; readonly key: string; readonly title?: string };
  readonly paragraph: string;
}

/** The label of a node (its `__typename`, which the API spells as the label). */
export function labelOf(node: Pick<NodeData, '__typename' | 'id'>): NodeLabel {
  if (isNodeLabel(node.__typename)) return node.__typename;
  const prefix = node.id.slice(0, node.id.indexOf(':'));
  if (isNodeLabel(prefix)) return prefix;
  throw new Error(`unknown node label ${node.__typename}`);
}

/** The label an id names (`Entity:CTED` → `Entity`); null for a malformed id. */
export function labelOfId(id: string): NodeLabel | null {
  const prefix = id.slice(0, Math.max(0, id.indexOf(':')));
  return isNodeLabel(prefix) ? prefix : null;
}

/** The short name drawn under a node: an acronym, code or symbol where the data uses one. */
export function caption(node: NodeData): string {
  switch (labelOf(node)) {
    case 'Entity':
    case 'Project':
    case 'Resolution':
    case 'Recommendation':
    case 'Document':
      return node.key;
    case 'LegalInstrument':
      return node.shortName ?? node.name ?? node.key;
    case 'MemberState':
    case 'Region':
    case 'ThematicArea':
      return node.name ?? node.key;
  }
}

/** The full English name of a node (title, name or topic). */
export function fullName(node: NodeData): string {
  switch (labelOf(node)) {
    case 'Project':
    case 'Recommendation':
    case 'Document':
      return node.title ?? node.key;
    case 'Resolution':
      return node.topic ? `${node.key}: ${node.topic}` : node.key;
    case 'Entity':
    case 'MemberState':
    case 'Region':
    case 'ThematicArea':
    case 'LegalInstrument':
      return node.name ?? node.key;
  }
}

/** A link property's value, parsed from the JSON text `Edge.properties` carries; undefined when absent. */
export function property(edge: Pick<EdgeData, 'properties'>, name: string): unknown {
  const found = edge.properties.find((p) => p.name === name);
  if (found === undefined) return undefined;
  try {
    return JSON.parse(found.value) as unknown;
  } catch {
    return found.value;
  }
}

/**
 * A link's evidence level. `Edge` has no typed `evidence` field; the stored property (`documented`,
 * `reported`, `inferred`) says it, and a link without one (none, on the real graph) counts as
 * documented, as the loader writes every link a source states.
 */
export function evidenceOf(edge: Pick<EdgeData, 'properties'>): Evidence {
  const value = property(edge, 'evidence');
  if (value === 'reported') return 'REPORTED';
  if (value === 'inferred') return 'INFERRED';
  return 'DOCUMENTED';
}

/** The reasons and score of an inferred link, where its properties give them. */
export function inference(edge: Pick<EdgeData, 'properties'>): {
  score: number | null;
  reasons: string[];
  rule: string | null;
  rulesVersion: string | null;
} {
  const score = property(edge, 'score');
  const reasons = property(edge, 'reasons');
  const rule = property(edge, 'rule');
  const version = property(edge, 'rulesVersion');
  return {
    score: typeof score === 'number' ? score : null,
    reasons: Array.isArray(reasons) ? reasons.map(String) : [],
    rule: typeof rule === 'string' ? rule : null,
    rulesVersion: typeof version === 'string' ? version : null,
  };
}

/** "A/72/840, annex II matrix, pillar II, serial 42" */
export function sourceText(source: SourceData): string {
  return `${source.document.key}, ${source.paragraph}`;
}
