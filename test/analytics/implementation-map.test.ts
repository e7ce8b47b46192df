// The implementation map on the real graph: what answers each recommendation, with what evidence.
// The numbers are the README's ("What answers a recommendation, with what evidence").
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const ALL = '[DOCUMENTED, REPORTED, INFERRED]';

describe('the implementation map of the real graph', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  const data = async (query: string) => {
    const result = await execute(query);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };
  const gapKeys = async (args: string) =>
    (
      await data(
        `{ recommendationsWithoutProjects(first: 100 ${args}) { totalCount nodes { key } } }`,
      )
    ).recommendationsWithoutProjects;

  /** Every real recommendation (the page limit is 100), with `fields`. */
  const allRecommendations = async (fields: string, where = '{}') => {
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (
        await data(`{ recommendations(first: 100, where: ${where}${after ? `, after: "${after}"` : ''}) {
          pageInfo { hasNextPage endCursor } nodes { key ${fields} } } }`)
      ).recommendations;
      nodes.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    return nodes;
  };

  beforeAll(async () => {
    await resetGraph(db);
    await loadSeed(db);
    execute = await createExecutor(db);
  });

  it('answers the headline question with the project-answerable gaps, and shrinks to the true gaps with inferred links', async () => {
    const documented = await gapKeys('');
    expect(documented.totalCount).toBe(8);
    const inferred = await gapKeys(`, evidence: ${ALL}`);
    expect(inferred.nodes.map((n: { key: string }) => n.key)).toEqual([
      'A72840-75',
      'A72840-77',
      'A72840-77b',
      'A73866-63',
      'A74677-79b',
      'A74677-80',
    ]);
    expect((await gapKeys(', projectAnswerableOnly: false')).totalCount).toBe(104);
    expect((await gapKeys(`, projectAnswerableOnly: false, evidence: ${ALL}`)).totalCount).toBe(
      101,
    );
  });

  it('answers as of a report: A73866-69 was open in 2019 and answered by A/74/677 (2020)', async () => {
    const keys = async (asOf: string) =>
      (await gapKeys(`, asOf: "${asOf}"`)).nodes.map((n: { key: string }) => n.key);
    expect(await keys('A/72/840')).toEqual(['A72840-75', 'A72840-77', 'A72840-77b', 'A72840-79']);
    const in2019 = await keys('A/73/866');
    const in2020 = await keys('A/74/677');
    expect(in2019.filter((k: string) => !in2020.includes(k))).toEqual(['A73866-69']);
    expect(in2020.filter((k: string) => !in2019.includes(k))).toEqual(['A74677-79b', 'A74677-80']);
    // A date works as well as a report; a name that is neither a date nor a document matches nothing.
    expect(await keys('2019-06')).toEqual(in2019);
    expect(await keys('no-such-report')).toEqual([]);
  });

  it('classifies every real recommendation, with the reason', async () => {
    const nodes = await allRecommendations('responseKind responseReason projectAnswerable');
    expect(nodes).toHaveLength(105);
    for (const r of nodes) {
      expect(r.responseKind, r.key).not.toBeNull();
      expect(r.responseReason, r.key).toMatch(/\w/);
      expect(r.projectAnswerable, r.key).toBe(r.responseKind === 'PROJECT');
    }
  });

  it('gives every real recommendation candidates, or says why it has none', async () => {
    const nodes = await allRecommendations(
      'implementationEvidence { candidates noCandidateReason } candidates(first: 1) { project { key } }',
    );
    expect(nodes).toHaveLength(105);
    for (const r of nodes) {
      const { candidates, noCandidateReason } = r.implementationEvidence;
      expect(candidates > 0 || /^No candidate: /.test(noCandidateReason ?? ''), r.key).toBe(true);
      expect(r.candidates.length, r.key).toBe(Math.min(candidates, 1));
    }
  });

  it('infers A72840-79 (youth training) is answered by the UNCCT youth-skills project, with checkable reasons, but only when asked', async () => {
    const q = (
      evidence: string,
    ) => `{ node(id: "Recommendation:A72840-79") { ... on Recommendation {
      implementingProjects${evidence} { evidence score reasons rulesVersion sources { paragraph } project { key } } } } }`;
    expect((await data(q(''))).node.implementingProjects).toEqual([]);
    expect((await data(q(`(evidence: ${ALL})`))).node.implementingProjects).toEqual([
      {
        evidence: 'INFERRED',
        score: 6,
        reasons: [
          'both address preventing-violent-extremism',
          'both address youth-education',
          'shares the words "people", "young"',
        ],
        rulesVersion: 'implementation-rules/1',
        sources: [],
        project: { key: 'UNCCT-2018-03-85' },
      },
    ]);
  });

  it('ranks candidates for BSV-11, addressed to the Compact, and for A72840-77, addressed to no one', async () => {
    const q = (
      key: string,
    ) => `{ candidateProjects(recommendationId: "Recommendation:${key}", first: 1) {
      project { key } score inferred reasons } }`;
    expect((await data(q('BSV-11'))).candidateProjects).toEqual([
      {
        project: { key: 'UNCCT-2017-73-j' },
        score: 6,
        inferred: true,
        reasons: [
          'implemented by GCTCC, to which the recommendation is addressed',
          'both address human-rights',
          'shares the words "compliant"',
        ],
      },
    ]);
    expect((await data(q('A72840-77'))).candidateProjects).toEqual([
      {
        project: { key: 'A72840-MX-I-011' },
        score: 5,
        inferred: false,
        reasons: [
          'both address border-management',
          'both address criminal-justice',
          'both address foreign-terrorist-fighters',
          'shares the words "ftfs"',
        ],
      },
    ]);
  });

  it('keeps the documented implementations of A73866-69 with their paragraph, and the documented responses of the others', async () => {
    const { node } = await data(`{ node(id: "Recommendation:A73866-69") { ... on Recommendation {
      implementingProjects { evidence project { key } sources { document { key } paragraph } } } } }`);
    expect(node.implementingProjects).toEqual(
      ['A72840-MX-III-030', 'A74677-NP-countering-terrorist-travel'].map((key) => ({
        evidence: 'DOCUMENTED',
        project: { key },
        sources: [{ document: { key: 'A/74/677' }, paragraph: '70' }],
      })),
    );
    const nodes = await allRecommendations(
      'responses { summary source { document { key } paragraph } }',
    );
    const answered = nodes.filter((r: { responses: unknown[] }) => r.responses.length > 0);
    expect(answered).toHaveLength(25);
    for (const r of answered)
      for (const response of r.responses) {
        expect(response.summary, r.key).toMatch(/\w/);
        expect(['A/73/866', 'A/74/677', 'UNCCT-AR-2018'], r.key).toContain(
          response.source.document.key,
        );
      }
  });

  it('sets the figures A/72/840 prints beside the matrix rows the graph holds', async () => {
    const { coverage } = await data(
      `{ coverage(by: PILLAR) { key stated { value computed source { document { key } paragraph } } } }`,
    );
    const heading = (pillar: string) =>
      coverage
        .find((g: { key: string }) => g.key === pillar)
        .stated.find(
          (f: { source: { paragraph: string } }) =>
            f.source.paragraph === `annex II matrix, pillar ${pillar}`,
        );
    // Headings print 120, 55, 125, 17; the graph holds the rows as parsed (pillar II prints serial
    // 26 twice, pillar III never prints serial 9).
    expect(['I', 'II', 'III', 'IV'].map((p) => [heading(p).value, heading(p).computed])).toEqual([
      [120, 120],
      [55, 56],
      [125, 124],
      [17, 17],
    ]);
  });
});
