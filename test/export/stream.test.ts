// Exports of a few thousand rows over real HTTP: equal to the API's answer, truncated honestly,
// pulled from Neo4j only as fast as the client reads, and stopped when the client leaves.
import { request, type IncomingMessage } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEnum } from '../../src/core/enums.js';
import { cypher } from '../../src/db/cypher.js';
import type { Db, RowStream } from '../../src/db/db.js';
import { createApollo, createApp } from '../../src/http/app.js';
import { gapFixture, recommendation } from '../support/fixtures.js';
import { createExecutor, TEST_LIMITS, type Executed } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const db = testDb();

// Enough rows, wide enough (~5 kB each, ~15 MB in all), that socket buffers cannot absorb the
// whole file: a client that stops reading must stop the server reading Neo4j.
const ROWS = 3_000;
const FILLER = ' lorem ipsum dolor sit amet'.repeat(180);
const streamKey = (i: number) => `S-${String(i).padStart(5, '0')}`;

function streamFixture() {
  const base = gapFixture();
  return {
    ...base,
    recommendations: [
      ...(base.recommendations ?? []),
      ...Array.from({ length: ROWS }, (_, i) => ({
        ...recommendation(streamKey(i), {
          addressedTo: [{ state: i % 3 === 0 ? 'KAZ' : 'MLI' }],
          // Every tenth one is implemented, so it is not in the gap.
          implementedBy: i % 10 === 0 ? [['P-1', false] as [string, boolean]] : [],
          pillars: i % 2 === 0 ? ['I' as const, 'IV' as const] : [],
        }),
        title: `${i % 7 === 0 ? '=' : ''}Recommendation ${streamKey(i)}${FILLER}`,
      })),
    ],
  };
}

/** In the gap: the six gap fixture rows but R-1, R-2 (implemented) and R-ILL, plus 9 in 10 stream rows. */
const GAP_ROWS = 3 + ROWS - ROWS / 10;

/** `db`, with the rows each `stream` yielded so far, by statement name. */
function countingDb(inner: Db): Db & { pulled: Map<string, number> } {
  const pulled = new Map<string, number>();
  return {
    ...inner,
    pulled,
    stream(query, params, options) {
      const rows = inner.stream(query, params, options);
      const counted: RowStream<never> = {
        get position() {
          return rows.position;
        },
        async *[Symbol.asyncIterator]() {
          for await (const row of rows) {
            pulled.set(query.name, (pulled.get(query.name) ?? 0) + 1);
            yield row as never;
          }
        },
      };
      return counted;
    },
  };
}

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

async function serve(deps: { db: Db; maxExportRows: number; maxConcurrentExports?: number }) {
  const lines: LogLine[] = [];
  const log = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  );
  const appDeps = {
    db: deps.db,
    log,
    limits: {
      ...TEST_LIMITS,
      maxExportRows: deps.maxExportRows,
      maxConcurrentExports: deps.maxConcurrentExports ?? TEST_LIMITS.maxConcurrentExports,
    },
  };
  const apollo = createApollo(appDeps);
  await apollo.start();
  const server: Server = createApp(appDeps, apollo).listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lines,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const GAP_QUERY = `
  query Gap($after: String, $where: GapFilter) {
    recommendationsWithoutProjects(first: 100, after: $after, where: $where) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id key title paragraph audience pillars illustrative }
    }
  }`;

type GapNode = Record<string, unknown> & { key: string };
interface GapPage {
  recommendationsWithoutProjects: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: GapNode[];
  };
}

/** Every page of the GraphQL gap query, concatenated. */
async function graphqlGap(where: Record<string, unknown> | null) {
  const execute = await createExecutor(db);
  const nodes: GapNode[] = [];
  let after: string | null = null;
  for (;;) {
    const result: Executed<GapPage> = await execute<GapPage>(GAP_QUERY, { after, where });
    expect(result.errors).toBeUndefined();
    const page = result.data!.recommendationsWithoutProjects;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return { totalCount: page.totalCount, nodes };
    after = page.pageInfo.endCursor;
  }
}

