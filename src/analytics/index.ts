// The gap analytics area: what other areas and the API may use of it.
export { analyticsResolvers } from './analytics.resolvers.js';
export {
  readCoverage,
  streamCoverage,
  streamResolutionsWithoutProjects,
} from './analytics.reads.js';
export { resolutionGapSpec } from './resolution-gap.js';
export { COVERAGE_DIMENSIONS, type CoverageDimension } from './analytics.cypher.js';
export type * from './analytics.rows.js';
