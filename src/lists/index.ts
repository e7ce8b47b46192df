// The lists area: what other areas and the API may use of it.
export { listResolvers, resolveList } from './lists.resolvers.js';
export { listMatch, pageStatement, readPage, streamList, type ListMatch } from './lists.reads.js';
export {
  projectSpec,
  recommendationSpec,
  resolutionSpec,
  entitySpec,
  basicSpec,
  countingLink,
  type ListSpec,
} from './lists.specs.js';
