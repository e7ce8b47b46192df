import { beforeAll, describe, expect, it } from 'vitest';
import { gapFixture } from '../support/fixtures.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const GAP = `query Gap($first: Int, $after: String, $where: GapFilter, $ill: Boolean) {
  recommendationsWithoutProjects(first: $first, after: $after, where: $where, includeIllustrative: $ill) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes { id illustrative }
  }
}`;

const ids = (r: any) =>
  r.data.recommendationsWithoutProjects.nodes.map((n: { id: string }) => n.id);

describe('Query.recommendationsWithoutProjects', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  beforeAll(async () => {
    await resetGraph(db, gapFixture());
    execute = await createExecutor(db);
  });

  it('lists real recommendations with no real implementing project, by key', async () => {
    const result = await execute(GAP, { first: 10 });
    expect(result.errors).toBeUndefined();
    // R-3 is implemented only through an illustrative link: unaddressed in real-data mode.
    expect(ids(result)).toEqual(['Recommendation:R-3', 'Recommendation:R-4', 'Recommendation:R-5']);
    expect(result.data?.recommendationsWithoutProjects.totalCount).toBe(3);
  });

  it('counts illustrative links and records when asked to', async () => {
    const result = await execute(GAP, { first: 10, ill: true });
    expect(ids(result)).toEqual([
      'Recommendation:R-4',
      'Recommendation:R-5',
      'Recommendation:R-ILL',
    ]);
  });

  it('pages across the result with cursors', async () => {
    const first = await execute(GAP, { first: 2 });
    expect(ids(first)).toEqual(['Recommendation:R-3', 'Recommendation:R-4']);
    expect(first.data?.recommendationsWithoutProjects.pageInfo.hasNextPage).toBe(true);
    const second = await execute(GAP, {
      first: 2,
      after: first.data?.recommendationsWithoutProjects.pageInfo.endCursor,
    });
    expect(ids(second)).toEqual(['Recommendation:R-5']);
    expect(second.data?.recommendationsWithoutProjects.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect(second.data?.recommendationsWithoutProjects.totalCount).toBe(3);
  });

  it('combines filters with AND and values with OR', async () => {
    const byState = await execute(GAP, { first: 10, where: { memberStates: ['MLI', 'KAZ'] } });
    expect(ids(byState)).toEqual(['Recommendation:R-3', 'Recommendation:R-4']);
    const both = await execute(GAP, {
      first: 10,
      where: { memberStates: ['MLI', 'KAZ'], thematicAreas: ['border-management'] },
    });
    expect(ids(both)).toEqual(['Recommendation:R-4']);
    const region = await execute(GAP, { first: 10, where: { regions: ['sahel'] } });
    expect(ids(region)).toEqual(['Recommendation:R-3']);
    const issuer = await execute(GAP, { first: 10, where: { issuers: ['UNOCT'] } });
    expect(ids(issuer)).toEqual(['Recommendation:R-5']);
  });

  it('returns an empty page, not an error, when a filter matches nothing', async () => {
    const result = await execute(GAP, { first: 10, where: { memberStates: ['ZZZ'] } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recommendationsWithoutProjects).toMatchObject({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('rejects first above the page limit, naming the argument and the limit', async () => {
    const result = await execute(GAP, { first: 1000 });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
      limit: 100,
    });
  });

  it('rejects a cursor it did not issue', async () => {
    const result = await execute(GAP, { first: 2, after: 'not-a-cursor' });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});

describe('Query.recommendations', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  beforeAll(async () => {
    await resetGraph(db, gapFixture());
    execute = await createExecutor(db);
  });

  it('lists every real recommendation and pages through them', async () => {
    const q = `query($after: String) { recommendations(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { key } } }`;
    const one = await execute(q);
    expect(one.data?.recommendations.nodes.map((n: { key: string }) => n.key)).toEqual([
      'R-1',
      'R-2',
      'R-3',
      'R-4',
    ]);
    const two = await execute(q, { after: one.data?.recommendations.pageInfo.endCursor });
    expect(two.data?.recommendations.nodes.map((n: { key: string }) => n.key)).toEqual(['R-5']);
    expect(two.data?.recommendations.totalCount).toBe(5);
  });

  it('gives each recommendation its implementing projects, issuer and addressees', async () => {
    const result = await execute(`{ recommendations(first: 2) { nodes { key issuer { key }
      addressedTo { addressee { ... on MemberState { key } ... on Entity { key } } }
      implementingProjects { project { key implementers { role entity { key } } beneficiaries { memberState { key } } } } } } }`);
    expect(result.errors).toBeUndefined();
    const [r1] = result.data!.recommendations.nodes;
    expect(r1).toEqual({
      key: 'R-1',
      issuer: { key: 'CTED' },
      addressedTo: [{ addressee: { key: 'MLI' } }],
      implementingProjects: [
        {
          project: {
            key: 'P-1',
            implementers: [
              { role: 'lead', entity: { key: 'UNODC' } },
              { role: 'partner', entity: { key: 'UNOCT' } },
            ].sort((a, b) => a.entity.key.localeCompare(b.entity.key)),
            beneficiaries: [{ memberState: { key: 'MLI' } }],
          },
        },
      ],
    });
  });
});
