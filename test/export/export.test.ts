import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { createApollo, createApp } from '../../src/http/app.js';
import { resetGraph, testDb } from '../support/neo4j.js';
import { createExecutor, TEST_LIMITS } from '../support/graphql.js';
import { toEnum } from '../../src/core/enums.js';
import { COVERAGE_DIMENSIONS } from '../../src/analytics/analytics.cypher.js';
import { analyticsFixture } from '../analytics/analytics.fixture.js';

const db = testDb();
let base = '';
let server: Server;

async function serve(maxExportRows: number): Promise<{ url: string; server: Server }> {
  const log = createLogger('silent');
  const deps = { db, log, limits: { ...TEST_LIMITS, maxExportRows } };
  const apollo = createApollo(deps);
  await apollo.start();
  const s = createApp(deps, apollo).listen(0, '127.0.0.1');
  await new Promise((done) => s.once('listening', done));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, server: s };
}

beforeAll(async () => {
  await resetGraph(db, analyticsFixture());
  ({ url: base, server } = await serve(1000));
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const manifestOf = (res: Response) => JSON.parse(res.headers.get('x-export-manifest') ?? 'null');

describe('GET /export/recommendations-without-projects', () => {
  it('streams CSV with a header row and the manifest in a header', async () => {
    const res = await fetch(`${base}/export/recommendations-without-projects.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'id,key,title,document,paragraph,audience,pillars,responseKind,inferredLinks,candidates,noCandidateReason,illustrative',
    );
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['R-3', 'R-4', 'R-5', 'R-6']);
    // R-3 is not classified; the rules rank candidates for it but infer no link.
    expect(lines[1]).toMatch(
      /^Recommendation:R-3,R-3,Recommendation R-3,DOC-TEST,2,member-states,,,0,[1-9]\d*,,false$/,
    );
    expect(manifestOf(res)).toMatchObject({
      export: 'recommendations-without-projects',
      query: 'recommendationsWithoutProjects',
      arguments: { includeIllustrative: false, issuers: null, pillars: null },
      rowCount: 4,
      truncated: false,
      totalRows: 4,
      rowLimit: 1000,
    });
    expect(manifestOf(res).dataVersion).toMatch(/^n\d+-r\d+-[0-9a-f]{16}$/);
  });

  it('returns JSON {manifest, rows} with filters from repeated and comma-separated parameters', async () => {
    const res = await fetch(
      `${base}/export/recommendations-without-projects.json?memberStates=MLI&memberStates=KAZ&includeIllustrative=false`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      manifest: Record<string, unknown>;
      rows: { key: string; pillars: string[] }[];
    };
    expect(body.rows.map((r) => r.key)).toEqual(['R-3', 'R-4', 'R-6']);
    expect(body.rows[0]?.pillars).toEqual([]);
    expect(body.manifest).toMatchObject({
      rowCount: 3,
      truncated: false,
      arguments: { memberStates: ['MLI', 'KAZ'] },
    });
  });

  it('returns an empty file when the filter matches nothing', async () => {
    const res = await fetch(`${base}/export/recommendations-without-projects.csv?issuers=NOBODY`);
    expect((await res.text()).trim()).toBe(
      'id,key,title,document,paragraph,audience,pillars,responseKind,inferredLinks,candidates,noCandidateReason,illustrative',
    );
    expect(manifestOf(res)).toMatchObject({ rowCount: 0, truncated: false });
  });

  it('serves the manifest alone, with the same data version', async () => {
    const [csv, manifest] = await Promise.all([
      fetch(`${base}/export/recommendations-without-projects.csv`),
      fetch(`${base}/export/recommendations-without-projects.manifest.json`),
    ]);
    const alone = (await manifest.json()) as Record<string, unknown>;
    expect(alone).toMatchObject({ rowCount: 4, truncated: false });
    expect(alone['dataVersion']).toBe(manifestOf(csv).dataVersion);
  });

  it('answers 400 naming a bad or unknown parameter', async () => {
    for (const [query, param] of [
      ['pillars=V', 'pillars'],
      ['includeIllustrative=yes', 'includeIllustrative'],
      ['colour=red', 'colour'],
      ['issuers=', 'issuers'],
    ] as const) {
      const res = await fetch(`${base}/export/recommendations-without-projects.csv?${query}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST', param } });
    }
  });
});

describe('GET /export/resolutions-without-projects', () => {
  it('exports the resolution gap as CSV and JSON', async () => {
    const csv = await fetch(`${base}/export/resolutions-without-projects.csv`);
    expect((await csv.text()).trim().split('\n')).toEqual([
      'id,key,body,number,year,kind,topic,illustrative',
      'Resolution:S/RES/2178 (2014),S/RES/2178 (2014),SC,2178,2014,resolution,topic of S/RES/2178 (2014),false',
      'Resolution:A/RES/72/284,A/RES/72/284,GA,72/284,2018,resolution,topic of A/RES/72/284,false',
    ]);
    const json = await fetch(
      `${base}/export/resolutions-without-projects.json?body=SC&includeIllustrative=true`,
    );
    const body = (await json.json()) as {
      rows: { key: string }[];
      manifest: { arguments: unknown };
    };
    expect(body.rows.map((r) => r.key)).toEqual(['S/RES/9999 (2030)']);
    expect(body.manifest.arguments).toEqual({
      includeIllustrative: true,
      body: 'SC',
      evidence: null,
      asOf: null,
    });
  });

  it('counts supports at the evidence levels asked, and as of a point in time', async () => {
    const keys = async (query: string) =>
      (
        (await (
          await fetch(`${base}/export/resolutions-without-projects.json?${query}`)
        ).json()) as {
          rows: { key: string }[];
        }
      ).rows.map((r) => r.key);
    // P-1's support of 2396 is documented: at INFERRED only it does not count.
    expect(await keys('evidence=INFERRED')).toEqual([
      'S/RES/2178 (2014)',
      'S/RES/2396 (2017)',
      'A/RES/72/284',
    ]);
    // As of 2015, only what had been adopted by then.
    expect(await keys('asOf=2015')).toEqual(['S/RES/2178 (2014)']);
    const res = await fetch(`${base}/export/resolutions-without-projects.json?evidence=SOME`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: 'evidence' } });
  });

  it('answers 400 for an unknown body', async () => {
    const res = await fetch(`${base}/export/resolutions-without-projects.json?body=UN`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: 'body' } });
  });
});

