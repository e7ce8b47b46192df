// The typed evidence of `Edge` on the real curated seed: what the explorer shows when a link is
// selected, without parsing `properties`.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const EDGE = 'type source target evidence score reasons rulesVersion properties { name value }';
const EDGES = `query($ids: [ID!]!) { edgesAmong(ids: $ids) { ${EDGE} } }`;
const CITATIONS = `query($id: ID!) {
  neighborhood(id: $id, relationshipTypes: ["CITED_IN"], direction: OUT) { edges { ${EDGE} } } }`;
const PATHS = `query($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 1) { edges { type evidence score reasons rulesVersion } } }`;
const IMPLEMENTING = `query($id: ID!) { node(id: $id) { ... on Recommendation {
  implementingProjects(evidence: [DOCUMENTED, REPORTED, INFERRED]) {
    project { id } evidence score reasons rulesVersion } } } }`;

type Edge = {
  type: string;
  source: string;
  target: string;
  evidence: string | null;
  score: number | null;
  reasons: string[];
  rulesVersion: string | null;
  properties: { name: string; value: string }[];
};

// Project UNCCT-2018-03-85 answers A/72/840 para 79 only by ctkg's inference rules.
const INFERRED_PROJECT = 'Project:UNCCT-2018-03-85';
const INFERRED_RECOMMENDATION = 'Recommendation:A72840-79';
const INFERRED_REASONS = [
  'both address preventing-violent-extremism',
  'both address youth-education',
  'shares the words "people", "young"',
];

describe('Edge evidence fields', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  const edgesAmong = async (ids: string[]) => {
    const result = await execute<{ edgesAmong: Edge[] }>(EDGES, { ids });
    expect(result.errors).toBeUndefined();
    return result.data!.edgesAmong;
  };
  beforeAll(async () => {
    await resetGraph(db);
    await loadSeed(db);
    execute = await createExecutor(db);
  });

  it('gives a documented link DOCUMENTED, with no score, reasons or rules version', async () => {
    const [edge, ...rest] = await edgesAmong([
      'Project:A74677-NP-countering-terrorist-travel',
      'Recommendation:A73866-69',
    ]);
    expect(rest).toEqual([]);
    expect(edge).toMatchObject({
      type: 'IMPLEMENTS',
      evidence: 'DOCUMENTED',
      score: null,
      reasons: [],
      rulesVersion: null,
    });
  });

  it('gives a link the rules inferred INFERRED with its score, reasons and rules version, as Link does', async () => {
    const [edge] = await edgesAmong([INFERRED_PROJECT, INFERRED_RECOMMENDATION]);
    expect(edge).toMatchObject({
      type: 'IMPLEMENTS',
      source: INFERRED_PROJECT,
      target: INFERRED_RECOMMENDATION,
      evidence: 'INFERRED',
      score: 6,
      reasons: INFERRED_REASONS,
      rulesVersion: 'implementation-rules/1',
    });
    // The JSON properties still carry the same values, unchanged.
    expect(edge?.properties).toContainEqual({ name: 'evidence', value: '"inferred"' });
    expect(edge?.properties).toContainEqual({ name: 'score', value: '6' });

    // The typed link field of the node area says the same of the same relationship.
    const links = await execute<{
      node: { implementingProjects: (Omit<Edge, 'type'> & { project: { id: string } })[] };
    }>(IMPLEMENTING, { id: INFERRED_RECOMMENDATION });
    expect(links.errors).toBeUndefined();
    const link = links.data!.node.implementingProjects.find(
      (l) => l.project.id === INFERRED_PROJECT,
    );
    expect(link).toEqual({
      project: { id: INFERRED_PROJECT },
      evidence: edge?.evidence,
      score: edge?.score,
      reasons: edge?.reasons,
      rulesVersion: edge?.rulesVersion,
    });
  });

  it('gives the same fields on the edges of a path', async () => {
    const result = await execute<{ paths: { edges: Omit<Edge, 'source' | 'target'>[] }[] }>(PATHS, {
      from: INFERRED_RECOMMENDATION,
      to: INFERRED_PROJECT,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.paths.map((p) => p.edges)).toEqual([
      [
        {
          type: 'IMPLEMENTS',
          evidence: 'INFERRED',
          score: 6,
          reasons: INFERRED_REASONS,
          rulesVersion: 'implementation-rules/1',
        },
      ],
    ]);
  });

  it('gives a link a curator inferred by a stated rule INFERRED, with no score', async () => {
    const [edge] = await edgesAmong(['Project:A72840-MX-IV-006', 'Recommendation:A72840-80b']);
    expect(edge).toMatchObject({
      type: 'IMPLEMENTS',
      evidence: 'INFERRED',
      score: null,
      reasons: [],
      rulesVersion: null,
    });
  });

  it('gives citations (CITED_IN) and contributions no evidence level', async () => {
    const result = await execute<{ neighborhood: { edges: Edge[] } }>(CITATIONS, {
      id: 'Entity:CTED',
    });
    expect(result.errors).toBeUndefined();
    const cited = result.data!.neighborhood.edges;
    expect(cited.length).toBeGreaterThan(0);
    for (const edge of cited) {
      expect(edge).toMatchObject({
        type: 'CITED_IN',
        evidence: null,
        score: null,
        reasons: [],
        rulesVersion: null,
      });
    }
    const [contribution] = await edgesAmong(['MemberState:SAU', 'Entity:UNOCT']);
    expect(contribution).toMatchObject({
      type: 'CONTRIBUTES_TO',
      evidence: null,
      score: null,
      reasons: [],
    });
  });

  it('finds paths over the evidence levels asked for only', async () => {
    const paths = async (variables: Record<string, unknown>) => {
      const result = await execute<{
        paths: { edges: { type: string; evidence: string | null }[] }[];
      }>(
        `query($from: ID!, $to: ID!, $hops: Int, $evidence: [Evidence!]) {
          paths(from: $from, to: $to, maxHops: $hops, evidence: $evidence) { edges { type evidence } } }`,
        { from: INFERRED_PROJECT, to: INFERRED_RECOMMENDATION, ...variables },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.paths;
    };
    // One hop: the inferred link itself, found at every level and at INFERRED, not at the others.
    expect(await paths({ hops: 1 })).toEqual([
      { edges: [{ type: 'IMPLEMENTS', evidence: 'INFERRED' }] },
    ]);
    expect(await paths({ hops: 1, evidence: ['INFERRED'] })).toHaveLength(1);
    expect(await paths({ hops: 1, evidence: ['DOCUMENTED', 'REPORTED'] })).toEqual([]);
    const none = await execute(
      `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, evidence: []) { length } }`,
      { from: INFERRED_PROJECT, to: INFERRED_RECOMMENDATION },
    );
    expect(none.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'evidence',
    });
    // Longer paths over what the documents state: no inferred link on the way.
    const documented = await paths({ hops: 4, evidence: ['DOCUMENTED'] });
    expect(documented.length).toBeGreaterThan(0);
    for (const path of documented) {
      expect(path.edges.length).toBeGreaterThan(1);
      for (const edge of path.edges) expect([null, 'DOCUMENTED']).toContain(edge.evidence);
    }
  });
});
