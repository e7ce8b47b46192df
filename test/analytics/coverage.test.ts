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

const COVERAGE = `query ($by: CoverageDimension!, $ill: Boolean) {
  coverage(by: $by, includeIllustrative: $ill) { key label projects recommendations recommendationsWithProject ratio share }
}`;

type Group = {
  key: string;
  label: string;
  projects: number;
  recommendations: number;
  recommendationsWithProject: number;
  ratio: number | null;
  share: number | null;
};

async function coverage(by: string, ill = false): Promise<Group[]> {
  const result = await execute(COVERAGE, { by, ill });
  expect(result.errors).toBeUndefined();
  return result.data?.coverage as Group[];
}

const counts = (groups: Group[]) =>
  groups.map((g) => [g.key, g.projects, g.recommendations, g.recommendationsWithProject]);

// 7 real projects (P-1 … P-7); P-ILL is illustrative.
describe('Query.coverage', () => {
  it('groups by pillar, leaving out empty pillars', async () => {
    const groups = await coverage('PILLAR');
    expect(groups).toEqual([
      {
        key: 'III',
        label: "Pillar III: States' capacity and the UN system",
        projects: 7,
        recommendations: 1,
        recommendationsWithProject: 1,
        ratio: 1,
        share: 1,
      },
    ]);
  });

  it('groups by region: covering projects and projects benefiting a member State', async () => {
    const groups = await coverage('REGION');
    expect(counts(groups)).toEqual([['sahel', 6, 4, 2]]);
    expect(groups[0]?.ratio).toBe(0.5);
    expect(groups[0]?.share).toBeCloseTo(6 / 7);
  });

  it('groups by Member State; an illustrative link does not count', async () => {
    const groups = await coverage('MEMBER_STATE');
    expect(counts(groups)).toEqual([
      ['KAZ', 1, 1, 0],
      ['MLI', 4, 3, 1],
      ['NER', 1, 1, 1],
    ]);
    expect(groups.map((g) => g.ratio)).toEqual([0, 1 / 3, 1]);
    expect(groups[1]?.label).toBe('Mali');
  });

  it('groups by entity with a null ratio where no recommendation is addressed', async () => {
    const groups = await coverage('ENTITY');
    expect(counts(groups)).toEqual([
      ['CTED', 1, 0, 0],
      ['UNOCT', 3, 0, 0],
      ['UNODC', 4, 1, 0],
    ]);
    expect(groups.map((g) => g.ratio)).toEqual([null, null, 0]);
  });

  it('groups by thematic area', async () => {
    expect(counts(await coverage('THEMATIC_AREA'))).toEqual([
      ['border-management', 5, 2, 1],
      ['criminal-justice', 2, 3, 1],
    ]);
  });

  it('counts illustrative projects, links and recommendations with includeIllustrative', async () => {
    const groups = await coverage('MEMBER_STATE', true);
    // MLI: P-ILL joins; become implemented. NER: R-ILL joins, unimplemented.
    expect(counts(groups)).toEqual([
      ['KAZ', 1, 1, 0],
      ['MLI', 5, 3, 3],
      ['NER', 1, 2, 1],
    ]);
    expect(groups[1]?.share).toBeCloseTo(5 / 8);
  });

  it('returns an empty list on an empty graph', async () => {
    await resetGraph(db, {});
    expect(await coverage('PILLAR')).toEqual([]);
    expect(await coverage('MEMBER_STATE')).toEqual([]);
    await resetGraph(db, analyticsFixture());
  });

  it('rejects an unknown dimension at validation', async () => {
    const result = await execute(COVERAGE, { by: 'COUNTRY' });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
