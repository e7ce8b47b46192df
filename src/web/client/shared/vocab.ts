// The graph's vocabulary as the pages show it: one colour and shape per node label, one line style
// per evidence level, and words for each relationship type seen from either end. Pure data: the
// explorer's Cytoscape style, its legend and its exports all read it.

/** The node labels, as `NodeLabel` in schema/explorer.graphql names them. */
export const NODE_LABELS = [
  'Entity',
  'Project',
  'Resolution',
  'Recommendation',
  'MemberState',
  'Region',
  'ThematicArea',
  'LegalInstrument',
  'Document',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Cytoscape node shapes used here; the legend draws the same ones. */
export type Shape =
  | 'ellipse'
  | 'round-rectangle'
  | 'diamond'
  | 'triangle'
  | 'hexagon'
  | 'octagon'
  | 'star'
  | 'pentagon'
  | 'rectangle';

export interface LabelStyle {
  /** Singular, as a reader says it. */
  readonly name: string;
  readonly plural: string;
  /** Fill colour (Okabe–Ito where it has one); the shape tells labels apart without colour. */
  readonly color: string;
  readonly shape: Shape;
}

export const LABEL_STYLE: Readonly<Record<NodeLabel, LabelStyle>> = {
  Entity: { name: 'Entity', plural: 'Entities', color: '#E69F00', shape: 'ellipse' },
  Project: { name: 'Project', plural: 'Projects', color: '#0072B2', shape: 'round-rectangle' },
  Resolution: { name: 'Resolution', plural: 'Resolutions', color: '#D55E00', shape: 'diamond' },
  Recommendation: {
    name: 'Recommendation',
    plural: 'Recommendations',
    color: '#CC79A7',
    shape: 'triangle',
  },
  MemberState: {
    name: 'Member State',
    plural: 'Member States',
    color: '#009E73',
    shape: 'hexagon',
  },
  Region: { name: 'Region', plural: 'Regions', color: '#56B4E9', shape: 'octagon' },
  ThematicArea: {
    name: 'Thematic area',
    plural: 'Thematic areas',
    color: '#F0E442',
    shape: 'star',
  },
  LegalInstrument: {
    name: 'Legal instrument',
    plural: 'Legal instruments',
    color: '#7B3294',
    shape: 'pentagon',
  },
  Document: { name: 'Document', plural: 'Documents', color: '#8C8C8C', shape: 'rectangle' },
};

/** Whether `value` is a node label. */
export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

/** The evidence levels of a link (schema/nodes.graphql `Evidence`). */
export const EVIDENCE = ['DOCUMENTED', 'REPORTED', 'INFERRED'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export interface EvidenceStyle {
  readonly name: string;
  readonly line: 'solid' | 'dashed' | 'dotted';
  /** What the level means, for the legend and the side panel. */
  readonly meaning: string;
}

export const EVIDENCE_STYLE: Readonly<Record<Evidence, EvidenceStyle>> = {
  DOCUMENTED: {
    name: 'Documented',
    line: 'solid',
    meaning: 'a source document states it (document and paragraph given)',
  },
  REPORTED: {
    name: 'Reported',
    line: 'dashed',
    meaning: 'an entity reported it and a reviewer accepted it',
  },
  INFERRED: {
    name: 'Inferred',
    line: 'dotted',
    meaning: 'a rule derived it: a lead to check, never a fact',
  },
};

/** The evidence levels the API counts by default (schema/analytics.graphql). */
export const DEFAULT_EVIDENCE: readonly Evidence[] = ['DOCUMENTED', 'REPORTED'];

/** How a relationship reads from its start node (`out`) and from its end node (`in`). */
const RELATIONSHIPS: Readonly<Record<string, { out: string; in: string }>> = {
  IMPLEMENTED_BY: { out: 'implemented by', in: 'projects it implements' },
  BENEFITS: { out: 'benefits', in: 'projects benefiting it' },
  COVERS: { out: 'covers', in: 'projects covering it' },
  IMPLEMENTS: { out: 'implements recommendations', in: 'projects implementing it' },
  SUPPORTS: { out: 'supports resolutions', in: 'projects supporting it' },
  ADDRESSES: { out: 'addresses themes', in: 'addressed by' },
  ISSUED_BY: { out: 'issued by', in: 'recommendations issued' },
  ADDRESSED_TO: { out: 'addressed to', in: 'recommendations received' },
  REFERS_TO: { out: 'refers to', in: 'recommendations referring to it' },
  MANDATES: { out: 'mandates', in: 'mandated by' },
  RECALLS: { out: 'recalls', in: 'recalled by' },
  MEMBER_OF: { out: 'member of', in: 'members' },
  CONTRIBUTES_TO: { out: 'contributes to', in: 'contributors' },
  CITED_IN: { out: 'cited in documents', in: 'cites' },
  PART_OF: { out: 'part of', in: 'parts' },
  CONTINUES: { out: 'continues', in: 'continued by' },
};

/** "mandated by", "projects it implements" …: a relationship type read from one end. */
export function relationshipPhrase(type: string, direction: 'OUT' | 'IN'): string {
  const words = RELATIONSHIPS[type];
  if (words === undefined) return `${type} (${direction === 'OUT' ? 'outgoing' : 'incoming'})`;
  return direction === 'OUT' ? words.out : words.in;
}
