// Benchmark: synthetic graphs at several scales, served by the real HTTP app, on a throwaway Neo4j.
// Run with `npm run bench`; writes bench/RESULTS.md. See bench/README.md.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { createLogger } from '../src/core/logger.js';
import { cypher } from '../src/db/cypher.js';
import { createDb, type Db } from '../src/db/db.js';
import { createDriver } from '../src/db/driver.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { ensureSchema } from '../src/db/schema.js';
import { createApollo, createApp } from '../src/http/app.js';
import { loadDataset } from '../seed/load.js';
import type { HttpJob } from './http-worker.js';
import { closedLoop, percentile, type LoadResult } from './load.js';
import { BASE, datasetSize, projectKey, syntheticDataset, themeKey } from './synthetic.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const env = process.env;
const SCALES = (env['BENCH_SCALES'] ?? '1,10,50')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const REQUESTS = Number(env['BENCH_REQUESTS'] ?? 200);
const CONCURRENCY = Number(env['BENCH_CONCURRENCY'] ?? 8);
const WARMUP = Number(env['BENCH_WARMUP'] ?? 20);
/** Requests sent one at a time, for the latency without queueing. */
const SEQUENTIAL = Number(env['BENCH_SEQUENTIAL'] ?? 20);
const OUT = env['BENCH_OUT'] ?? join(HERE, 'RESULTS.md');
const LIMITS = { maxDepth: 12, maxCost: 20_000, maxPage: 100, maxExportRows: 50_000 };

// A full GC before each memory reading, so heap figures show what is retained, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memory = () => {
  gc();
  return process.memoryUsage();
};

const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---------------------------------------------------------------------------------------------
// The measured operations.

const GAP_QUERY = `query Gap {
  recommendationsWithoutProjects(first: 50) {
    totalCount
    nodes { id key title issuer { key name }
      addressedTo { addressee { __typename ... on MemberState { key name } ... on Entity { key name } } } }
  }
}`;

const PROJECTS_QUERY = `query Projects($where: ProjectFilter) {
  projects(first: 50, where: $where) {
    totalCount
    nodes { id key title status period { start end }
      implementers { role entity { key name } }
      beneficiaries { memberState { key name } }
      themes { thematicArea { key name } } }
  }
}`;

const NODE_QUERY = `query Node($id: ID!) {
  node(id: $id) {
    id key
    ... on Project { title status
      implementers { role entity { key name } }
      beneficiaries { memberState { key name } }
      regions { region { key name } }
      themes { thematicArea { key name } }
      resolutions { resolution { key year } }
      recommendations { recommendation { key title } } }
  }
}`;

/** The same answer as GAP_QUERY in one statement: the app's gap filter, then issuer and addressees inline. */
const rawGap = cypher<Record<string, never>, { total: number; nodes: unknown[] }>('benchRawGap')`
  MATCH (r:Recommendation)
  WHERE NOT r.illustrative
    AND NOT EXISTS { (q:Project)-[i:IMPLEMENTS]->(r)
                     WHERE NOT coalesce(i.illustrative, false) AND NOT coalesce(q.illustrative, false) }
  WITH r ORDER BY r.key
  WITH collect(r) AS matched
  RETURN { total: size(matched),
           nodes: [x IN matched[0..50] | x { .key, .title,
             issuer: head([(x)-[:ISSUED_BY]->(e:Entity) | e { .key, .name }]),
             addressedTo: [(x)-[:ADDRESSED_TO]->(a) | a { .key, .name, label: labels(a)[0] }] }] } AS row`;

const countNodes = cypher<Record<string, never>, number>(
  'benchCountNodes',
)`MATCH (n) RETURN count(n) AS row`;
const countRels = cypher<Record<string, never>, number>(
  'benchCountRels',
)`MATCH ()-[r]->() RETURN count(r) AS row`;
const version = cypher<Record<string, never>, string>('benchVersion')`
  CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition AS row`;

interface Scenario {
  readonly name: string;
  readonly bodies: (scale: number) => string[];
}

