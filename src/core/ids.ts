import { InputError } from './errors.js';

/** The node labels of the graph, in the order the API documents them. */
export const LABELS = [
  'Document',
  'Resolution',
  'LegalInstrument',
  'Recommendation',
  'MemberState',
  'Region',
  'Entity',
  'Project',
  'ThematicArea',
] as const;

export type Label = (typeof LABELS)[number];

/**
 * Labels beside the graph, never its data: API keys, reported submissions awaiting review, the
 * audit trail, confidential records. Graph-wide statements (wipe, degrees, counts) leave them out.
 */
export const SYSTEM_LABELS = ['ApiKey', 'Submission', 'AuditEvent', 'ConfidentialRecord'] as const;

/** The relationship types of the graph (DESIGN.md), a closed list: Cypher text is built from it, never from input. */
export const REL_TYPES = [
  'CITED_IN',
  'IMPLEMENTED_BY',
  'BENEFITS',
  'COVERS',
  'IMPLEMENTS',
  'SUPPORTS',
  'ADDRESSES',
  'ISSUED_BY',
  'ADDRESSED_TO',
  'REFERS_TO',
  'MANDATES',
  'RECALLS',
  'MEMBER_OF',
  'CONTRIBUTES_TO',
  'PART_OF',
  'CONTINUES',
] as const;

export type RelType = (typeof REL_TYPES)[number];

/**
 * The labels each relationship type joins (DESIGN.md): nothing writes a type between others. The
 * loader refuses a relationship outside it, and a node's neighbourhood looks only at its label's types.
 */
export const REL_ENDPOINTS: Readonly<
  Record<RelType, { readonly from: readonly Label[]; readonly to: readonly Label[] }>
> = {
  CITED_IN: { from: LABELS, to: ['Document'] },
  IMPLEMENTED_BY: { from: ['Project'], to: ['Entity'] },
  BENEFITS: { from: ['Project'], to: ['MemberState'] },
  COVERS: { from: ['Project'], to: ['Region'] },
  IMPLEMENTS: { from: ['Project'], to: ['Recommendation'] },
  SUPPORTS: { from: ['Project'], to: ['Resolution'] },
  ADDRESSES: { from: ['Project', 'Recommendation'], to: ['ThematicArea'] },
  ISSUED_BY: { from: ['Recommendation'], to: ['Entity'] },
  ADDRESSED_TO: { from: ['Recommendation'], to: ['MemberState', 'Entity'] },
  REFERS_TO: { from: ['Recommendation'], to: ['Resolution', 'LegalInstrument'] },
  MANDATES: { from: ['Resolution'], to: ['Entity'] },
  RECALLS: { from: ['Resolution'], to: ['Resolution'] },
  MEMBER_OF: { from: ['MemberState'], to: ['Region'] },
  CONTRIBUTES_TO: { from: ['MemberState', 'Entity'], to: ['Entity'] },
  PART_OF: { from: ['Entity'], to: ['Entity'] },
  CONTINUES: { from: ['Project'], to: ['Project'] },
};

/** True when REL_ENDPOINTS allows a relationship of `type` from `from` to `to`. */
export function isAllowedRel(type: RelType, from: Label, to: Label): boolean {
  const ends = REL_ENDPOINTS[type];
  return ends.from.includes(from) && ends.to.includes(to);
}

/** The relationship types that can meet a node of `label`, either way, sorted. */
export function relTypesOf(label: Label): RelType[] {
  return REL_TYPES.filter(
    (type) => REL_ENDPOINTS[type].from.includes(label) || REL_ENDPOINTS[type].to.includes(label),
  ).sort();
}

const LABEL_SET: ReadonlySet<string> = new Set(LABELS);

/** True for a string that names one of our labels. */
export function isLabel(value: string): value is Label {
  return LABEL_SET.has(value);
}

export interface NodeId {
  readonly label: Label;
  readonly key: string;
}

const MAX_ID_LENGTH = 300;

/**
 * Parses a GraphQL id of the form `Label:key` (the key may itself contain colons or slashes,
 * e.g. `Resolution:S/RES/2396 (2017)`). Throws InputError naming the id when it is malformed,
 * or when `expected` is given and the label differs.
 */
export function parseNodeId(id: string, expected?: Label, argument = 'id'): NodeId {
  const colon = id.indexOf(':');
  const label = colon > 0 ? id.slice(0, colon) : '';
  const key = colon > 0 ? id.slice(colon + 1) : '';
  if (id.length > MAX_ID_LENGTH) {
    throw new InputError(`Invalid id: longer than ${MAX_ID_LENGTH} characters`, argument, {
      limit: MAX_ID_LENGTH,
    });
  }
  if (!isLabel(label) || key.trim() === '') {
    throw new InputError(
      `Invalid id "${id}": expected "Label:key" with Label one of ${LABELS.join(', ')}`,
      argument,
      { value: id },
    );
  }
  if (expected !== undefined && label !== expected) {
    throw new InputError(`Invalid id "${id}": expected a ${expected} id`, argument, { value: id });
  }
  return { label, key };
}

/** Formats a node id. */
export function nodeId(label: Label, key: string): string {
  return `${label}:${key}`;
}
