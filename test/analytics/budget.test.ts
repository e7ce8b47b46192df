import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/records/index.js';
import { resetGraph, testDb, type TestDb } from '../support/neo4j.js';
import { createExecutor } from '../support/graphql.js';
import {
  document,
  entity,
  memberState,
  project,
  recommendation,
  region,
  resolution,
  theme,
} from '../support/fixtures.js';

/**
 * A graph of `scale` blocks. Each block has 3 States (one region), 2 entities, 2 themes, two resolutions (one supported),
 * 6 projects (overlapping periods, different leads, some supporting the resolution) and 6
 * recommendations (half implemented, one only through an illustrative link).
 */
function scaledFixture(scale: number): Partial<Dataset> {
  const data: Required<
    Pick<
      Dataset,
      | 'member-states'
      | 'regions'
      | 'entities'
      | 'thematic-areas'
      | 'resolutions'
      | 'projects'
      | 'recommendations'
    >
  > = {
    'member-states': [],
    regions: [],
    entities: [],
    'thematic-areas': [],
    resolutions: [],
    projects: [],
    recommendations: [],
  };
  for (let b = 0; b < scale; b++) {
    const states = [0, 1, 2].map((i) => `S${b}x${i}`);
    data['member-states'].push(...states.map((s) => memberState(s, `State ${s}`)));
    data.regions.push(region(`region-${b}`, states));
    data.entities.push(entity(`E${b}a`), entity(`E${b}b`));
    data['thematic-areas'].push(theme(`theme-${b}-a`), theme(`theme-${b}-b`));
    data.resolutions.push(
      resolution(`S/RES/${1000 + b} (2017)`, 2017),
      resolution(`S/RES/${2000 + b} (2018)`, 2018),
    );
    for (let i = 0; i < 6; i++) {
      data.projects.push(
        project(`P-${b}-${i}`, {
          implementers: [
            [i % 2 === 0 ? `E${b}a` : `E${b}b`, 'lead'],
            [i % 2 === 0 ? `E${b}b` : `E${b}a`, 'partner'],
          ],
          beneficiaries: [states[i % 3]!, states[(i + 1) % 3]!],
          regions: i === 5 ? [`region-${b}`] : [],
          themes: [i < 3 ? `theme-${b}-a` : `theme-${b}-b`],
          resolutions: i === 0 ? [`S/RES/${1000 + b} (2017)`] : [],
          start: 2015 + i,
          end: 2019 + i,
        }),
      );
      data.recommendations.push(
        recommendation(`R-${b}-${i}`, {
          issuer: `E${b}a`,
          addressedTo: [{ state: states[i % 3]! }],
          themes: [i < 3 ? `theme-${b}-a` : `theme-${b}-b`],
          pillars: ['III'],
          implementedBy: i < 3 ? [[`P-${b}-${i}`, false]] : i === 3 ? [[`P-${b}-${i}`, true]] : [],
        }),
      );
    }
  }
  return { documents: [document()], ...data };
}

