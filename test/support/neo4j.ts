import { afterAll, inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDb, type Db } from '../../src/db/db.js';
import { createDriver } from '../../src/db/driver.js';
import { ensureSchema } from '../../src/db/schema.js';
import { cypher } from '../../src/db/cypher.js';
import { loadDataset } from '../../seed/load.js';
import { emptyDataset } from '../../src/records/index.js';
import type { Dataset } from '../../src/records/index.js';

/** A Db that records the name of every statement it sends (the round-trip budget reads it). */
export interface TestDb extends Db {
  readonly calls: string[];
  /** The same database, unrecorded: for what the server does beside requests (list caps). */
  readonly quiet: Db;
}

/** A driver for the calling suite, closed after it (call inside `describe` or at file level). */
export function testDriver(): Driver {
  const driver = createDriver(inject('neo4j'));
  afterAll(() => driver.close());
  return driver;
}

/** A test Db on its own driver; `calls` lists the statements sent, in order. */
export function testDb(): TestDb {
  const calls: string[] = [];
  const driver = testDriver();
  const { database } = inject('neo4j');
  const db = createDb(driver, { database, onQuery: (name) => calls.push(name) });
  return Object.assign(db, { calls, quiet: createDb(driver, { database }) });
}

const wipe = cypher<Record<string, never>, number>(
  'testWipe',
)`MATCH (n) DETACH DELETE n RETURN count(*) AS row`;

/** Deletes everything, ensures the schema, and loads `fixture` through the seed's own write path. */
export async function resetGraph(db: Db, fixture: Partial<Dataset> = {}): Promise<void> {
  await ensureSchema(db);
  await db.write(wipe, {});
  const data = { ...emptyDataset(), ...fixture };
  await loadDataset(db, { data, origin: new Map(), files: [] }, { replace: true });
}

const allNodes = cypher<Record<string, never>, { label: string; props: Record<string, unknown> }>(
  'testAllNodes',
)`
  MATCH (n) RETURN { label: labels(n)[0], props: properties(n) } AS row`;
const allRels = cypher<
  Record<string, never>,
  { type: string; from: string; to: string; props: Record<string, unknown> }
>('testAllRels')`
  MATCH (a)-[r]->(b) RETURN { type: type(r), from: a.key, to: b.key, props: properties(r) } AS row`;

/** Every node and relationship with its properties, in a canonical order: equal snapshots mean an identical graph. */
export async function graphSnapshot(
  db: Db,
): Promise<{ nodes: number; rels: number; lines: string[] }> {
  const canon = (value: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(value)
        .sort()
        .map((k) => [k, value[k]]),
    );
  const nodes = (await db.read(allNodes, {})).map((n) => `${n.label} ${canon(n.props)}`);
  const rels = (await db.read(allRels, {})).map(
    (r) => `${r.type} ${r.from}>${r.to} ${canon(r.props)}`,
  );
  return { nodes: nodes.length, rels: rels.length, lines: [...nodes, ...rels].sort() };
}
