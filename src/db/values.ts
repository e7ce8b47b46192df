import neo4j, { type Integer } from 'neo4j-driver';

export type Int = Integer;

/** A JS number is sent to Neo4j as a Float; LIMIT, SKIP, slices and stored integers need a real Integer. */
export function int(value: number): Integer {
  return neo4j.int(value);
}

/** `int` for optional values. */
export function intOrNull(value: number | null | undefined): Integer | null {
  return value === null || value === undefined ? null : neo4j.int(value);
}