const OPERATIONS: Record<string, string> = {
  projects: `{ projects(first: 50) { totalCount nodes { key
      implementers { role entity { key name } }
      beneficiaries { memberState { key name } }
      themes { thematicArea { key name } } } } }`,
  recommendationsWithoutProjects: `{ recommendationsWithoutProjects(first: 50) { totalCount nodes { key title
      issuer { key name } addressedTo { addressee { ... on MemberState { key name } ... on Entity { key name } } } } } }`,
  project: `{ node(id: "Project:P-0-5") { key ... on Project { title status
      implementers { role entity { key name } } beneficiaries { memberState { key name } }
      regions { region { key name } } themes { thematicArea { key name } }
      resolutions { resolution { key year } } recommendations { recommendation { key title } } } } }`,
  twoHops: `{ node(id: "Entity:E0a") { ... on Entity { projects { role project { key
      beneficiaries { memberState { key name regions { region { key } } } } } } } } }`,
  resolutionsWithoutProjects: `{ resolutionsWithoutProjects(first: 50) { totalCount nodes { key year } } }`,
  coverage: `{ p: coverage(by: PILLAR) { key ratio } r: coverage(by: REGION) { key ratio } m: coverage(by: MEMBER_STATE) { key ratio }
      e: coverage(by: ENTITY) { key ratio } t: coverage(by: THEMATIC_AREA) { key ratio } }`,
  memberStatesByUnaddressedRecommendations: `{ memberStatesByUnaddressedRecommendations(first: 50) {
      memberState { key name } unaddressed unaddressedRecommendations { key title } } }`,
  overlappingProjects: `{ overlappingProjects(first: 50) { project { key title } otherProject { key title }
      projectLeads { key } otherProjectLeads { key } memberStates { key } thematicAreas { key } overlapStart } }`,
  candidateProjects: `{ candidateProjects(recommendationId: "Recommendation:R-0-4", first: 50) { project { key title } score reasons } }`,
};

/** The statement names each operation sends, and how many rows its first list returned. */
async function measure(db: TestDb, scale: number) {
  await resetGraph(db, scaledFixture(scale));
  const execute = await createExecutor(db);
  const out: Record<string, { calls: string[]; size: number }> = {};
  for (const [name, query] of Object.entries(OPERATIONS)) {
    db.calls.length = 0;
    const result = await execute(query);
    expect(result.errors, name).toBeUndefined();
    const first = Object.values(result.data ?? {})[0] as unknown;
    const list = Array.isArray(first)
      ? first
      : ((first as { nodes?: unknown[] } | null)?.nodes ?? []);
    out[name] = { calls: [...db.calls].sort(), size: list.length };
  }
  return out;
}

describe('round-trip budget', () => {
  const db = testDb();
  let small: Awaited<ReturnType<typeof measure>>;
  let large: Awaited<ReturnType<typeof measure>>;

  beforeAll(async () => {
    small = await measure(db, 1);
    large = await measure(db, 10);
  });

  it('sends the same statements on a graph ten times larger', () => {
    for (const name of Object.keys(OPERATIONS)) {
      expect(large[name]?.calls, name).toEqual(small[name]?.calls);
    }
  });

  it('returns more rows on the larger graph (the comparison is not vacuous)', () => {
    expect(small['projects']?.size).toBe(6);
    expect(large['projects']?.size).toBe(50);
    for (const name of [
      'recommendationsWithoutProjects',
      'resolutionsWithoutProjects',
      'memberStatesByUnaddressedRecommendations',
      'overlappingProjects',
    ]) {
      expect(large[name]!.size, name).toBeGreaterThan(small[name]!.size);
    }
  });

  it('spends one statement per root field, links included', () => {
    expect(small['projects']?.calls).toEqual(['projects']);
    expect(small['recommendationsWithoutProjects']?.calls).toEqual([
      'recommendationsWithoutProjects',
    ]);
    expect(small['project']?.calls).toEqual(['nodesProject']);
    expect(small['twoHops']?.calls).toEqual(['nodesEntity']);
    expect(small['resolutionsWithoutProjects']?.calls).toEqual(['resolutionsWithoutProjects']);
    expect(small['coverage']?.calls).toEqual([
      'coverageByEntity',
      'coverageByMemberState',
      'coverageByPillar',
      'coverageByRegion',
      'coverageByThematicArea',
    ]);
    expect(small['memberStatesByUnaddressedRecommendations']?.calls).toEqual([
      'memberStatesByUnaddressedRecommendations',
    ]);
    expect(small['overlappingProjects']?.calls).toEqual(['overlappingProjects']);
    // The recommendation (its stored candidates), then their projects: two, whatever the size.
    expect(small['candidateProjects']?.calls).toEqual(['projectByKey', 'recommendationByKey']);
  });
});