/** An export row in the API's shape (enum values as GraphQL spells them). */
const asGraphql = (row: Record<string, unknown>) => ({
  id: row['id'],
  key: row['key'],
  title: row['title'],
  paragraph: row['paragraph'],
  audience: toEnum(String(row['audience'])),
  pillars: row['pillars'],
  illustrative: row['illustrative'],
});

interface ExportJson {
  manifest: Record<string, unknown>;
  rows: Record<string, unknown>[];
}

const openTransactions = cypher<{ name: string }, number>('testOpenExportTransactions')`
  SHOW TRANSACTIONS YIELD metaData WHERE metaData.query = $name RETURN count(*) AS row`;

async function openReads(name: string): Promise<number> {
  const [n] = await db.read(openTransactions, { name });
  return n ?? 0;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

beforeAll(() => resetGraph(db, streamFixture()), 240_000);

/** A JSON download, parsed. */
const exportJson = async (url: string) => (await (await fetch(url)).json()) as ExportJson;

describe('a streamed export', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve({ db, maxExportRows: 50_000 });
  });
  afterAll(() => app.close());

  it('has the rows of the GraphQL answer, in its order, in JSON and CSV', async () => {
    const api = await graphqlGap(null);
    expect(api.totalCount).toBe(GAP_ROWS);
    expect(api.nodes).toHaveLength(GAP_ROWS);

    const json = await exportJson(`${app.url}/export/recommendations-without-projects.json`);
    expect(json.rows.map(asGraphql)).toEqual(api.nodes);
    expect(json.manifest).toMatchObject({
      rowCount: GAP_ROWS,
      totalRows: GAP_ROWS,
      truncated: false,
    });

    const csv = await fetch(`${app.url}/export/recommendations-without-projects.csv`);
    const lines = (await csv.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(GAP_ROWS + 1);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(api.nodes.map((n) => n.key));
    // A title starting with = is written so a spreadsheet does not run it.
    expect(lines.find((l) => l.startsWith('Recommendation:S-00007,'))).toContain(
      ",'=Recommendation S-00007",
    );
    const manifest = JSON.parse(csv.headers.get('x-export-manifest') ?? 'null') as object;
    expect(manifest).toMatchObject({ ...json.manifest, generatedAt: expect.any(String) });
  });

  it('filters like the GraphQL query with the same arguments', async () => {
    const where = { memberStates: ['KAZ'], pillars: ['IV'] };
    const api = await graphqlGap(where);
    expect(api.nodes.length).toBeGreaterThan(100);
    const json = await exportJson(
      `${app.url}/export/recommendations-without-projects.json?memberStates=KAZ&pillars=IV`,
    );
    expect(json.rows.map(asGraphql)).toEqual(api.nodes);
    expect(json.manifest).toMatchObject({ rowCount: api.totalCount, totalRows: api.totalCount });
  });
});

describe('an export over the row limit', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve({ db, maxExportRows: 1_000 });
  });
  afterAll(() => app.close());

  it('streams the first rows up to the limit and says it was truncated', async () => {
    const api = await graphqlGap(null);
    const json = await exportJson(`${app.url}/export/recommendations-without-projects.json`);
    expect(json.rows.map(asGraphql)).toEqual(api.nodes.slice(0, 1_000));
    const expected = { rowCount: 1_000, totalRows: GAP_ROWS, truncated: true, rowLimit: 1_000 };
    expect(json.manifest).toMatchObject(expected);

    const [csv, alone] = await Promise.all([
      fetch(`${app.url}/export/recommendations-without-projects.csv`),
      fetch(`${app.url}/export/recommendations-without-projects.manifest.json`),
    ]);
    expect((await csv.text()).trimEnd().split('\n')).toHaveLength(1_001);
    const header = JSON.parse(csv.headers.get('x-export-manifest') ?? 'null') as object;
    const manifest = (await alone.json()) as Record<string, unknown>;
    expect(header).toMatchObject(expected);
    expect(manifest).toMatchObject(expected);
    // Nothing was written in between: one data version for every form of the export.
    expect(manifest['dataVersion']).toBe(json.manifest['dataVersion']);
    expect((header as Record<string, unknown>)['dataVersion']).toBe(manifest['dataVersion']);
  });
});

