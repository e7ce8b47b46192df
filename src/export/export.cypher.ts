import { cypher } from '../db/cypher.js';

/** Node and relationship totals: both come from Neo4j's count store, so this costs no scan. */
export const graphCounts = cypher<Record<string, never>, { nodes: number; relationships: number }>(
  'graphCounts',
)`
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  RETURN { nodes: nodes, relationships: relationships } AS row`;
