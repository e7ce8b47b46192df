// The confidential area (issue 10): records shared only with entitled Member States, kept beside
// the public graph, read only by credentials scoped to those States.
export { confidentialResolvers } from './confidential.resolvers.js';
export { importConfidential } from './import.js';
export {
  confidentialIndex,
  removeConfidential,
  type ConfidentialRow,
} from './confidential.cypher.js';
