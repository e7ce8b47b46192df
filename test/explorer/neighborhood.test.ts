import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gapFixture } from '../support/fixtures.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $types: [String!], $direction: Direction, $limit: Int, $ill: Boolean) {
  neighborhood(id: $id, depth: $depth, relationshipTypes: $types, direction: $direction, limitPerType: $limit, includeIllustrative: $ill) {
    nodes { id __typename }
    edges { id type source target illustrative properties { name value } sources { paragraph } }
    degrees { id total byType { type direction count } }
    truncated truncatedTypes
  } }`;

type Result = {
  neighborhood: {
    nodes: { id: string; __typename: string }[];
    edges: {
      id: string;
      type: string;
      source: string;
      target: string;
      illustrative: boolean;
      properties: { name: string; value: string }[];
      sources: { paragraph: string }[];
    }[];
    degrees: {
      id: string;
      total: number;
      byType: { type: string; direction: string; count: number }[];
    }[];
    truncated: boolean;
    truncatedTypes: string[];
  };
};

describe('Query.neighborhood', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  const run = (variables: Record<string, unknown>) => execute<Result>(NEIGHBORHOOD, variables);
  beforeAll(async () => {
    await resetGraph(db, gapFixture());
    execute = await createExecutor(db);
  });
  beforeEach(() => {
    db.calls.length = 0;
  });

  it('returns the start node and its direct neighbours in type, label, key order, in one round trip', async () => {
    const result = await run({ id: 'Entity:UNODC' });
    expect(result.errors).toBeUndefined();
    const n = result.data!.neighborhood;
    expect(n.nodes.map((x) => x.id)).toEqual([
      'Entity:UNODC',
      'Recommendation:R-5',
      'Document:DOC-TEST',
      'Project:P-1',
      'Project:P-3',
    ]);
    expect(n.nodes[0]?.__typename).toBe('Entity');
    expect(n.edges.map((e) => `${e.source} ${e.type} ${e.target}`)).toEqual([
      'Recommendation:R-5 ADDRESSED_TO Entity:UNODC',
      'Entity:UNODC CITED_IN Document:DOC-TEST',
      'Project:P-1 IMPLEMENTED_BY Entity:UNODC',
      'Project:P-3 IMPLEMENTED_BY Entity:UNODC',
    ]);
    expect(n.truncated).toBe(false);
    expect(n.truncatedTypes).toEqual([]);
    expect(db.calls).toEqual(['neighborhoodOfEntity']);
  });

  it('counts no degrees when degrees are not selected, and answers the rest alike', async () => {
    const withDegrees = (await run({ id: 'Entity:UNODC', depth: 2 })).data!.neighborhood;
    db.calls.length = 0;
    const result = await execute<Result>(
      `query($id: ID!) { neighborhood(id: $id, depth: 2) {
        nodes { id __typename }
        edges { id type source target illustrative properties { name value } sources { paragraph } }
        truncated truncatedTypes } }`,
      { id: 'Entity:UNODC' },
    );
    expect(result.errors).toBeUndefined();
    const { degrees: _degrees, ...rest } = withDegrees;
    expect(result.data!.neighborhood).toEqual(rest);
    expect(db.calls).toEqual(['neighborhoodOfEntity', 'neighborhoodHop']);
  });

  it('gives every node its whole degree by type and direction', async () => {
    const n = (await run({ id: 'Entity:UNODC' })).data!.neighborhood;
    expect(n.degrees.map((d) => d.id)).toEqual(n.nodes.map((x) => x.id));
    expect(n.degrees[0]).toEqual({
      id: 'Entity:UNODC',
      total: 4,
      byType: [
        { type: 'ADDRESSED_TO', direction: 'IN', count: 1 },
        { type: 'CITED_IN', direction: 'OUT', count: 1 },
        { type: 'IMPLEMENTED_BY', direction: 'IN', count: 2 },
      ],
    });
    // The document is cited by every node of the fixture: 3 + 1 + 3 + 2 + 1 + 3 + 5 real ones.
    expect(n.degrees.find((d) => d.id === 'Document:DOC-TEST')).toEqual({
      id: 'Document:DOC-TEST',
      total: 18,
      byType: [{ type: 'CITED_IN', direction: 'IN', count: 18 }],
    });
  });

  it('exposes relationship properties as JSON text and provenance as sources', async () => {
    const n = (await run({ id: 'Entity:UNODC', types: ['IMPLEMENTED_BY'] })).data!.neighborhood;
    expect(n.edges[0]).toMatchObject({
      type: 'IMPLEMENTED_BY',
      source: 'Project:P-1',
      illustrative: false,
      properties: [
        { name: 'evidence', value: '"documented"' },
        { name: 'role', value: '"lead"' },
      ],
      sources: [{ paragraph: 'row 1' }],
    });
    expect(n.edges[0]?.id).toMatch(/\S/);
    const cited = (await run({ id: 'Entity:UNODC', types: ['CITED_IN'] })).data!.neighborhood;
    expect(cited.edges[0]).toMatchObject({
      properties: [
        { name: 'evidence', value: '"documented"' },
        { name: 'paragraph', value: '"1"' },
      ],
      sources: [{ paragraph: '1' }],
    });
  });

  it('follows only the relationship types and direction asked for', async () => {
    const incoming = (await run({ id: 'Entity:UNODC', types: ['IMPLEMENTED_BY'], direction: 'IN' }))
      .data!.neighborhood;
    expect(incoming.nodes.map((x) => x.id)).toEqual(['Entity:UNODC', 'Project:P-1', 'Project:P-3']);
    const outgoing = (
      await run({ id: 'Entity:UNODC', types: ['IMPLEMENTED_BY'], direction: 'OUT' })
    ).data!.neighborhood;
    expect(outgoing.nodes.map((x) => x.id)).toEqual(['Entity:UNODC']);
    expect(outgoing.edges).toEqual([]);
    const out = (
      await run({
        id: 'Project:P-1',
        direction: 'OUT',
        types: ['BENEFITS', 'SUPPORTS', 'IMPLEMENTS'],
      })
    ).data!.neighborhood;
    expect(out.nodes.map((x) => x.id)).toEqual([
      'Project:P-1',
      'MemberState:MLI',
      'Recommendation:R-1',
      'Resolution:S/RES/2396 (2017)',
    ]);
  });

  it('keeps at most limitPerType links per type and reports the cut types', async () => {
    const n = (await run({ id: 'Entity:UNODC', limit: 1 })).data!.neighborhood;
    expect(n.nodes.map((x) => x.id)).toEqual([
      'Entity:UNODC',
      'Recommendation:R-5',
      'Document:DOC-TEST',
      'Project:P-1',
    ]);
    expect(n.truncated).toBe(true);
    expect(n.truncatedTypes).toEqual(['IMPLEMENTED_BY']);
    expect(n.degrees[0]?.total).toBe(4);
  });

  it('expands a second hop in one more round trip, without repeating nodes or edges', async () => {
    const n = (await run({ id: 'Entity:UNODC', depth: 2, types: ['IMPLEMENTED_BY', 'BENEFITS'] }))
      .data!.neighborhood;
    expect(n.nodes.map((x) => x.id)).toEqual([
      'Entity:UNODC',
      'Project:P-1',
      'Project:P-3',
      'MemberState:MLI',
      'Entity:UNOCT',
      'MemberState:KAZ',
    ]);
    expect(n.edges.map((e) => `${e.source} ${e.type} ${e.target}`)).toEqual([
      'Project:P-1 IMPLEMENTED_BY Entity:UNODC',
      'Project:P-3 IMPLEMENTED_BY Entity:UNODC',
      'Project:P-1 BENEFITS MemberState:MLI',
      'Project:P-1 IMPLEMENTED_BY Entity:UNOCT',
      'Project:P-3 BENEFITS MemberState:KAZ',
    ]);
    expect(n.degrees.map((d) => d.id)).toEqual(n.nodes.map((x) => x.id));
    expect(n.truncated).toBe(false);
    expect(db.calls).toEqual(['neighborhoodOfEntity', 'neighborhoodHop']);
  });

  it('reports truncation on the second hop', async () => {
    const n = (
      await run({
        id: 'MemberState:MLI',
        depth: 2,
        types: ['BENEFITS', 'IMPLEMENTED_BY'],
        limit: 1,
      })
    ).data!.neighborhood;
    // MLI ← P-1 (only beneficiary link); P-1 has two implementers, one is kept.
    expect(n.nodes.map((x) => x.id)).toEqual(['MemberState:MLI', 'Project:P-1', 'Entity:UNOCT']);
    expect(n.truncatedTypes).toEqual(['IMPLEMENTED_BY']);
  });

  it('leaves out illustrative links and nodes unless asked', async () => {
    const real = (await run({ id: 'Recommendation:R-3', types: ['IMPLEMENTS'] })).data!
      .neighborhood;
    expect(real.nodes.map((x) => x.id)).toEqual(['Recommendation:R-3']);
    expect(real.degrees[0]?.byType.map((c) => c.type)).not.toContain('IMPLEMENTS');
    const all = (await run({ id: 'Recommendation:R-3', types: ['IMPLEMENTS'], ill: true })).data!
      .neighborhood;
    expect(all.nodes.map((x) => x.id)).toEqual(['Recommendation:R-3', 'Project:P-2']);
    expect(all.edges[0]).toMatchObject({
      type: 'IMPLEMENTS',
      illustrative: true,
      sources: [{ paragraph: '3' }],
    });
    const cted = (await run({ id: 'Entity:CTED', types: ['ISSUED_BY'] })).data!.neighborhood;
    expect(cted.nodes.map((x) => x.id)).toEqual([
      'Entity:CTED',
      'Recommendation:R-1',
      'Recommendation:R-2',
      'Recommendation:R-3',
      'Recommendation:R-4',
    ]);
    expect(cted.degrees[0]?.byType).toContainEqual({
      type: 'ISSUED_BY',
      direction: 'IN',
      count: 4,
    });
    const hidden = (await run({ id: 'Recommendation:R-ILL' })).data!.neighborhood;
    expect(hidden.nodes).toEqual([]);
    const shown = (await run({ id: 'Recommendation:R-ILL', ill: true })).data!.neighborhood;
    expect(shown.nodes.map((x) => x.id)).toEqual([
      'Recommendation:R-ILL',
      'MemberState:NER',
      'Document:DOC-TEST',
      'Entity:CTED',
    ]);
  });

  it('returns an empty neighbourhood for an unknown id', async () => {
    const result = await run({ id: 'Project:NOPE-0', depth: 2 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.neighborhood).toEqual({
      nodes: [],
      edges: [],
      degrees: [],
      truncated: false,
      truncatedTypes: [],
    });
  });

  it.each([
    [{ depth: 3 }, 'depth', 3],
    [{ depth: 0 }, 'depth', 0],
    [{ limit: 101 }, 'limitPerType', 101],
    [{ limit: 0 }, 'limitPerType', 0],
  ])(
    'rejects %j with BAD_USER_INPUT naming the argument, value and limit',
    async (args, field, value) => {
      const result = await run({ id: 'Entity:UNODC', ...args });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        value,
      });
      expect(result.errors?.[0]?.message).toContain(field);
      expect(db.calls).toEqual([]);
    },
  );

  it('rejects an unknown relationship type, naming it', async () => {
    const result = await run({ id: 'Entity:UNODC', types: ['IMPLEMENTED_BY', 'FRIENDS_WITH'] });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'relationshipTypes',
      value: 'FRIENDS_WITH',
    });
    expect(result.errors?.[0]?.message).toContain('"FRIENDS_WITH"');
    expect(db.calls).toEqual([]);
  });

  it('rejects a malformed id with BAD_USER_INPUT', async () => {
    const result = await run({ id: 'UNODC' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

// What a query does not select is not read; the answer to what it does select stays the same.
describe('Query.neighborhood reads only what is selected', () => {
  const db = testDb();
  /** The parameters of every neighbourhood statement sent, in order. */
  const sent: Record<string, unknown>[] = [];
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  beforeAll(async () => {
    await resetGraph(db, gapFixture());
    const spied: typeof db = {
      ...db,
      read: (query, params, options) => {
        if (query.name.startsWith('neighborhood')) sent.push(params as Record<string, unknown>);
        return db.read(query, params, options);
      },
    };
    execute = await createExecutor(spied);
  });
  beforeEach(() => {
    sent.length = 0;
  });
  const flags = () =>
    sent.map(({ bareNodes, bareEdges, neighbourDegrees }) => ({
      bareNodes,
      bareEdges,
      neighbourDegrees,
    }));

  it('reads ids only when only ids are selected, and gives the same ids', async () => {
    const full = (await execute<Result>(NEIGHBORHOOD, { id: 'Entity:UNODC', depth: 2 })).data!;
    // Nodes are selected by id there too; links with their properties and sources.
    expect(flags()).toEqual(
      Array(2).fill({ bareNodes: true, bareEdges: false, neighbourDegrees: true }),
    );
    sent.length = 0;
    const bare = await execute<Result>(
      `query($id: ID!) { neighborhood(id: $id, depth: 2) {
        nodes { id key __typename } edges { id type source target } truncatedTypes } }`,
      { id: 'Entity:UNODC' },
    );
    expect(bare.errors).toBeUndefined();
    expect(flags()).toEqual(
      Array(2).fill({ bareNodes: true, bareEdges: true, neighbourDegrees: false }),
    );
    const n = bare.data!.neighborhood;
    expect(n.nodes).toEqual(
      full.neighborhood.nodes.map((x) => ({ ...x, key: x.id.slice(x.id.indexOf(':') + 1) })),
    );
    expect(n.edges).toEqual(
      full.neighborhood.edges.map(({ id, type, source, target }) => ({ id, type, source, target })),
    );
    expect(n.truncatedTypes).toEqual(full.neighborhood.truncatedTypes);
  });

  it('reads whole nodes and links when a fragment selects more than their ids', async () => {
    const result = await execute(
      `query($id: ID!) { neighborhood(id: $id) {
        nodes { id ...named } edges { id illustrative } } }
       fragment named on Node { ... on Project { title } }`,
      { id: 'Entity:UNODC' },
    );
    expect(result.errors).toBeUndefined();
    expect(flags()).toEqual([{ bareNodes: false, bareEdges: false, neighbourDegrees: false }]);
    const titles = (result.data!.neighborhood.nodes as { id: string; title?: string }[])
      .filter((x) => x.id.startsWith('Project:'))
      .map((x) => x.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
  });

  it('gives degrees(ids) the degrees of those nodes only, counting no other when only the start is asked', async () => {
    const full = (await execute<Result>(NEIGHBORHOOD, { id: 'Entity:UNODC' })).data!.neighborhood;
    const neighbour = full.nodes[1]!.id;
    sent.length = 0;
    const result = await execute<{
      neighborhood: {
        start: Result['neighborhood']['degrees'];
        some: Result['neighborhood']['degrees'];
      };
    }>(
      `query($id: ID!, $ids: [ID!]) { neighborhood(id: $id) {
        start: degrees(ids: [$id]) { id total byType { type direction count } }
        some: degrees(ids: $ids) { id total byType { type direction count } } } }`,
      { id: 'Entity:UNODC', ids: [neighbour, 'Entity:NOT-THERE'] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.neighborhood.start).toEqual([full.degrees[0]]);
    expect(result.data!.neighborhood.some).toEqual(full.degrees.filter((d) => d.id === neighbour));
    expect(flags()).toEqual([{ bareNodes: true, bareEdges: true, neighbourDegrees: true }]);

    sent.length = 0;
    const startOnly = await execute(
      `query($id: ID!) { neighborhood(id: $id) { degrees(ids: [$id]) { id total } } }`,
      { id: 'Entity:UNODC' },
    );
    expect(startOnly.data!.neighborhood.degrees).toEqual([
      { id: 'Entity:UNODC', total: full.degrees[0]!.total },
    ]);
    expect(flags()).toEqual([{ bareNodes: true, bareEdges: true, neighbourDegrees: false }]);
  });
});
