// Degrees come from the counts the loader stored (real-data mode) or from Neo4j's degree store
// (with illustrative data). Both must give what counting the visible relationships gives, on hubs
// that illustrative data touches and on hubs it does not.
import { beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { storeMissingDerived } from '../../src/records/index.js';
import { loadSeed, SEED_DATA_DIR } from '../../seed/load.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

type Degree = { type: string; direction: string; count: number };

/** The reference: every relationship of the node read and filtered, no shortcut. */
const counted = cypher<{ id: string; includeIllustrative: boolean }, Degree[]>('testDegrees')`
  MATCH (n) WHERE labels(n)[0] + ':' + n.key = $id
  OPTIONAL MATCH (n)-[r]-(o)
  WHERE $includeIllustrative OR (NOT coalesce(r.illustrative, false) AND NOT coalesce(o.illustrative, false))
  WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END AS direction, count(r) AS count
  WHERE count > 0
  WITH type, direction, count ORDER BY type, direction
  RETURN collect({type: type, direction: direction, count: count}) AS row`;

const marked = cypher<Record<string, never>, { id: string; near: boolean }>('testMarked')`
  MATCH (n) WITH n ORDER BY COUNT { (n)--() } DESC
  WITH EXISTS { (n)-[r]-(o) WHERE coalesce(r.illustrative, false) OR coalesce(o.illustrative, false) } AS near,
       collect(labels(n)[0] + ':' + n.key)[0..4] AS ids
  UNWIND ids AS id RETURN {id: id, near: near} AS row`;

const forgetDerived = cypher<Record<string, never>, number>('testForgetDerived')`
  MATCH (n) REMOVE n.realDegreeTypes, n.realDegreeDirections, n.realDegreeCounts,
    n.allDegreeTypes, n.allDegreeDirections, n.allDegreeCounts, n.realImplementedAt, n.allImplementedAt
  RETURN count(n) AS row`;

const GAPS = `query($ill: Boolean, $evidence: [Evidence!]) {
  recommendationsWithoutProjects(first: 100, includeIllustrative: $ill, evidence: $evidence) { totalCount nodes { key } } }`;

describe('degrees', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  let sample: { id: string; near: boolean }[];
  beforeAll(async () => {
    await resetGraph(db, {});
    await loadSeed(db, [SEED_DATA_DIR], { replace: true });
    execute = await createExecutor(db);
    sample = await db.read(marked, {});
  });

  it('are sampled on hubs of both kinds: touched by illustrative data and not', () => {
    expect(sample.filter((s) => s.near).length).toBeGreaterThan(0);
    expect(sample.filter((s) => !s.near).length).toBeGreaterThan(0);
  });

  /** Every returned node's degrees against the reference count. */
  async function expectCountedDegrees(modes: readonly boolean[]) {
    for (const { id } of sample) {
      for (const includeIllustrative of modes) {
        const result = await execute(
          `query($id: ID!, $ill: Boolean) { neighborhood(id: $id, limitPerType: 1, includeIllustrative: $ill) {
            nodes { id } degrees { id byType { type direction count } } } }`,
          { id, ill: includeIllustrative },
        );
        expect(result.errors).toBeUndefined();
        const { nodes, degrees } = result.data!.neighborhood;
        if (nodes.length === 0) continue; // an illustrative node in real-data mode
        for (const degree of degrees as { id: string; byType: Degree[] }[]) {
          const [expected] = await db.read(counted, { id: degree.id, includeIllustrative });
          expect(degree.byType, `${degree.id} includeIllustrative=${includeIllustrative}`).toEqual(
            expected,
          );
        }
      }
    }
  }

  it('match a count of the visible relationships, with and without illustrative data', () =>
    expectCountedDegrees([false, true]));

  it('are stored at start-up on a graph loaded before they were stored, once, with the levels the gap lists read', async () => {
    const modes = [
      { ill: false },
      { ill: true },
      { ill: false, evidence: ['DOCUMENTED', 'REPORTED', 'INFERRED'] },
    ];
    const gaps = () => Promise.all(modes.map((variables) => execute(GAPS, variables)));
    const before = await gaps();
    expect(before.map((r) => r.errors)).toEqual(modes.map(() => undefined));
    const [nodes = 0] = await db.transaction((tx) => tx.run(forgetDerived, {}));
    expect(await storeMissingDerived(db)).toBe(nodes);
    expect(await storeMissingDerived(db)).toBe(0);
    await expectCountedDegrees([false, true]);
    expect(await gaps()).toEqual(before);
  });
});
