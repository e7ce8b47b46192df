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

/** The tail of a page statement: `{ total, offset, nodes }` of the `$first` rows after `$skip`. */
export const pageTail = (v: string, order: string): string => `
  WITH ${v} ORDER BY ${order}
  WITH collect(${v}) AS matched
  RETURN { total: size(matched), offset: $skip,
           nodes: [x IN matched[$skip..($skip + $first)] | ${nodeProjection('x')}] } AS row`;

/** The tail of an export statement: one row per node, in the page's order, at most `$limit`. */
export const rowsTail = (v: string, order: string): string => `
  WITH ${v} ORDER BY ${order} LIMIT $limit
  RETURN ${nodeProjection(v)} AS row`;
