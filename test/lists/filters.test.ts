// Every list filter and every sort order, each on a fixture built so that its answer differs
// from the others', and each asserted as the keys a user would expect, in order.
import { beforeAll, describe, expect, it } from 'vitest';
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
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const fixture = () => ({
  documents: [document()],
  'member-states': [
    memberState('MLI', 'Mali', { nameZh: '马里' }),
    memberState('NER', 'Niger'),
    memberState('KAZ', 'Kazakhstan'),
  ],
  regions: [region('sahel', ['MLI', 'NER']), region('central-asia', ['KAZ'])],
  entities: [
    entity('CTED'),
    entity('UNODC'),
    entity('UNOCT'),
    entity('OSCE', 'Organization for Security and Co-operation in Europe', {
      kind: 'regional-organisation',
      compactMember: false,
    }),
  ],
  'thematic-areas': [theme('border'), theme('justice')],
  resolutions: [resolution('S/RES/2396 (2017)', 2017), resolution('A/RES/72/284', 2018)],
  projects: [
    project('P-1', {
      title: 'Alpha border',
      implementers: [['UNODC', 'lead']],
      beneficiaries: ['MLI'],
      themes: ['border'],
      resolutions: ['S/RES/2396 (2017)'],
      pillars: ['III'],
      start: 2016,
      end: 2022,
    }),
    project('P-2', {
      title: 'beta justice',
      implementers: [['UNOCT', 'lead']],
      beneficiaries: ['NER'],
      themes: ['justice'],
      pillars: ['II'],
      status: 'completed',
      start: 2018,
      end: 2021,
    }),
    project('P-3', {
      title: 'Gamma',
      implementers: [['UNODC', 'lead']],
      beneficiaries: ['KAZ'],
      regions: ['sahel'],
      pillars: ['I', 'III'],
      status: 'planned',
      start: 2014,
      end: 2016,
    }),
    project('P-4', {
      implementers: [['UNODC', 'lead']],
      beneficiaries: ['MLI'],
      illustrative: true,
    }),
    project('P-5', { title: 'delta', pillars: ['IV'], start: 2020 }),
  ],
  recommendations: [
    recommendation('R-1', {
      addressedTo: [{ state: 'MLI' }],
      themes: ['border'],
      pillars: ['III'],
      implementedBy: [['P-1', false]],
    }),
    recommendation('R-2', {
      issuer: 'UNOCT',
      addressedTo: [{ entity: 'UNODC' }],
      themes: ['justice'],
      pillars: ['II'],
    }),
    recommendation('R-3', {
      addressedTo: [{ state: 'KAZ' }],
      pillars: ['I'],
      implementedBy: [['P-3', true]],
    }),
    recommendation('R-4', { addressedTo: [{ state: 'MLI' }], illustrative: true }),
  ],
});

