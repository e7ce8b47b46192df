// The explorer area: what other areas and the API may use of it.
export { explorerResolvers } from './explorer.resolvers.js';
export type * from './rows.js';
