// Cypher text fragments shared by the areas' statements. They take variable names and labels from
// our own code (closed lists), never input, and are joined into statements at module load.

/** The inside of `nodeProjection`'s map, for projections that add entries of their own. */
export const allProperties = (v: string, label?: string): string =>
  `.*, searchText: null, realDegreeTypes: null, realDegreeDirections: null, realDegreeCounts: null, label: ${label === undefined ? `labels(${v})[0]` : `'${label}'`}`;

/**
 * A node as a row: every property but `searchText` and `realDegree*` (helpers for the full-text
 * index and the explorer's degrees, not API data), plus its label. Pass `label` when the
 * statement already knows it (saves a `labels()` call per row).
 */
export const nodeProjection = (v: string, label?: string): string =>
  `${v} {${allProperties(v, label)}}`;