describe('list filters and orders', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  beforeAll(async () => {
    await resetGraph(db, fixture());
    execute = await createExecutor(db);
  });

  /** The keys of a list, in the order answered, and its total. */
  async function keys(field: string, args: string) {
    const result = await execute(
      `{ list: ${field}${args ? `(${args})` : ''} { totalCount nodes { key } } }`,
    );
    expect(result.errors, `${field}(${args})`).toBeUndefined();
    const list = result.data!.list as { totalCount: number; nodes: { key: string }[] };
    expect(list.totalCount, 'totalCount counts the same records').toBe(list.nodes.length);
    return list.nodes.map((n) => n.key);
  }

  it.each([
    [
      'regions: covered or benefiting a member',
      'where: { regions: ["sahel"] }',
      ['P-1', 'P-2', 'P-3'],
    ],
    ['regions: another region', 'where: { regions: ["central-asia"] }', ['P-3']],
    ['statuses', 'where: { statuses: [ONGOING] }', ['P-1', 'P-5']],
    ['statuses (several)', 'where: { statuses: [COMPLETED, PLANNED] }', ['P-2', 'P-3']],
    ['pillars', 'where: { pillars: [III] }', ['P-1', 'P-3']],
    ['activeIn (period ends that year)', 'where: { activeIn: 2016 }', ['P-1', 'P-3']],
    ['activeIn (no end year)', 'where: { activeIn: 2020 }', ['P-1', 'P-2', 'P-5']],
    ['text', 'where: { text: "JUSTICE" }', ['P-2']],
    ['implementers', 'where: { implementers: ["UNOCT"] }', ['P-2']],
    ['memberStates', 'where: { memberStates: ["KAZ"] }', ['P-3']],
    ['thematicAreas', 'where: { thematicAreas: ["border"] }', ['P-1']],
    ['resolutions', 'where: { resolutions: ["S/RES/2396 (2017)"] }', ['P-1']],
    ['no illustrative records by default', 'where: { memberStates: ["MLI"] }', ['P-1']],
    [
      'includeIllustrative',
      'includeIllustrative: true, where: { memberStates: ["MLI"] }',
      ['P-1', 'P-4'],
    ],
    [
      'region start and a condition together',
      'where: { regions: ["sahel"], statuses: [ONGOING] }',
      ['P-1'],
    ],
    ['an empty list matches nothing', 'where: { regions: [] }', []],
    ['orderBy KEY', 'orderBy: KEY', ['P-1', 'P-2', 'P-3', 'P-5']],
    ['orderBy TITLE (case-insensitive)', 'orderBy: TITLE', ['P-1', 'P-2', 'P-5', 'P-3']],
    ['orderBy START_YEAR', 'orderBy: START_YEAR', ['P-3', 'P-1', 'P-2', 'P-5']],
    ['orderBy END_YEAR (unknown last)', 'orderBy: END_YEAR', ['P-3', 'P-2', 'P-1', 'P-5']],
  ])('projects: %s', async (_name, args, expected) => {
    expect(await keys('projects', args)).toEqual(expected);
  });

  it.each([
    ['issuers', 'where: { issuers: ["UNOCT"] }', ['R-2']],
    ['addressees (an entity)', 'where: { addressees: ["UNODC"] }', ['R-2']],
    ['addressees (a State)', 'where: { addressees: ["MLI"] }', ['R-1']],
    ['memberStates', 'where: { memberStates: ["KAZ"] }', ['R-3']],
    ['regions', 'where: { regions: ["sahel"] }', ['R-1']],
    ['thematicAreas', 'where: { thematicAreas: ["justice"] }', ['R-2']],
    ['pillars', 'where: { pillars: [I] }', ['R-3']],
    ['documents', 'where: { documents: ["DOC-TEST"] }', ['R-1', 'R-2', 'R-3']],
    ['documents (another)', 'where: { documents: ["A/73/866"] }', []],
    ['implemented', 'where: { implemented: true }', ['R-1']],
    ['not implemented', 'where: { implemented: false }', ['R-2', 'R-3']],
    [
      'implemented, illustrative links counted',
      'includeIllustrative: true, where: { implemented: true }',
      ['R-1', 'R-3'],
    ],
    ['text', 'where: { text: "r-2" }', ['R-2']],
  ])('recommendations: %s', async (_name, args, expected) => {
    expect(await keys('recommendations', args)).toEqual(expected);
  });

  it('recommendationsWithoutProjects takes the same filters', async () => {
    expect(await keys('recommendationsWithoutProjects', '')).toEqual(['R-2', 'R-3']);
    expect(await keys('recommendationsWithoutProjects', 'where: { pillars: [II] }')).toEqual([
      'R-2',
    ]);
  });

  it.each([
    ['body', 'where: { body: GA }', ['A/RES/72/284']],
    ['yearFrom', 'where: { yearFrom: 2018 }', ['A/RES/72/284']],
    ['yearTo', 'where: { yearTo: 2017 }', ['S/RES/2396 (2017)']],
    ['supported', 'where: { supported: true }', ['S/RES/2396 (2017)']],
    ['not supported', 'where: { supported: false }', ['A/RES/72/284']],
    ['text', 'where: { text: "2396" }', ['S/RES/2396 (2017)']],
    ['by year', '', ['S/RES/2396 (2017)', 'A/RES/72/284']],
  ])('resolutions: %s', async (_name, args, expected) => {
    expect(await keys('resolutions', args)).toEqual(expected);
  });

  it.each([
    ['memberStates', 'where: { keys: ["MLI", "KAZ"] }', ['KAZ', 'MLI']],
    ['memberStates', 'where: { text: "mal" }', ['MLI']],
    ['memberStates', 'where: { text: "马里" }', ['MLI']],
    ['memberStates', 'orderBy: NAME', ['KAZ', 'MLI', 'NER']],
    ['memberStates', 'orderBy: KEY', ['KAZ', 'MLI', 'NER']],
    ['regions', 'orderBy: NAME', ['central-asia', 'sahel']],
    ['thematicAreas', 'where: { keys: ["justice"] }', ['justice']],
    ['documents', 'where: { text: "test document" }', ['DOC-TEST']],
    ['legalInstruments', '', []],
    ['entities', 'where: { kinds: [REGIONAL_ORGANISATION] }', ['OSCE']],
    ['entities', 'where: { compactMember: true }', ['CTED', 'UNOCT', 'UNODC']],
    ['entities', 'where: { text: "co-operation" }', ['OSCE']],
    ['entities', 'orderBy: NAME', ['CTED', 'OSCE', 'UNOCT', 'UNODC']],
  ])('%s(%s)', async (field, args, expected) => {
    expect(await keys(field, args)).toEqual(expected);
  });

  it('names the filter it refuses', async () => {
    const many = JSON.stringify(Array.from({ length: 201 }, (_, i) => `K${i}`));
    const result = await execute(`{ projects(where: { implementers: ${many} }) { totalCount } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'where.implementers',
      limit: 200,
    });
  });
});
