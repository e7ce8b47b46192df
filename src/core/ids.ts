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
