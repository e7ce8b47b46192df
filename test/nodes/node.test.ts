import { beforeAll, describe, expect, it } from 'vitest';
import { gapFixture } from '../support/fixtures.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const NODE = `query($id: ID!) { node(id: $id) { id key illustrative sources { document { id } paragraph }
  ... on Project { title status implementers { role entity { id } sources { paragraph } } }
  ... on Entity { name projects { role project { id } } }
  ... on MemberState { name projects { project { id } } recommendations { recommendation { id } } } } }`;

describe('Query.node', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  beforeAll(async () => {
    await resetGraph(db, gapFixture());
    execute = await createExecutor(db);
  });

  it('returns a project with its implementers and provenance', async () => {
    const result = await execute(NODE, { id: 'Project:P-1' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toMatchObject({
      id: 'Project:P-1',
      key: 'P-1',
      illustrative: false,
      status: 'ONGOING',
      sources: [{ document: { id: 'Document:DOC-TEST' }, paragraph: 'row 1' }],
      implementers: [
        { role: 'partner', entity: { id: 'Entity:UNOCT' }, sources: [{ paragraph: 'row 1' }] },
        { role: 'lead', entity: { id: 'Entity:UNODC' }, sources: [{ paragraph: 'row 1' }] },
      ],
    });
  });

  it('follows links in the other direction', async () => {
    const entity = await execute(NODE, { id: 'Entity:UNODC' });
    expect(entity.data?.node.projects.map((l: any) => l.project.id)).toEqual([
      'Project:P-1',
      'Project:P-3',
    ]);
    const state = await execute(NODE, { id: 'MemberState:MLI' });
    expect(state.data?.node.projects.map((l: any) => l.project.id)).toEqual(['Project:P-1']);
    expect(state.data?.node.recommendations.map((l: any) => l.recommendation.id)).toEqual([
      'Recommendation:R-1',
      'Recommendation:R-3',
    ]);
  });

  it('returns null for an unknown id', async () => {
    const result = await execute(NODE, { id: 'Project:NOPE-0' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toBeNull();
  });

  it.each(['not-an-id', 'Spaceship:1', 'Project:', ':P-1'])(
    'rejects the malformed id %j with BAD_USER_INPUT naming it',
    async (id) => {
      const result = await execute(NODE, { id });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(JSON.stringify(id));
    },
  );

  it('never sends a stack trace', async () => {
    const result = await execute(NODE, { id: 'nope' });
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it('loads several nodes in the order given, null for unknown ones', async () => {
    const result = await execute(
      `{ nodes(ids: ["MemberState:NER", "Project:NOPE", "Entity:CTED"]) { id } }`,
    );
    expect(result.data?.nodes).toEqual([{ id: 'MemberState:NER' }, null, { id: 'Entity:CTED' }]);
  });

  it('rejects queries nested beyond the depth limit', async () => {
    let nested = '{ id }';
    for (let i = 0; i < 8; i += 1)
      nested = `{ implementers { entity { projects { project ${nested} } } } }`.replace(
        /^\{ implementers/,
        '{ implementers',
      );
    const result = await execute(`{ node(id: "Project:P-1") { ... on Project ${nested} } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limitName: 'maxDepth',
      limit: 10,
    });
    expect(result.errors?.[0]?.message).toMatch(/^Query depth limit of 10 exceeded, found \d+\.$/);
  });
});