describe('GET /export/coverage', () => {
  it('exports coverage by a dimension', async () => {
    const res = await fetch(`${base}/export/coverage.csv?by=MEMBER_STATE`);
    expect((await res.text()).trim().split('\n')).toEqual([
      'key,label,projects,recommendations,projectAnswerable,recommendationsWithProject,documented,reported,inferred,ratio,share',
      'KAZ,Kazakhstan,1,1,1,0,0,0,0,0,0.14285714285714285',
      'MLI,Mali,4,3,3,1,1,0,0,0.3333333333333333,0.5714285714285714',
      'NER,Niger,1,1,1,1,1,0,0,1,0.14285714285714285',
    ]);
  });

  it('writes a null ratio as an empty cell', async () => {
    const res = await fetch(`${base}/export/coverage.csv?by=ENTITY`);
    expect((await res.text()).trim().split('\n')[1]).toBe(
      'CTED,CTED name,1,0,0,0,0,0,0,,0.14285714285714285',
    );
  });

  it('requires by', async () => {
    const res = await fetch(`${base}/export/coverage.json`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: 'by' } });
  });
});

describe('GET /export (limits and names)', () => {
  it('truncates at the row limit and says so', async () => {
    const small = await serve(2);
    try {
      const res = await fetch(`${small.url}/export/recommendations-without-projects.json`);
      const body = (await res.json()) as {
        rows: { key: string }[];
        manifest: Record<string, unknown>;
      };
      expect(body.rows.map((r) => r.key)).toEqual(['R-3', 'R-4']);
      expect(body.manifest).toMatchObject({
        rowCount: 2,
        totalRows: 4,
        truncated: true,
        rowLimit: 2,
      });
    } finally {
      await new Promise<void>((done) => small.server.close(() => done()));
    }
  });

  it('answers 404 for an unknown export or format', async () => {
    expect((await fetch(`${base}/export/everything.csv`)).status).toBe(404);
    expect((await fetch(`${base}/export/coverage.xlsx?by=PILLAR`)).status).toBe(404);
  });
});

describe('GET /export (equal to the GraphQL answer)', () => {
  const exported = async (path: string) =>
    ((await (await fetch(`${base}/export/${path}`)).json()) as { rows: Record<string, unknown>[] })
      .rows;

  it('has the rows of recommendationsWithoutProjects for the same arguments', async () => {
    const execute = await createExecutor(db);
    for (const [args, query] of [
      ['', ''],
      ['where: { memberStates: ["MLI", "KAZ"] }', 'memberStates=MLI,KAZ'],
      ['includeIllustrative: true', 'includeIllustrative=true'],
    ] as const) {
      const result = await execute<{
        recommendationsWithoutProjects: { nodes: Record<string, unknown>[] };
      }>(`{ recommendationsWithoutProjects(first: 100 ${args ? `, ${args}` : ''}) {
        nodes { id key title paragraph audience pillars illustrative } } }`);
      expect(result.errors).toBeUndefined();
      const rows = await exported(`recommendations-without-projects.json?${query}`);
      expect(
        rows.map(
          ({
            document: _d,
            audience,
            responseKind: _k,
            inferredLinks: _i,
            candidates: _c,
            noCandidateReason: _n,
            ...row
          }) => ({
            ...row,
            audience: toEnum(String(audience)),
          }),
        ),
      ).toEqual(result.data?.recommendationsWithoutProjects.nodes);
    }
  });

  it('has the rows of resolutionsWithoutProjects for the same arguments', async () => {
    const execute = await createExecutor(db);
    for (const [args, query] of [
      ['', ''],
      ['body: SC, includeIllustrative: true', 'body=SC&includeIllustrative=true'],
      ['evidence: [INFERRED], asOf: "2018"', 'evidence=INFERRED&asOf=2018'],
    ] as const) {
      const result = await execute<{
        resolutionsWithoutProjects: { nodes: Record<string, unknown>[] };
      }>(`{ resolutionsWithoutProjects(first: 100 ${args ? `, ${args}` : ''}) {
        nodes { id key body number year kind topic illustrative } } }`);
      expect(result.errors).toBeUndefined();
      expect(await exported(`resolutions-without-projects.json?${query}`)).toEqual(
        result.data?.resolutionsWithoutProjects.nodes,
      );
    }
  });

  it('has the groups of coverage for every dimension', async () => {
    const execute = await createExecutor(db);
    for (const by of COVERAGE_DIMENSIONS) {
      const result = await execute<{
        coverage: ({ byEvidence: Record<string, number> } & Record<string, unknown>)[];
      }>(`{ coverage(by: ${by}) { key label projects recommendations projectAnswerable
        recommendationsWithProject byEvidence { documented reported inferred } ratio share } }`);
      expect(result.errors).toBeUndefined();
      expect(await exported(`coverage.json?by=${by}`)).toEqual(
        result.data?.coverage.map(({ byEvidence, ...group }) => ({ ...group, ...byEvidence })),
      );
    }
  });
});
