// The access area: who is calling (API keys today), and what the API tells them about themselves.
export { accessResolvers } from './access.resolvers.js';
export { ANONYMOUS, createAuthenticator, type Principal } from './principal.js';
export { generateKey, ROLES, type Role } from './keys.js';
export {
  apiKeys,
  createApiKey,
  knownScopes,
  revokeApiKey,
  type ApiKeyRow,
} from './access.cypher.js';
