// The node area: what other areas and the API may use of it.
export { nodeResolvers } from './nodes.resolvers.js';
export { createNodeLoaders, type NodeLoaders } from './nodes.loaders.js';
export { readNodes } from './nodes.reads.js';
export { readListCaps } from './list-caps.js';
export { selectionProjection } from './projection.js';
export { linkSlot, linkScope, ALL_LINKS, type LinkScope } from './link-scope.js';
export { RELATIONS, type Relation, type RelationName } from './relations.js';