describe('a slow or departing client', () => {
  const counting = countingDb(db);
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve({ db: counting, maxExportRows: 50_000 });
  });
  afterAll(() => app.close());

  it('holds the read back while it does not read, and stops it when it disconnects', async () => {
    const ROWS_READ = 'recommendationsWithoutProjectsRows';
    // Read the headers and the first bytes, then stop reading.
    const req = request(`${app.url}/export/recommendations-without-projects.csv`);
    const res = await new Promise<IncomingMessage>((done, fail) => {
      req.once('response', done).once('error', fail).end();
    });
    expect(res.statusCode).toBe(200);
    await new Promise((done) => res.once('data', done));
    res.pause();

    // Backpressure: the server pulls rows only as far as the buffers between it and the client
    // hold (socket buffers, a chunk, a batch of the driver: about 1,000 of these rows on Linux),
    // then waits with the transaction open; it never holds the whole answer.
    await sleep(500);
    const pulled = counting.pulled.get(ROWS_READ) ?? 0;
    await sleep(500);
    expect(counting.pulled.get(ROWS_READ)).toBe(pulled);
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(GAP_ROWS);
    expect(await openReads(ROWS_READ)).toBe(1);

    // The client leaves: the read ends on the server within moments, quietly.
    res.once('error', () => undefined);
    req.destroy();
    expect(await waitFor(async () => (await openReads(ROWS_READ)) === 0, 5_000)).toBe(true);
    expect(counting.pulled.get(ROWS_READ)).toBeLessThan(GAP_ROWS);
    await waitFor(
      () => Promise.resolve(app.lines.some((l) => l.msg.startsWith('export stopped'))),
      2_000,
    );
    expect(app.lines.find((l) => l.msg.startsWith('export stopped'))).toMatchObject({
      level: 30,
      export: 'recommendations-without-projects',
    });
    expect(app.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('stops a read the client abandons before the first byte', async () => {
    const controller = new AbortController();
    const download = fetch(`${app.url}/export/recommendations-without-projects.json`, {
      signal: controller.signal,
    });
    controller.abort();
    await expect(download).rejects.toThrow();
    expect(
      await waitFor(
        async () => (await openReads('recommendationsWithoutProjectsRows')) === 0,
        5_000,
      ),
    ).toBe(true);
  });
});

describe('an export whose graph changes while it streams', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  const write = cypher<Record<string, never>, number>('testTouch')`
    MERGE (n:TestTouch) SET n.at = timestamp() RETURN 1 AS row`;
  // The row read ends after a write that the count did not see.
  const changing: Db = {
    ...db,
    stream(query, params, options) {
      const rows = db.stream(query, params, options);
      if (query.name !== 'recommendationsWithoutProjectsRows') return rows;
      return {
        get position() {
          return rows.position;
        },
        async *[Symbol.asyncIterator]() {
          let n = 0;
          for await (const row of rows) {
            if (++n === 10) await db.write(write, {});
            yield row;
          }
        },
      };
    },
  };
  beforeAll(async () => {
    app = await serve({ db: changing, maxExportRows: 50_000 });
  });
  afterAll(() => app.close());

  it('is cut off, so the client cannot take it for a complete file', async () => {
    const res = await fetch(`${app.url}/export/recommendations-without-projects.csv`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(app.lines.find((l) => l.msg === 'export cut off')).toMatchObject({ level: 40 });
    expect(app.lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('concurrent downloads', () => {
  it('runs at most EXPORT_MAX_CONCURRENT at once and answers the next with 503 and Retry-After', async () => {
    const app = await serve({ db, maxExportRows: 50_000, maxConcurrentExports: 1 });
    try {
      // A download that stops reading keeps its slot (and its connection).
      const req = request(`${app.url}/export/recommendations-without-projects.csv`);
      const res = await new Promise<IncomingMessage>((done, fail) => {
        req.once('response', done).once('error', fail).end();
      });
      expect(res.statusCode).toBe(200);
      await new Promise((done) => res.once('data', done));
      res.pause();

      const refused = await fetch(`${app.url}/export/coverage.json?by=PILLAR`);
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'SERVICE_UNAVAILABLE',
      );

      // Once it leaves, the slot is free again.
      res.once('error', () => undefined);
      req.destroy();
      const later = await fetch(`${app.url}/export/coverage.json?by=PILLAR`);
      expect(later.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
