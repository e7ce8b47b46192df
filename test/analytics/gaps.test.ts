import { beforeAll, describe, expect, it } from 'vitest';
import { resetGraph, testDb } from '../support/neo4j.js';
import { createExecutor } from '../support/graphql.js';
import { analyticsFixture } from './analytics.fixture.js';

const db = testDb();
let execute: Awaited<ReturnType<typeof createExecutor>>;

beforeAll(async () => {
  await resetGraph(db, analyticsFixture());
  execute = await createExecutor(db);
});

const RESOLUTIONS = `query ($first: Int, $after: String, $body: Body, $ill: Boolean) {
  resolutionsWithoutProjects(first: $first, after: $after, body: $body, includeIllustrative: $ill) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id key body year illustrative }
  }
}`;

describe('Query.resolutionsWithoutProjects', () => {
  it('lists resolutions no real project supports, by year then key', async () => {
    const result = await execute(RESOLUTIONS);
    expect(result.errors).toBeUndefined();
    const gap = result.data?.resolutionsWithoutProjects;
    expect(gap.totalCount).toBe(2);
    // 2178 is supported only by the illustrative P-ILL: unsupported in real-data mode.
    expect(gap.nodes.map((n: { id: string }) => n.id)).toEqual([
      'Resolution:S/RES/2178 (2014)',
      'Resolution:A/RES/72/284',
    ]);
  });

  it('counts illustrative projects and lists illustrative resolutions with includeIllustrative', async () => {
    const result = await execute(RESOLUTIONS, { ill: true });
    expect(
      result.data?.resolutionsWithoutProjects.nodes.map((n: { key: string }) => n.key),
    ).toEqual(['A/RES/72/284', 'S/RES/9999 (2030)']);
  });

  it('filters by body, and returns an empty page for first: 0', async () => {
    const ga = await execute(RESOLUTIONS, { body: 'GA' });
    expect(ga.data?.resolutionsWithoutProjects.nodes.map((n: { key: string }) => n.key)).toEqual([
      'A/RES/72/284',
    ]);
    const sc = await execute(RESOLUTIONS, { body: 'SC', ill: true });
    expect(sc.data?.resolutionsWithoutProjects.nodes.map((n: { key: string }) => n.key)).toEqual([
      'S/RES/9999 (2030)',
    ]);
    const empty = await execute(RESOLUTIONS, { body: 'GA', first: 0 });
    expect(empty.data?.resolutionsWithoutProjects).toMatchObject({
      totalCount: 1,
      nodes: [],
      pageInfo: { hasNextPage: true, endCursor: null },
    });
  });

  it('pages with cursors', async () => {
    const first = await execute(RESOLUTIONS, { first: 1 });
    const page = first.data?.resolutionsWithoutProjects;
    expect(page.nodes.map((n: { key: string }) => n.key)).toEqual(['S/RES/2178 (2014)']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await execute(RESOLUTIONS, { first: 1, after: page.pageInfo.endCursor });
    expect(
      second.data?.resolutionsWithoutProjects.nodes.map((n: { key: string }) => n.key),
    ).toEqual(['A/RES/72/284']);
    expect(second.data?.resolutionsWithoutProjects.pageInfo.hasNextPage).toBe(false);
  });

  it('rejects an oversized page with BAD_USER_INPUT naming first', async () => {
    const result = await execute(RESOLUTIONS, { first: 1000 });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
      limit: 100,
    });
  });
});

const RANKING = `query ($first: Int, $ill: Boolean) {
  memberStatesByUnaddressedRecommendations(first: $first, includeIllustrative: $ill) {
    memberState { id name } recommendations unaddressed unaddressedRecommendations { key }
  }
}`;

describe('Query.memberStatesByUnaddressedRecommendations', () => {
  it('ranks States by unaddressed recommendations; an illustrative link leaves one unaddressed', async () => {
    const result = await execute(RANKING);
    expect(result.errors).toBeUndefined();
    expect(result.data?.memberStatesByUnaddressedRecommendations).toEqual([
      {
        memberState: { id: 'MemberState:MLI', name: 'Mali' },
        recommendations: 3,
        unaddressed: 2,
        unaddressedRecommendations: [{ key: 'R-3' }, { key: 'R-6' }],
      },
      {
        memberState: { id: 'MemberState:KAZ', name: 'Kazakhstan' },
        recommendations: 1,
        unaddressed: 1,
        unaddressedRecommendations: [{ key: 'R-4' }],
      },
    ]);
  });

  it('counts illustrative links and recommendations with includeIllustrative', async () => {
    const result = await execute(RANKING, { ill: true });
    const rows = result.data?.memberStatesByUnaddressedRecommendations as {
      memberState: { id: string };
      recommendations: number;
      unaddressed: number;
    }[];
    expect(rows.map((r) => [r.memberState.id, r.recommendations, r.unaddressed])).toEqual([
      ['MemberState:KAZ', 1, 1],
      ['MemberState:NER', 2, 1],
    ]);
  });

  it('honours first, including 0', async () => {
    const one = await execute(RANKING, { first: 1 });
    expect(one.data?.memberStatesByUnaddressedRecommendations).toHaveLength(1);
    const none = await execute(RANKING, { first: 0 });
    expect(none.data?.memberStatesByUnaddressedRecommendations).toEqual([]);
  });

  it('rejects a negative first with BAD_USER_INPUT', async () => {
    const result = await execute(RANKING, { first: -1 });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});
