// Confidential records sit beside the graph under a system label, with their links kept as key
// lists rather than relationships: no public statement, traversal, index or count can reach them.
import { cypher } from '../db/cypher.js';

export interface ConfidentialRow {
  readonly key: string;
  readonly kind: string;
  readonly title: string;
  readonly summary: string;
  readonly issuer: string;
  readonly audience: string;
  readonly addressedStates: string[];
  readonly addressedEntities: string[];
  readonly themes: string[];
  readonly paragraph: string;
  readonly sourceDocuments: string[];
  readonly sourceParagraphs: string[];
  /** The Member States entitled to read it (ISO3). */
  readonly entitledStates: string[];
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export type ConfidentialInput = Omit<ConfidentialRow, 'recordedAt' | 'kind'>;

/** Replaces the confidential recommendations with these keys (one statement: all or none). */
export const upsertConfidential = cypher<{ rows: ConfidentialInput[] }, number>(
  'upsertConfidential',
)`
  UNWIND $rows AS row
  MERGE (c:ConfidentialRecord {key: row.key})
  SET c = row, c.kind = 'recommendation', c.recordedAt = datetime()
  RETURN count(c) AS row`;

/** The records a reader's Member States are entitled to, one page, by key. */
export const confidentialFor = cypher<
  { states: string[]; skip: number; limit: number },
  { total: number; items: ConfidentialRow[] }
>('confidentialFor')`
  MATCH (c:ConfidentialRecord)
  WHERE any(s IN c.entitledStates WHERE s IN $states)
  WITH c ORDER BY c.key
  WITH collect(c) AS matched
  RETURN { total: size(matched), items: [c IN matched[$skip..$skip + $limit] | c {
    .key, .kind, .title, .summary, .issuer, .audience, .addressedStates, .addressedEntities,
    .themes, .paragraph, .sourceDocuments, .sourceParagraphs, .entitledStates, .recordedBy,
    recordedAt: toString(c.recordedAt) }] } AS row`;

/** Keys and entitled States only (for the admin's listing: never the content). */
export const confidentialIndex = cypher<
  Record<string, never>,
  { key: string; entitledStates: string[]; recordedBy: string; recordedAt: string }
>('confidentialIndex')`
  MATCH (c:ConfidentialRecord)
  RETURN { key: c.key, entitledStates: c.entitledStates, recordedBy: c.recordedBy,
           recordedAt: toString(c.recordedAt) } AS row
  ORDER BY row.key`;

export const removeConfidential = cypher<{ key: string }, number>('removeConfidential')`
  MATCH (c:ConfidentialRecord {key: $key}) DETACH DELETE c RETURN count(*) AS row`;

/** How many confidential records there are (for the `count` aggregate policy). */
export const confidentialTotal = cypher<Record<string, never>, number>('confidentialTotal')`
  MATCH (c:ConfidentialRecord) RETURN count(c) AS row`;

/** Which referenced keys the public graph lacks. */
export const unknownConfidentialRefs = cypher<
  { entities: string[]; states: string[]; themes: string[] },
  { entities: string[]; states: string[]; themes: string[] }
>('unknownConfidentialRefs')`
  RETURN {
    entities: [k IN $entities WHERE NOT EXISTS { MATCH (:Entity {key: k}) }],
    states: [k IN $states WHERE NOT EXISTS { MATCH (:MemberState {key: k}) }],
    themes: [k IN $themes WHERE NOT EXISTS { MATCH (:ThematicArea {key: k}) }]
  } AS row`;

/** A public recommendation with the same key: a confidential one must not shadow it. */
export const publicKeysTaken = cypher<{ keys: string[] }, string>('publicKeysTaken')`
  UNWIND $keys AS k
  MATCH (r:Recommendation {key: k})
  RETURN r.key AS row`;
