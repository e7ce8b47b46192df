import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gapFixture } from '../support/fixtures.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const EDGES = `query($ids: [ID!]!, $ill: Boolean) { edgesAmong(ids: $ids, includeIllustrative: $ill) {
  type source target illustrative properties { name value } sources { document { id } paragraph } } }`;

const PATHS = `query($from: ID!, $to: ID!, $maxHops: Int, $types: [String!], $ill: Boolean) {
  paths(from: $from, to: $to, maxHops: $maxHops, relationshipTypes: $types, includeIllustrative: $ill) {
    length nodes { id } edges { type source target sources { paragraph } } } }`;

const META = `{ meta { labels { label count illustrative } relationshipTypes { type count } } }`;

type Edge = {
  type: string;
  source: string;
  target: string;
  illustrative: boolean;
  properties: { name: string; value: string }[];
  sources: { document: { id: string }; paragraph: string }[];
};
type Path = {
  length: number;
  nodes: { id: string }[];
  edges: { type: string; source: string; target: string; sources: { paragraph: string }[] }[];
};

const db = testDb();
let execute: Awaited<ReturnType<typeof createExecutor>>;
beforeAll(async () => {
  await resetGraph(db, gapFixture());
  execute = await createExecutor(db);
});
beforeEach(() => {
  db.calls.length = 0;
});

describe('Query.edgesAmong', () => {
  const edges = async (ids: string[], ill?: boolean) =>
    execute<{ edgesAmong: Edge[] }>(EDGES, { ids, ill });

  it('returns every relationship between the given nodes, by type, source and target, in one round trip', async () => {
    const result = await edges([
      'Project:P-1',
      'Entity:UNODC',
      'Entity:UNOCT',
      'MemberState:MLI',
      'Recommendation:R-1',
      'Project:NOPE',
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data?.edgesAmong.map((e) => `${e.source} ${e.type} ${e.target}`)).toEqual([
      'Recommendation:R-1 ADDRESSED_TO MemberState:MLI',
      'Project:P-1 BENEFITS MemberState:MLI',
      'Project:P-1 IMPLEMENTED_BY Entity:UNOCT',
      'Project:P-1 IMPLEMENTED_BY Entity:UNODC',
      'Project:P-1 IMPLEMENTS Recommendation:R-1',
    ]);
    expect(result.data?.edgesAmong[4]).toEqual({
      type: 'IMPLEMENTS',
      source: 'Project:P-1',
      target: 'Recommendation:R-1',
      illustrative: false,
      properties: [
        { name: 'evidence', value: '"documented"' },
        { name: 'how', value: '"stated"' },
        { name: 'illustrative', value: 'false' },
      ],
      sources: [{ document: { id: 'Document:DOC-TEST' }, paragraph: '3' }],
    });
    expect(db.calls[0]).toBe('edgesAmong');
  });

  it('leaves out illustrative relationships unless asked', async () => {
    const ids = ['Project:P-2', 'Recommendation:R-2', 'Recommendation:R-3'];
    expect((await edges(ids)).data?.edgesAmong.map((e) => e.target)).toEqual([
      'Recommendation:R-2',
    ]);
    const all = (await edges(ids, true)).data?.edgesAmong;
    expect(all?.map((e) => [e.target, e.illustrative])).toEqual([
      ['Recommendation:R-2', false],
      ['Recommendation:R-3', true],
    ]);
  });

  it('returns nothing for unknown ids or a single id', async () => {
    expect((await edges(['Project:NOPE', 'Entity:NOPE'])).data?.edgesAmong).toEqual([]);
    expect((await edges(['Project:P-1'])).data?.edgesAmong).toEqual([]);
  });

  it('rejects more than 200 ids with BAD_USER_INPUT naming the limit', async () => {
    const result = await edges(Array.from({ length: 201 }, (_, i) => `Project:P-${i}`));
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'ids',
      limit: 200,
    });
    expect(db.calls).toEqual([]);
  });

  it('rejects a malformed id, naming it', async () => {
    const result = await edges(['Project:P-1', 'P-2']);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'ids',
      value: 'P-2',
    });
  });
});

describe('Query.paths', () => {
  const paths = async (vars: Record<string, unknown>) => execute<{ paths: Path[] }>(PATHS, vars);
  const ids = (list: Path[] | undefined) => list?.map((p) => p.nodes.map((n) => n.id).join(' > '));

  it('returns the shortest path with its relationships and their provenance, in order', async () => {
    const result = await paths({ from: 'Entity:UNODC', to: 'MemberState:MLI' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.paths).toEqual([
      {
        length: 2,
        nodes: [{ id: 'Entity:UNODC' }, { id: 'Project:P-1' }, { id: 'MemberState:MLI' }],
        edges: [
          {
            type: 'IMPLEMENTED_BY',
            source: 'Project:P-1',
            target: 'Entity:UNODC',
            sources: [{ paragraph: 'row 1' }],
          },
          {
            type: 'BENEFITS',
            source: 'Project:P-1',
            target: 'MemberState:MLI',
            sources: [{ paragraph: 'row 1' }],
          },
        ],
      },
    ]);
    expect(db.calls).toEqual(['paths4']);
  });

  it('skips CITED_IN unless asked for it', async () => {
    const viaDocument = await paths({
      from: 'Entity:UNODC',
      to: 'MemberState:MLI',
      types: ['CITED_IN'],
    });
    expect(ids(viaDocument.data?.paths)).toEqual([
      'Entity:UNODC > Document:DOC-TEST > MemberState:MLI',
    ]);
  });

  it('finds every shortest path, leaving out illustrative nodes unless asked', async () => {
    const real = await paths({ from: 'MemberState:KAZ', to: 'MemberState:NER' });
    expect(ids(real.data?.paths)).toEqual([
      'MemberState:KAZ > Recommendation:R-4 > Entity:CTED > Recommendation:R-2 > MemberState:NER',
    ]);
    const all = await paths({ from: 'MemberState:KAZ', to: 'MemberState:NER', ill: true });
    expect(ids(all.data?.paths)).toEqual([
      'MemberState:KAZ > Recommendation:R-4 > Entity:CTED > Recommendation:R-2 > MemberState:NER',
      'MemberState:KAZ > Recommendation:R-4 > Entity:CTED > Recommendation:R-ILL > MemberState:NER',
    ]);
  });

  it('returns no path beyond maxHops, for unknown ids, or from a node to itself', async () => {
    expect(
      (await paths({ from: 'MemberState:KAZ', to: 'MemberState:NER', maxHops: 3 })).data?.paths,
    ).toEqual([]);
    expect((await paths({ from: 'MemberState:KAZ', to: 'MemberState:NOPE' })).data?.paths).toEqual(
      [],
    );
    expect((await paths({ from: 'MemberState:KAZ', to: 'MemberState:KAZ' })).data?.paths).toEqual(
      [],
    );
  });

  it.each([7, 0])('rejects maxHops %d with BAD_USER_INPUT', async (maxHops) => {
    const result = await paths({ from: 'Entity:UNODC', to: 'MemberState:MLI', maxHops });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'maxHops',
      value: maxHops,
      limit: 6,
    });
    expect(db.calls).toEqual([]);
  });

  it('rejects an unknown relationship type and a malformed id, naming them', async () => {
    const badType = await paths({ from: 'Entity:UNODC', to: 'MemberState:MLI', types: ['KNOWS'] });
    expect(badType.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'relationshipTypes',
      value: 'KNOWS',
    });
    const badId = await paths({ from: 'Entity:UNODC', to: 'MLI' });
    expect(badId.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
      value: 'MLI',
    });
  });
});

describe('Query.meta', () => {
  it('counts nodes per label and relationships per type, zeros included', async () => {
    const result = await execute<{
      meta: {
        labels: { label: string; count: number; illustrative: number }[];
        relationshipTypes: { type: string; count: number }[];
      };
    }>(META);
    expect(result.errors).toBeUndefined();
    expect(result.data?.meta.labels).toEqual([
      { label: 'Document', count: 1, illustrative: 0 },
      { label: 'Resolution', count: 1, illustrative: 0 },
      { label: 'LegalInstrument', count: 0, illustrative: 0 },
      { label: 'Recommendation', count: 6, illustrative: 1 },
      { label: 'MemberState', count: 3, illustrative: 0 },
      { label: 'Region', count: 1, illustrative: 0 },
      { label: 'Entity', count: 3, illustrative: 0 },
      { label: 'Project', count: 3, illustrative: 0 },
      { label: 'ThematicArea', count: 2, illustrative: 0 },
    ]);
    expect(
      Object.fromEntries(result.data!.meta.relationshipTypes.map((t) => [t.type, t.count])),
    ).toEqual({
      CITED_IN: 19,
      IMPLEMENTED_BY: 4,
      BENEFITS: 3,
      COVERS: 0,
      IMPLEMENTS: 3,
      SUPPORTS: 1,
      ADDRESSES: 7,
      ISSUED_BY: 6,
      ADDRESSED_TO: 6,
      REFERS_TO: 0,
      MANDATES: 0,
      RECALLS: 0,
      MEMBER_OF: 2,
      CONTRIBUTES_TO: 0,
      PART_OF: 0,
      CONTINUES: 0,
    });
    expect(db.calls).toEqual(['graphMeta']);
  });

  it('lists the same relationship types as the seed writes', async () => {
    const { REL_TYPES } = await import('../../src/records/index.js');
    const result = await execute<{ meta: { relationshipTypes: { type: string }[] } }>(META);
    expect(result.data?.meta.relationshipTypes.map((t) => t.type).sort()).toEqual(
      [...REL_TYPES].sort(),
    );
  });
});
