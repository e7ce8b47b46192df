// Checks the loaded real data against what the five documents state (and what curation parsed).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.js';
import { createExecutor } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

describe('the real graph', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  const count = async (query: string) => {
    const result = await execute(query);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data ?? {})[0].totalCount as number;
  };
  beforeAll(async () => {
    await resetGraph(db);
    await loadSeed(db);
    execute = await createExecutor(db);
  });

  it('holds the 193 Member States', async () => {
    expect(await count('{ memberStates(first: 0) { totalCount } }')).toBe(193);
  });

  it('holds every CTITF matrix row, per pillar, as parsed (A/72/840 annex II)', async () => {
    // Headers print 120, 55, 125, 17; pillar II prints serial 26 twice and pillar III never prints serial 9.
    const perPillar = await Promise.all(
      ['I', 'II', 'III', 'IV'].map((p) =>
        count(`{ projects(first: 0, where: { text: "A72840-MX-${p}-" }) { totalCount } }`),
      ),
    );
    expect(perPillar).toEqual([120, 56, 124, 17]);
    const doc = await execute(
      `{ node(id: "Document:A/72/840") { ... on Document { reconciliation { scope stated parsed } } } }`,
    );
    const rows = doc.data?.node.reconciliation as {
      scope: string;
      stated: string;
      parsed: string;
    }[];
    expect(rows).toContainEqual(expect.objectContaining({ stated: '55', parsed: '56' }));
    expect(rows).toContainEqual(expect.objectContaining({ stated: '320', parsed: '317' }));
  });

  it('adds up the seed-funding tables of A/74/677 annex II to their printed totals', async () => {
    const result = await execute(
      `{ projects(first: 100, where: { text: "A74677-SF-" }) { totalCount nodes { codes budgets { amount currency year source { document { id } } } } } }`,
    );
    const budgets = (
      result.data?.projects.nodes as {
        budgets: {
          amount: number;
          year: number;
          currency: string;
          source: { document: { id: string } };
        }[];
      }[]
    )
      .flatMap((p) => p.budgets)
      .filter((b) => b.source.document.id === 'Document:A/74/677');
    const total = (year: number) =>
      budgets.filter((b) => b.year === year).reduce((sum, b) => sum + b.amount, 0);
    expect(total(2018)).toBe(949_111);
    expect(total(2019)).toBe(973_748);
    expect(budgets.every((b) => b.currency === 'USD')).toBe(true);
    expect(budgets.filter((b) => b.year === 2018)).toHaveLength(9);
    expect(budgets.filter((b) => b.year === 2019)).toHaveLength(7);
  });

  it('holds both trust-fund contributor lists with their ranks', async () => {
    const result = await execute(
      `{ node(id: "Entity:UNOCT") { ... on Entity { contributions { rank contributor { ... on MemberState { key } ... on Entity { key } } source { document { id } } } } } }`,
    );
    const list = result.data?.node.contributions as {
      rank: number;
      contributor: { key: string };
      source: { document: { id: string } };
    }[];
    const of = (doc: string) =>
      list.filter((c) => c.source.document.id === doc).sort((a, b) => a.rank - b.rank);
    expect(of('Document:A/74/677')).toHaveLength(31);
    expect(of('Document:A/72/840')).toHaveLength(29);
    expect(
      of('Document:A/74/677')
        .slice(0, 4)
        .map((c) => c.contributor.key),
    ).toEqual(['SAU', 'QAT', 'NLD', 'EU']);
    expect(
      of('Document:A/72/840')
        .slice(0, 4)
        .map((c) => c.contributor.key),
    ).toEqual(['SAU', 'USA', 'JPN', 'NOR']);
  });

  it('holds the 16 Blue Sky V recommendations under their five themes, issued by the Global Center', async () => {
    const result = await execute(
      `{ recommendations(first: 100, where: { documents: ["BlueSkyV-2020"] }) { totalCount nodes { key heading issuer { key } } } }`,
    );
    const nodes = result.data?.recommendations.nodes as {
      key: string;
      heading: string;
      issuer: { key: string };
    }[];
    expect(result.data?.recommendations.totalCount).toBe(16);
    expect(new Set(nodes.map((n) => n.heading)).size).toBe(5);
    expect(nodes.every((n) => n.issuer.key === 'GCCS')).toBe(true);
  });

  it('knows a named project: UNCCT-2017-74, the G5 Sahel project of the UNCCT report', async () => {
    const result = await execute(`{ node(id: "Project:UNCCT-2017-74") { ... on Project { status
      implementers { role entity { key } } beneficiaries { memberState { key } } regions { region { key } }
      sources { document { id } } } } }`);
    const p = result.data?.node;
    expect(p.status).toBe('ONGOING');
    expect(p.implementers).toContainEqual({ role: 'lead', entity: { key: 'UNCCT' } });
    expect(p.beneficiaries.map((b: { memberState: { key: string } }) => b.memberState.key)).toEqual(
      ['BFA', 'MLI', 'MRT', 'NER', 'TCD'],
    );
    expect(p.regions.map((r: { region: { key: string } }) => r.region.key)).toContain('g5-sahel');
    // One node for the coded project and its matrix row in A/72/840.
    expect(p.sources.map((s: { document: { id: string } }) => s.document.id)).toEqual(
      expect.arrayContaining(['Document:UNCCT-AR-2018', 'Document:A/72/840']),
    );
  });

  it('links later phases to the earlier ones they continue (Central Asia joint plan, chem-bio interoperability)', async () => {
    const result =
      await execute(`{ nodes(ids: ["Project:A72840-MX-II-026", "Project:A74677-SF-2019-02"]) {
      ... on Project { key continues { evidence project { key period { start end } } sources { paragraph } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([
      {
        key: 'A72840-MX-II-026',
        continues: [
          {
            evidence: 'DOCUMENTED',
            project: { key: 'A72840-MX-II-023', period: { start: 2013, end: 2017 } },
            sources: [{ paragraph: '14' }],
          },
        ],
      },
      {
        key: 'A74677-SF-2019-02',
        continues: [
          {
            evidence: 'DOCUMENTED',
            project: { key: 'A72840-MX-III-002', period: { start: 2013, end: 2017 } },
            sources: [{ paragraph: 'annex II, 64 (seed-funding table 2019, row 2)' }],
          },
        ],
      },
    ]);
  });

  it('knows resolution 2396 (2017) and keeps a wrong year as written (2178 printed as 2017)', async () => {
    const result =
      await execute(`{ a: node(id: "Resolution:S/RES/2396 (2017)") { ... on Resolution { year body topic } }
      b: node(id: "Resolution:S/RES/2178 (2014)") { ... on Resolution { year asWritten correction } } }`);
    expect(result.data?.a).toMatchObject({ year: 2017, body: 'SC' });
    expect(result.data?.a.topic).toMatch(/foreign terrorist fighters/i);
    expect(result.data?.b.year).toBe(2014);
    expect(result.data?.b.asWritten.join(' ')).toContain('2178 (2017)');
  });

  it('gives CTED the Chinese name A/72/840 uses', async () => {
    const result = await execute(`{ node(id: "Entity:CTED") { ... on Entity { name nameZh } } }`);
    expect(result.data?.node).toEqual({
      name: 'Counter-Terrorism Committee Executive Directorate',
      nameZh: '反恐怖主义委员会执行局',
    });
  });

  it("records the Secretary-General as issuer of A/73/866's database option (para 58)", async () => {
    const result = await execute(
      `{ node(id: "Recommendation:A73866-58") { ... on Recommendation { issuer { key } paragraph sources { document { id } paragraph } } } }`,
    );
    expect(result.data?.node).toEqual({
      issuer: { key: 'SG' },
      paragraph: '58',
      sources: [{ document: { id: 'Document:A/73/866' }, paragraph: '58' }],
    });
  });

  it('keeps illustrative CTED recommendations out of real-data queries unless asked', async () => {
    const real = await count(
      `{ recommendations(first: 0, where: { issuers: ["CTED"], text: "CTED-ILL" }) { totalCount } }`,
    );
    const all = await execute(
      `{ recommendations(first: 0, includeIllustrative: true, where: { text: "CTED-ILL" }) { totalCount } }`,
    );
    expect(real).toBe(0);
    expect(all.data?.recommendations.totalCount).toBe(38);
  });
});
