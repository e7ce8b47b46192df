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

const OVERLAPS = `query ($ms: String, $ta: String, $first: Int, $ill: Boolean) {
  overlappingProjects(memberState: $ms, thematicArea: $ta, first: $first, includeIllustrative: $ill) {
    project { key } otherProject { key } projectLeads { key } otherProjectLeads { key }
    memberStates { key } thematicAreas { key } overlapStart overlapEnd
  }
}`;

type Overlap = {
  project: { key: string };
  otherProject: { key: string };
  overlapStart: number;
  overlapEnd: number;
};
const pairs = (rows: Overlap[]) =>
  rows.map((r) => [r.project.key, r.otherProject.key, r.overlapStart, r.overlapEnd]);

describe('Query.overlappingProjects', () => {
  it('pairs projects with different leads, a shared State and theme and overlapping known periods', async () => {
    const result = await execute(OVERLAPS);
    expect(result.errors).toBeUndefined();
    // P-1/P-5 share the lead UNODC; P-6 has no period; P-ILL is illustrative.
    expect(result.data?.overlappingProjects).toEqual([
      {
        project: { key: 'P-1' },
        otherProject: { key: 'P-4' },
        projectLeads: [{ key: 'UNODC' }],
        otherProjectLeads: [{ key: 'UNOCT' }],
        memberStates: [{ key: 'MLI' }],
        thematicAreas: [{ key: 'border-management' }],
        overlapStart: 2018,
        overlapEnd: 2019,
      },
      {
        project: { key: 'P-4' },
        otherProject: { key: 'P-5' },
        projectLeads: [{ key: 'UNOCT' }],
        otherProjectLeads: [{ key: 'UNODC' }],
        memberStates: [{ key: 'MLI' }],
        thematicAreas: [{ key: 'border-management' }],
        overlapStart: 2018,
        overlapEnd: 2018,
      },
    ]);
  });

  it('includes illustrative projects with includeIllustrative', async () => {
    const result = await execute(OVERLAPS, { ill: true });
    expect(pairs(result.data?.overlappingProjects)).toEqual([
      ['P-1', 'P-4', 2018, 2019],
      ['P-1', 'P-ILL', 2017, 2018],
      ['P-4', 'P-5', 2018, 2018],
      ['P-5', 'P-ILL', 2017, 2018],
    ]);
  });

  it('filters by Member State and thematic area, down to empty', async () => {
    const mli = await execute(OVERLAPS, { ms: 'MLI', ta: 'border-management', first: 1 });
    expect(pairs(mli.data?.overlappingProjects)).toEqual([['P-1', 'P-4', 2018, 2019]]);
    const ner = await execute(OVERLAPS, { ms: 'NER' });
    expect(ner.data?.overlappingProjects).toEqual([]);
    const cj = await execute(OVERLAPS, { ta: 'criminal-justice' });
    expect(cj.data?.overlappingProjects).toEqual([]);
  });

  it('rejects an overlong key with BAD_USER_INPUT naming the argument', async () => {
    const result = await execute(OVERLAPS, { ms: 'X'.repeat(101) });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'memberState',
      limit: 100,
    });
  });
});

const CANDIDATES = `query ($id: ID!, $first: Int, $ill: Boolean) {
  candidateProjects(recommendationId: $id, first: $first, includeIllustrative: $ill) { project { id } score reasons inferred rulesVersion }
}`;

const MALI = 'benefits Mali (MLI), to which the recommendation is addressed';

describe('Query.candidateProjects', () => {
  it('ranks unlinked projects by the rules, with reasons, leaving out projects that ended before the recommendation', async () => {
    const result = await execute(CANDIDATES, { id: 'Recommendation:R-1' });
    expect(result.errors).toBeUndefined();
    // P-1 implements R-1; P-5 ended in 2018, before R-1's document (2020); P-ILL is illustrative.
    // P-7 shares only the place (it covers the Sahel, Mali's region): a weaker candidate.
    const candidate = (id: string, score: number, reasons: string[]) => ({
      project: { id },
      score,
      reasons,
      inferred: false,
      rulesVersion: 'implementation-rules/1',
    });
    const both = ['both address border-management', MALI];
    expect(result.data?.candidateProjects).toEqual([
      candidate('Project:P-4', 4, both),
      candidate('Project:P-6', 4, both),
      candidate('Project:P-7', 2, ['covers sahel, which includes Mali (MLI)']),
    ]);
  });

  it('finds a project through a region containing the State; with illustrative data, an illustrative link takes it out', async () => {
    const result = await execute(CANDIDATES, { id: 'Recommendation:R-6' });
    expect(result.data?.candidateProjects.slice(0, 1)).toEqual([
      {
        project: { id: 'Project:P-7' },
        score: 4,
        reasons: ['both address criminal-justice', 'covers sahel, which includes Mali (MLI)'],
        inferred: false,
        rulesVersion: 'implementation-rules/1',
      },
    ]);
    // With illustrative data the link counts, so P-7 is already linked.
    const ill = await execute(CANDIDATES, { id: 'Recommendation:R-6', ill: true });
    const ids = (data: typeof ill.data) =>
      data?.candidateProjects.map((c: { project: { id: string } }) => c.project.id);
    expect(ids(result.data)).toContain('Project:P-7');
    expect(ids(ill.data)).not.toContain('Project:P-7');
    expect(ids(ill.data)).toEqual(ids(result.data).filter((id: string) => id !== 'Project:P-7'));
  });

  it('honours first', async () => {
    const two = await execute(CANDIDATES, { id: 'Recommendation:R-1', first: 1 });
    expect(two.data?.candidateProjects).toHaveLength(1);
  });

  it('ranks a project of an addressed entity for a recommendation with no place or theme', async () => {
    const result = await execute(CANDIDATES, { id: 'Recommendation:R-5' });
    // UNODC also implements P-1 and P-5, which ended before 2020.
    expect(result.data?.candidateProjects).toEqual([
      {
        project: { id: 'Project:P-7' },
        score: 3,
        reasons: ['implemented by UNODC, to which the recommendation is addressed'],
        inferred: false,
        rulesVersion: 'implementation-rules/1',
      },
    ]);
    const evidence = await execute(`{ node(id: "Recommendation:R-5") { ... on Recommendation {
      implementationEvidence { documented reported inferred candidates documentedResponses noCandidateReason } } } }`);
    expect(evidence.data?.node.implementationEvidence).toEqual({
      documented: 0,
      reported: 0,
      inferred: 0,
      candidates: 1,
      documentedResponses: 0,
      noCandidateReason: null,
    });
  });

  it('returns null for an unknown recommendation', async () => {
    const result = await execute(CANDIDATES, { id: 'Recommendation:NOPE' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.candidateProjects).toBeNull();
  });

  it('rejects an id of another label with BAD_USER_INPUT naming recommendationId', async () => {
    const result = await execute(CANDIDATES, { id: 'Project:P-1' });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'recommendationId',
    });
  });
});
