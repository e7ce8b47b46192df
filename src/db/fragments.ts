// Cypher text fragments shared by the areas' statements. They take variable names and labels from
// our own code (closed lists), never input, and are joined into statements at module load.

import { SYSTEM_LABELS } from '../core/ids.js';

/** `v` is a node of the graph, not one of the system labels beside it (keys, submissions, audit). */
export const graphNode = (v: string): string => `NOT ${v}:${SYSTEM_LABELS.join('|')}`;

/** Node properties the loader derives for the explorer and the gap lists (src/records/write.ts): not API data. */
const DERIVED_PROPERTIES = ['all', 'real'].flatMap((mode) => [
  ...['Types', 'Directions', 'Counts'].map((list) => `${mode}Degree${list}`),
  `${mode}ImplementedAt`,
]);

/** Link `l` and node `n` at its far end are real data: neither is illustrative. */
export const realLink = (l: string, n: string): string =>
  `NOT coalesce(${l}.illustrative, false) AND NOT coalesce(${n}.illustrative, false)`;

/** The inside of `nodeProjection`'s map, for projections that add entries of their own. */
export const allProperties = (v: string, label?: string): string =>
  `.*, searchText: null, ${DERIVED_PROPERTIES.map((p) => `${p}: null`).join(', ')}, label: ${label === undefined ? `labels(${v})[0]` : `'${label}'`}`;

/**
 * A node as a row: every property but `searchText` and the derived ones (helpers for the full-text
 * index, the explorer's degrees and the gap lists, not API data), plus its label. Pass `label` when the
 * statement already knows it (saves a `labels()` call per row).
 */
export const nodeProjection = (v: string, label?: string): string =>
  `${v} {${allProperties(v, label)}}`;

// `asOf` (a document key or a date, `$asOf`): what the graph knew at that point. The cut-off is
// the document's date, or the date given; a date compares at the precision of the shorter of the
// two, so a document dated "2018" counts as of any day of 2018. A document without a date counts
// for no cut-off. Built from our variable names only; the value travels as `$asOf`.
// A value that is not a date names a document; an unknown one has no date, so nothing counts.
const CUTOFF = `CASE WHEN $asOf =~ '\\\\d{4}(-\\\\d{2}(-\\\\d{2})?)?' THEN $asOf
    ELSE COLLECT { MATCH (cut:Document {key: $asOf}) RETURN cut.date }[0] END`;

/** Whether document `d` is dated at or before the cut-off. */
const datedBy = (d: string) =>
  `(${d}.date IS NOT NULL AND left(${d}.date, size(${CUTOFF})) <= ${CUTOFF})`;

/** Recommendation `r` was made by the cut-off (its document is dated by then); true without `$asOf`. */
export const madeBy = (r: string) =>
  `($asOf IS NULL OR EXISTS { MATCH (rd:Document {key: ${r}.document}) WHERE ${datedBy('rd')} })`;

/** Resolution `x` was adopted by the cut-off (by year); true without `$asOf`. */
export const adoptedBy = (x: string) =>
  `($asOf IS NULL OR (${x}.year IS NOT NULL AND toString(${x}.year) <= left(${CUTOFF}, 4)))`;

/** Project `p` was known by the cut-off: a document dated by then cites it; true without `$asOf`. */
export const knownBy = (p: string) =>
  `($asOf IS NULL OR EXISTS { MATCH (${p})-[:CITED_IN]->(pd:Document) WHERE ${datedBy('pd')} })`;

/**
 * Link `i` from project `q` was known by the cut-off: a source dated by then states it, or, for a
 * link without sources (an inference), the project was known by then. True without `$asOf`.
 */
export const linkKnownBy = (i: string, q: string) =>
  `($asOf IS NULL OR any(doc IN coalesce(${i}.sourceDocuments, []) WHERE EXISTS { MATCH (ld:Document {key: doc}) WHERE ${datedBy('ld')} })
    OR (size(coalesce(${i}.sourceDocuments, [])) = 0 AND ${knownBy(q)}))`;