const SCENARIOS: Scenario[] = [
  {
    name: '(a) recommendationsWithoutProjects(first: 50) + issuer, addressees',
    bodies: () => [JSON.stringify({ query: GAP_QUERY })],
  },
  {
    name: '(b) projects(first: 50, where: 2 themes + ONGOING) + implementers, beneficiaries, themes',
    // Twelve filter variants (theme pairs), rotated across requests.
    bodies: () =>
      Array.from({ length: BASE.thematicAreas }, (_, t) =>
        JSON.stringify({
          query: PROJECTS_QUERY,
          variables: {
            where: {
              thematicAreas: [themeKey(t), themeKey((t + 5) % BASE.thematicAreas)],
              statuses: ['ONGOING'],
            },
          },
        }),
      ),
  },
  {
    name: '(c) node(id) of a project + all its links',
    // 200 different projects spread over the key range, rotated across requests.
    bodies: (scale) => {
      const n = Math.round(BASE.projects * scale);
      return Array.from({ length: 200 }, (_, i) =>
        JSON.stringify({
          query: NODE_QUERY,
          variables: { id: `Project:${projectKey(Math.floor((i * n) / 200))}` },
        }),
      );
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Plumbing.

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Runs the HTTP load in a worker thread, so the client never competes for the server's event loop. */
function httpLoad(job: HttpJob): Promise<LoadResult> {
  return new Promise((done, fail) => {
    // Workers do not inherit tsx's loader: the bootstrap registers it, then imports the TypeScript worker.
    const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}))`;
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.once('message', (result: LoadResult) => done(result));
    worker.once('error', fail);
    worker.once('exit', (code) =>
      code === 0 ? undefined : fail(new Error(`load worker exited with ${code}`)),
    );
  });
}

/** Time spent per statement name (wall time of each `read`, queueing in the driver pool included). */
type StatementTimes = Map<string, { n: number; ms: number }>;

/** Wraps a Db so that every read is timed under its statement name. */
function timed(db: Db, times: { current: StatementTimes }): Db {
  return {
    ...db,
    async read(query, params) {
      const t0 = performance.now();
      try {
        return await db.read(query, params);
      } finally {
        const entry = times.current.get(query.name) ?? { n: 0, ms: 0 };
        entry.n += 1;
        entry.ms += performance.now() - t0;
        times.current.set(query.name, entry);
      }
    },
  };
}

const WORKER_URL = new URL('./http-worker.ts', import.meta.url).href;
const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface Row {
  readonly scenario: string;
  readonly result: LoadResult;
  readonly roundTrips: number | null;
  readonly statements: string;
  /** Sum of statement wall times per request, ms (statements of one level run in parallel, so it can exceed the latency). */
  readonly dbMs: number | null;
  /** p50 of SEQUENTIAL requests sent one at a time (no queueing). */
  readonly aloneP50: number;
  /** Event-loop utilisation of the server's thread during the loop (1 = the Node thread is the bottleneck). */
  readonly elu: number | null;
}

interface ScaleReport {
  readonly scale: number;
  readonly records: Record<string, number>;
  readonly nodes: number;
  readonly rels: number;
  readonly loadMs: number;
  readonly rows: Row[];
  readonly memBefore: NodeJS.MemoryUsage;
  readonly memAfter: NodeJS.MemoryUsage;
  readonly gapTotal: number;
  /** 1-minute load average before and after the loops: other work on the machine skews the numbers. */
  readonly load: [number, number];
}

function summarizeRow(row: Row): string {
  const { result } = row;
  const ok = result.latencies.length;
  const f = (n: number) => n.toFixed(1);
  return [
    row.scenario,
    String(ok),
    String(result.errors),
    f(percentile(result.latencies, 50)),
    f(percentile(result.latencies, 95)),
    f(percentile(result.latencies, 99)),
    f(row.aloneP50),
    f(ok / (result.elapsedMs / 1000)),
    row.elu === null ? '—' : row.elu.toFixed(2),
    row.roundTrips === null ? '—' : row.roundTrips.toFixed(1),
    row.dbMs === null ? '—' : row.dbMs.toFixed(1),
    (result.bytes / Math.max(1, ok - result.errors) / 1024).toFixed(1),
  ].join(' | ');
}

// ---------------------------------------------------------------------------------------------

async function benchScale(
  scale: number,
  db: Db,
  rawDb: Db,
  counter: { n: number; names: string[] },
  times: { current: StatementTimes },
  url: string,
): Promise<ScaleReport> {
  const data = syntheticDataset(scale);
  log(`scale ${scale}×: loading ${JSON.stringify(datasetSize(data))}`);
  const t0 = performance.now();
  await loadDataset(db, { data, origin: new Map(), files: [] }, { replace: true });
  const loadMs = performance.now() - t0;
  const [nodes = 0] = await rawDb.read(countNodes, {});
  const [rels = 0] = await rawDb.read(countRels, {});
  log(
    `scale ${scale}×: ${nodes} nodes, ${rels} relationships, loaded in ${(loadMs / 1000).toFixed(1)} s`,
  );

  const rows: Row[] = [];
  const loadBefore = loadavg()[0] ?? NaN;
  const memBefore = memory();
  for (const scenario of SCENARIOS) {
    const bodies = scenario.bodies(scale);
    // Warm-up (JIT, query plans, page cache), then one request alone to list its statements.
    // The first scale also warms the JIT of Node and Neo4j, hence five times the warm-up.
    const warmup = scale === SCALES[0] ? WARMUP * 5 : WARMUP;
    await httpLoad({ url, bodies, total: warmup, concurrency: CONCURRENCY });
    counter.names = [];
    counter.n = 0;
    const sample = await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bodies[0],
      })
    ).text();
    if (env['BENCH_DEBUG']) log(`sample: ${sample.slice(0, 600)}`);
    // A null or error answer would make the timings meaningless.
    if (!/^\{"data":\{"\w+":\{/.test(sample))
      throw new Error(`${scenario.name}: unexpected answer ${sample.slice(0, 300)}`);
    const names = new Map<string, number>();
    for (const name of counter.names) names.set(name, (names.get(name) ?? 0) + 1);
    const statements = [...names].map(([name, n]) => (n > 1 ? `${name}×${n}` : name)).join(', ');
    counter.n = 0;
    counter.names = [];
    const alone = await httpLoad({ url, bodies, total: SEQUENTIAL, concurrency: 1 });
    counter.n = 0;
    counter.names = [];
    times.current = new Map();
    const elu0 = performance.eventLoopUtilization();
    const result = await httpLoad({ url, bodies, total: REQUESTS, concurrency: CONCURRENCY });
    const elu = performance.eventLoopUtilization(elu0).utilization;
    const roundTrips = counter.n / REQUESTS;
    const dbMs = [...times.current.values()].reduce((sum, t) => sum + t.ms, 0) / REQUESTS;
    const perStatement = [...times.current]
      .map(([name, t]) => `${name} ${(t.ms / t.n).toFixed(1)} ms`)
      .join(', ');
    rows.push({
      scenario: scenario.name,
      result,
      roundTrips,
      statements: `${statements} (mean wall time per call: ${perStatement})`,
      dbMs,
      aloneP50: percentile(alone.latencies, 50),
      elu,
    });
    log(`scale ${scale}×: ${summarizeRow(rows.at(-1)!)}`);
    if (result.errors > 0) log(`  first error: ${result.firstError}`);
  }

  // The raw statement for (a) through the same driver, no HTTP or GraphQL: the floor under (a).
  await closedLoop(WARMUP * 2, CONCURRENCY, async () => (await rawDb.read(rawGap, {})).length);
  const [gap] = await rawDb.read(rawGap, {});
  const rawAlone = await closedLoop(
    SEQUENTIAL,
    1,
    async () => JSON.stringify(await rawDb.read(rawGap, {})).length,
  );
  const raw = await closedLoop(
    REQUESTS,
    CONCURRENCY,
    async () => JSON.stringify(await rawDb.read(rawGap, {})).length,
  );
  rows.push({
    scenario: '(a′) raw Cypher for (a), driver only (1 statement)',
    result: raw,
    roundTrips: 1,
    statements: 'benchRawGap',
    dbMs: null,
    aloneP50: percentile(rawAlone.latencies, 50),
    elu: null,
  });
  log(`scale ${scale}×: ${summarizeRow(rows.at(-1)!)}`);
  const memAfter = memory();
  return {
    scale,
    records: datasetSize(data),
    nodes,
    rels,
    loadMs,
    rows,
    memBefore,
    memAfter,
    gapTotal: gap?.total ?? -1,
    load: [loadBefore, loadavg()[0] ?? NaN],
  };
}

async function machine(rawDb: Db) {
  const sh = promisify(execFile);
  const java = await sh('java', ['-version']).then(
    (r) => (r.stderr || r.stdout).split('\n')[0] ?? '?',
    () => '?',
  );
  const [neo4j = '?'] = await rawDb.read(version, {});
  return {
    cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? '?'}`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    neo4j,
    java,
  };
}

function report(
  info: Awaited<ReturnType<typeof machine>>,
  scales: ScaleReport[],
  totalMs: number,
): string {
  const lines: string[] = [
    '# Benchmark results',
    '',
    `Produced by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC, in ${(totalMs / 1000).toFixed(0)} s. Synthetic data only (keys \`SYN-…\`, note "synthetic benchmark data"), on a throwaway Neo4j.`,
    '',
    '## Machine',
    '',
    `- CPUs: ${info.cpus}`,
    `- Memory: ${info.memory}`,
    `- Node: ${info.node}; Neo4j: ${info.neo4j} (embedded launcher, heap 2 GiB, page cache 512 MiB); Java: ${info.java}`,
    `- Load: ${REQUESTS} requests per operation, ${CONCURRENCY} in flight, over loopback HTTP/1.1 keep-alive (client in a worker thread of the same process); ${WARMUP} warm-up requests first (${WARMUP * 5} at the first scale, which also warms the JIT); "p50 alone" is the median of ${SEQUENTIAL} requests sent one at a time. Server ELU: event-loop utilisation of the server's Node thread during the loop.`,
    '',
    'Latencies in ms, measured by the client around each request. Round trips: Neo4j statements the server sent per request (Db `onQuery`), averaged over the loop. DB ms/req: summed wall time of those statements per request (statements of one GraphQL level run in parallel, so this can exceed the latency). Size: mean response body.',
  ];
  for (const s of scales) {
    lines.push(
      '',
      `## Scale ${s.scale}×`,
      '',
      `Records: ${Object.entries(s.records)
        .map(([k, v]) => `${v} ${k}`)
        .join(
          ', ',
        )}. Graph: ${s.nodes} nodes, ${s.rels} relationships; load (one transaction, replace) ${(s.loadMs / 1000).toFixed(1)} s. Gap answer: ${s.gapTotal} recommendations without projects.`,
      '',
      '| operation | requests | errors | p50 | p95 | p99 | p50 alone | req/s | server ELU | round trips/req | DB ms/req | size KB |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...s.rows.map((row) => `| ${summarizeRow(row)} |`),
      '',
      `Server process memory after a full GC (RSS / heap used) before the loops: ${MB(s.memBefore.rss)} / ${MB(s.memBefore.heapUsed)} MiB; after: ${MB(s.memAfter.rss)} / ${MB(s.memAfter.heapUsed)} MiB. Machine load average (1 min) before/after: ${s.load[0].toFixed(1)} / ${s.load[1].toFixed(1)} on ${availableParallelism()} CPUs.`,
      '',
      'Statements of one request:',
      '',
      ...s.rows.map((r) => `- ${r.scenario.slice(0, 4).trim()} ${r.statements}`),
    );
  }
  lines.push('', '## Growth', '', ...growth(scales), '');
  return lines.join('\n');
}

/** How each operation's p50 and throughput moved from the smallest to the largest scale. */
function growth(scales: ScaleReport[]): string[] {
  const first = scales[0];
  const last = scales.at(-1);
  if (!first || !last || first === last) return ['(one scale only)'];
  const out = [
    `From ${first.scale}× to ${last.scale}× (graph ${(last.nodes / Math.max(1, first.nodes)).toFixed(0)}× the nodes):`,
    '',
  ];
  first.rows.forEach((row, i) => {
    const other = last.rows[i];
    if (!other) return;
    const p50a = percentile(row.result.latencies, 50);
    const p50b = percentile(other.result.latencies, 50);
    const rpsA = row.result.latencies.length / (row.result.elapsedMs / 1000);
    const rpsB = other.result.latencies.length / (other.result.elapsedMs / 1000);
    out.push(
      `- ${row.scenario}: p50 ${p50a.toFixed(1)} → ${p50b.toFixed(1)} ms (×${(p50b / p50a).toFixed(1)}), ${rpsA.toFixed(0)} → ${rpsB.toFixed(0)} req/s; round trips ${row.roundTrips?.toFixed(1) ?? '—'} → ${other.roundTrips?.toFixed(1) ?? '—'}.`,
    );
  });
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  // Always a fresh Neo4j in a temporary folder on a free port: never the dev database, whatever NEO4J_URI says.
  const dir = await mkdtemp(join(tmpdir(), 'ctkg-bench-neo4j-'));
  const port = await freePort();
  let httpServer: Server | null = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    if (httpServer) await new Promise((done) => httpServer!.close(done));
    await stopLocalNeo4j(dir, 30_000);
    await rm(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    log(`starting a throwaway Neo4j in ${dir} on port ${port}`);
    // The 50x load is one transaction: it needs more than the default 512 MiB transaction cap.
    const neo = await startLocalNeo4j({
      dir,
      port,
      heap: '2g',
      pageCacheMiB: 512,
      txMemoryMiB: 1536,
      log,
    });
    if (!neo.startedNow)
      throw new Error('expected a fresh Neo4j; refusing to load synthetic data into a running one');
    const driver = createDriver(neo);
    const counter = { n: 0, names: [] as string[] };
    const db = createDb(driver, {
      database: 'neo4j',
      onQuery: (name) => {
        counter.n += 1;
        counter.names.push(name);
      },
    });
    const rawDb = createDb(driver, { database: 'neo4j' });
    const times = { current: new Map() as StatementTimes };
    const appDb = timed(db, times);
    try {
      const [existing = 0] = await rawDb.read(countNodes, {});
      if (existing > 0)
        throw new Error(
          `the throwaway Neo4j already holds ${existing} nodes; refusing to continue`,
        );
      await ensureSchema(db);
      const info = await machine(rawDb);
      log(`machine: ${JSON.stringify(info)}`);

      const server = createServer();
      httpServer = server;
      const deps = { db: appDb, log: createLogger('silent'), limits: LIMITS, httpServer: server };
      const apollo = createApollo(deps);
      await apollo.start();
      server.on('request', createApp(deps, apollo));
      const httpPort = await freePort();
      await new Promise<void>((done) => server.listen(httpPort, '127.0.0.1', done));
      const url = `http://127.0.0.1:${httpPort}/graphql`;
      log(`app serving on ${url}`);

      const scales: ScaleReport[] = [];
      for (const scale of SCALES)
        scales.push(await benchScale(scale, db, rawDb, counter, times, url));
      await apollo.stop();
      httpServer = null;
      // Formatted as `npm run format:check` expects (tables aligned), so a fresh run keeps it green.
      const prettier = await import('prettier');
      const text = report(info, scales, performance.now() - started);
      const options = (await prettier.resolveConfig(OUT)) ?? {};
      await writeFile(OUT, await prettier.format(text, { ...options, filepath: OUT }));
      log(`wrote ${OUT}`);
    } finally {
      await driver.close();
    }
  } finally {
    await cleanup();
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
