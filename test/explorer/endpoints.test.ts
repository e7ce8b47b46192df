// A neighbourhood looks only at the relationship types REL_ENDPOINTS gives the start node's label.
// On the real graph, every link must join labels the table allows, and each label's best-linked
// node must list, per type, every link a count finds (up to the per-type limit).
import { beforeAll, describe, expect, it } from 'vitest';
import { LABELS, REL_TYPES, isAllowedRel, type Label, type RelType } from '../../src/core/ids.js';
import { cypher } from '../../src/db/cypher.js';
import { loadSeed, SEED_DATA_DIR } from '../../seed/load.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

type Kind = { from: string; type: string; to: string };

const kinds = cypher<{ labels: readonly string[]; types: readonly string[] }, Kind>('testKinds')`
  MATCH (a)-[r]->(b)
  WHERE type(r) IN $types AND (labels(a)[0] IN $labels OR labels(b)[0] IN $labels)
  RETURN DISTINCT {from: labels(a)[0], type: type(r), to: labels(b)[0]} AS row`;

// Per label, the node with the most kinds of link: the one whose neighbourhood has most to miss.
const richest = cypher<{ labels: readonly string[] }, string>('testRichest')`
  UNWIND $labels AS label
  CALL (label) {
    MATCH (n) WHERE labels(n)[0] = label
    WITH n, COUNT { MATCH (n)-[r]-() RETURN DISTINCT type(r) } AS kinds
    ORDER BY kinds DESC, n.key LIMIT 1
    RETURN n
  }
  RETURN labels(n)[0] + ':' + n.key AS row`;

const perType = cypher<
  { id: string; includeIllustrative: boolean },
  { type: string; count: number }
>('testLinksPerType')`
  MATCH (n) WHERE labels(n)[0] + ':' + n.key = $id
  MATCH (n)-[r]-(o)
  WHERE $includeIllustrative OR (NOT coalesce(r.illustrative, false) AND NOT coalesce(o.illustrative, false))
  WITH type(r) AS type, count(r) AS count ORDER BY type
  RETURN {type: type, count: count} AS row`;

const LIMIT = 100;

describe('relationship endpoints', () => {
  const db = testDb();
  beforeAll(async () => {
    await resetGraph(db, {});
    await loadSeed(db, [SEED_DATA_DIR], { replace: true });
  });

  it('every link of the real graph joins labels REL_ENDPOINTS allows for its type', async () => {
    const found = await db.read(kinds, { labels: LABELS, types: REL_TYPES });
    expect(found.length).toBeGreaterThan(15);
    const outside = found.filter(
      (k) =>
        !(LABELS as readonly string[]).includes(k.from) ||
        !(LABELS as readonly string[]).includes(k.to) ||
        !isAllowedRel(k.type as RelType, k.from as Label, k.to as Label),
    );
    expect(outside).toEqual([]);
  });

  it("each label's best-linked node lists every type's links, as counted", async () => {
    const execute = await createExecutor(db);
    const ids = await db.read(richest, { labels: LABELS });
    expect(ids).toHaveLength(LABELS.length);
    for (const id of ids) {
      for (const includeIllustrative of [false, true]) {
        const result = await execute(
          `query($id: ID!, $ill: Boolean, $limit: Int) {
            neighborhood(id: $id, limitPerType: $limit, includeIllustrative: $ill) { edges { type } } }`,
          { id, ill: includeIllustrative, limit: LIMIT },
        );
        expect(result.errors).toBeUndefined();
        const listed = new Map<string, number>();
        for (const { type } of result.data!.neighborhood.edges as { type: string }[])
          listed.set(type, (listed.get(type) ?? 0) + 1);
        const counted = await db.read(perType, { id, includeIllustrative });
        expect(counted.length, id).toBeGreaterThan(0);
        expect(
          Object.fromEntries(listed),
          `${id} includeIllustrative=${includeIllustrative}`,
        ).toEqual(Object.fromEntries(counted.map((c) => [c.type, Math.min(c.count, LIMIT)])));
      }
    }
  });
});
