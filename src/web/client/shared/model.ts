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
  id type source target illustrative evidence score reasons rulesVersion properties { name value }
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
  /** Null for a citation (`CITED_IN`) or a contribution, which have no evidence level. */
  readonly evidence: Evidence | null;
  /** For a link ctkg's rules inferred: its score, reasons and rules version. */
  readonly score: number | null;
  readonly reasons: readonly string[];
  readonly rulesVersion: string | null;
  /** Every stored property as JSON text (the typed fields above among them). */
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
 * The evidence level a link is drawn and filtered by. A citation or a contribution has none
 * (`evidence` null): its document states it, so it is drawn as documented.
 */
export function evidenceOf(edge: Pick<EdgeData, 'evidence'>): Evidence {
  return edge.evidence ?? 'DOCUMENTED';
}

/** The score, reasons and rule of an inferred link (`rule` is a stored property, not a typed field). */
export function inference(
  edge: Pick<EdgeData, 'score' | 'reasons' | 'rulesVersion' | 'properties'>,
): {
  score: number | null;
  reasons: readonly string[];
  rule: string | null;
  rulesVersion: string | null;
} {
  const rule = property(edge, 'rule');
  return {
    score: edge.score,
    reasons: edge.reasons,
    rule: typeof rule === 'string' ? rule : null,
    rulesVersion: edge.rulesVersion,
  };
}

/** "A/72/840, annex II matrix, pillar II, serial 42" */
export function sourceText(source: SourceData): string {
  return `${source.document.key}, ${source.paragraph}`;
}
