import neo4j, { type Integer } from 'neo4j-driver';

/** A JS number is sent to Neo4j as a Float; LIMIT, SKIP and stored integers need a real Integer. */
export function int(value: number): Integer {
  return neo4j.int(value);
}
