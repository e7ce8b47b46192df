// Benchmark: ctkg races @neo4j/graphql and hand-written Cypher on synthetic graphs at several
// scales, in a throwaway Neo4j. Run with `npm run bench [-- --scales 1,10]`; see bench/README.md.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { cypher } from '../src/db/cypher.js';
import { createDb, type Db } from '../src/db/db.js';
import { createDriver } from '../src/db/driver.js';
import {
  freePort,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4j,
} from '../src/db/local-neo4j.js';
import { ensureSchema } from '../src/db/schema.js';
import { loadDataset } from '../seed/load.js';
import { ask, type Usage } from './ipc.js';
import { closedLoop, percentile, post, type LoadResult } from './load.js';
import { QUESTIONS, type GraphqlSide, type Question, type Variant } from './questions.js';
import { datasetSize, syntheticDataset } from './synthetic.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const PROBE = new URL('./probe.ts', import.meta.url).href;
const env = process.env;

/** Command line and environment knobs (bench/README.md); throws one message for a bad value. */
function readSettings() {
  const { values } = parseArgs({
    options: { scales: { type: 'string' }, help: { type: 'boolean' } },
  });
  const knob = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a positive integer; got "${env[name]}"`);
    return value;
  };
  const scales = (values.scales ?? env['BENCH_SCALES'] ?? '1,10,50').split(',').map(Number);
  if (scales.some((n) => !(n > 0)))
    throw new Error(`--scales must be a comma-separated list of positive numbers`);
  return {
    help: values.help === true,
    scales,
    /** Requests per contestant and question with `concurrency` in flight (for req/s), over all rounds. */
    requests: knob('BENCH_REQUESTS', 200),
    concurrency: knob('BENCH_CONCURRENCY', 8),
    /** Requests per contestant and question sent one at a time (latency without queueing). */
    sequential: knob('BENCH_SEQUENTIAL', 100),
    /** Rounds the measured requests are split into; each round runs every contestant once, in turn. */
    rounds: knob('BENCH_ROUNDS', 5),
    /** Unmeasured requests per contestant and question first (JIT, query plans, page cache). */
    warmup: knob('BENCH_WARMUP', 50),
    out: env['BENCH_OUT'] ?? join(HERE, 'RESULTS.md'),
    debug: env['BENCH_DEBUG'] === '1',
  };
}

let settings: ReturnType<typeof readSettings>;
try {
  settings = readSettings();
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  console.error('usage: npm run bench [-- --scales 1,10,50]   (knobs: bench/README.md)');
  process.exit(2);
}
if (settings.help) {
  console.log('usage: npm run bench [-- --scales 1,10,50]   (knobs: bench/README.md)');
  process.exit(0);
}
const {
  scales: SCALES,
  requests: REQUESTS,
  concurrency: CONCURRENCY,
  sequential: SEQUENTIAL,
  rounds: ROUNDS,
  warmup: WARMUP,
  out: OUT,
  debug: DEBUG,
} = settings;

const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

// ---------------------------------------------------------------------------------------------
// Contestants.

type ContestantName = 'ctkg' | 'library' | 'raw' | 'raw-http' | 'raw-apollo';
const CONTESTANTS: readonly ContestantName[] = ['ctkg', 'library', 'raw', 'raw-http', 'raw-apollo'];

interface Contestant {
  readonly name: ContestantName;
  readonly child: ChildProcess;
  /** True when the contestant can put the question at all. */
  supports(q: Question): boolean;
  /** The canonical answer to one variant. */
  answer(q: Question, v: Variant): Promise<unknown>;
  /** A closed loop of `total` requests; request i uses variant (offset + i) mod n. */
  load(
    q: Question,
    variants: readonly Variant[],
    offset: number,
    total: number,
    concurrency: number,
  ): Promise<LoadResult>;
  usage(): Promise<Usage>;
  stop(): Promise<void>;
}

/** Spawns `node --import tsx --import probe <script>` from the repository root, with an IPC channel. */
function spawnNode(script: string, vars: Record<string, string>, name: string) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...vars };
  // As deployed (the Docker image sets it). Under anything else graphql-js checks every
  // `instanceof` for a second copy of itself, which costs the GraphQL servers 5–10 % of their CPU.
  childEnv['NODE_ENV'] = 'production';
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, script], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) log(`${name} exited unexpectedly (code ${code}, signal ${signal}):\n${output}`);
  });
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => output, stop };
}

const usageOf = async (child: ChildProcess) =>
  (await ask<{ usage: Usage }>(child, { kind: 'usage' })).usage;

/** The `data` of a GraphQL answer; throws on a GraphQL `errors` entry. */
function graphqlData(text: string): unknown {
  const json = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
  if (json.errors?.length || json.data === undefined)
    throw new Error(`GraphQL error: ${text.slice(0, 500)}`);
  return json.data;
}

/** How the bench talks to an HTTP contestant. */
interface HttpSide {
  /** True when the contestant can put the question at all. */
  supports(q: Question): boolean;
  /** The request body for a variant of a question it supports. */
  body(q: Question, v: Variant): string;
  /** The canonical answer from the response text. */
  answer(q: Question, text: string): unknown;
  /** Throws when a 200 response text still reports an error (checked on every timed request). */
  check(text: string): void;
  /** Where it serves, and a body it answers with 200 once it does. */
  readonly path: string;
  readonly probe: string;
}

/** The HTTP side of a GraphQL server: `side(q)` says how it puts each question. */
const graphqlSide = (side: (q: Question) => GraphqlSide | null): HttpSide => ({
  supports: (q) => side(q) !== null,
  body: (q, v) => {
    const s = side(q);
    if (s === null) throw new Error(`cannot put question (${q.id})`);
    return JSON.stringify({ query: s.query, variables: s.variables(v) });
  },
  answer: (q, text) => side(q)!.normalise(graphqlData(text)),
  check: (text) => void graphqlData(text),
  path: '/graphql',
  probe: JSON.stringify({ query: '{ __typename }' }),
});

/** The raw statement behind bench/raw-http-server.ts. */
const rawHttpSide: HttpSide = {
  supports: () => true,
  body: (q, v) => JSON.stringify({ question: q.id, variant: v }),
  answer: (q, text) => q.raw.normalise(JSON.parse(text)),
  check: () => undefined, // it answers 500 on an error
  path: '/',
  probe: JSON.stringify({ question: 'ping' }),
};

/** The raw statement as the one field of bench/raw-apollo-server.ts. */
const RAW_APOLLO_QUERY = 'query R($q: String!, $v: JSON!) { raw(question: $q, variant: $v) }';
const rawApolloSide: HttpSide = {
  supports: () => true,
  body: (q, v) => JSON.stringify({ query: RAW_APOLLO_QUERY, variables: { q: q.id, v } }),
  answer: (q, text) => q.raw.normalise((graphqlData(text) as { raw: unknown }).raw),
  check: (text) => void graphqlData(text),
  path: '/',
  probe: JSON.stringify({ query: '{ __typename }' }),
};

/** Starts an HTTP contestant's process and resolves once it answers its probe. */
async function startHttpServer(
  name: Exclude<ContestantName, 'raw'>,
  script: string,
  vars: Record<string, string>,
  side: HttpSide,
): Promise<Contestant> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${side.path}`;
  const proc = spawnNode(script, { ...vars, PORT: String(port) }, name);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.child.exitCode !== null)
      throw new Error(`${name} exited before serving:\n${proc.output()}`);
    const ok = await post(url, side.probe).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`${name} did not serve within 120 s:\n${proc.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const bodies = new Map<Question, Map<Variant, string>>();
  const body = (q: Question, v: Variant) => {
    const perQuestion = bodies.get(q) ?? new Map<Variant, string>();
    bodies.set(q, perQuestion);
    let text = perQuestion.get(v);
    if (text === undefined) {
      text = side.body(q, v);
      perQuestion.set(v, text);
    }
    return text;
  };
  const send = async (q: Question, v: Variant) => {
    const { status, text } = await post(url, body(q, v));
    if (status !== 200) throw new Error(`HTTP ${status}: ${text.slice(0, 500)}`);
    return text;
  };
  return {
    name,
    child: proc.child,
    supports: (q) => side.supports(q),
    answer: async (q, v) => side.answer(q, await send(q, v)),
    load: (q, variants, offset, total, concurrency) =>
      closedLoop(total, concurrency, async (i) => {
        const text = await send(q, variants[(offset + i) % variants.length]!);
        side.check(text);
        return text.length;
      }),
    usage: () => usageOf(proc.child),
    stop: proc.stop,
  };
}

async function startRaw(vars: Record<string, string>): Promise<Contestant> {
  const proc = spawnNode('bench/raw-client.ts', vars, 'raw');
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`raw client did not start:\n${proc.output()}`)),
      60_000,
    );
    proc.child.once('message', () => {
      clearTimeout(timer);
      done();
    });
    proc.child.once('exit', () => fail(new Error(`raw client exited:\n${proc.output()}`)));
  });
  return {
    name: 'raw',
    child: proc.child,
    supports: () => true,
    answer: async (q, v) =>
      q.raw.normalise(
        (await ask<{ row: unknown }>(proc.child, { kind: 'answer', question: q.id, variants: [v] }))
          .row,
      ),
    load: async (q, variants, offset, total, concurrency) =>
      (
        await ask<{ result: LoadResult }>(proc.child, {
          kind: 'load',
          question: q.id,
          variants,
          offset,
          total,
          concurrency,
        })
      ).result,
    usage: () => usageOf(proc.child),
    stop: proc.stop,
  };
}

/** The contestants over the Neo4j at `neo`, started in parallel. */
async function startContestants(neo: LocalNeo4j): Promise<Contestant[]> {
  const vars = { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password };
  const started = await Promise.allSettled([
    startHttpServer(
      'ctkg',
      'src/server.ts',
      {
        ...vars,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SEED_ON_START: 'false', // the bench graph only, never the curated seed
        // Its own unmeasured requests plan the statements, as for every contestant; a background
        // warm-up would load Neo4j during the timed rounds.
        WARM_UP_ON_START: 'false',
        // The bench is one client sending thousands of requests a minute: not one to throttle.
        RATE_LIMIT_REQUESTS: '100000000',
        RATE_LIMIT_COST: '100000000000',
        // (f) is unpaged: at 50× a hub's projects and their States weigh 54,853 by the measured
        // list caps, over the default 50,000 a public caller gets. The race is about speed.
        LIMIT_MAX_COST: '1000000',
      },
      graphqlSide((q) => q.ctkg),
    ),
    startHttpServer(
      'library',
      'bench/library-server.ts',
      vars,
      graphqlSide((q) => ('query' in q.library ? q.library : null)),
    ),
    startRaw(vars),
    startHttpServer('raw-http', 'bench/raw-http-server.ts', vars, rawHttpSide),
    startHttpServer('raw-apollo', 'bench/raw-apollo-server.ts', vars, rawApolloSide),
  ]);
  const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
  if (failed.length > 0) {
    await Promise.all(ok.map((c) => c.stop()));
    throw new Error(failed.map((e) => e.message).join('\n'));
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Checking answers.

/** Where two JSON values first differ, as a path and both sides; null when they are equal. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (const k of [...new Set([...ka, ...kb])]) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (d !== null) return d;
    }
  }
  const show = (x: unknown) => JSON.stringify(x)?.slice(0, 300) ?? 'undefined';
  return `${path}: ${show(a)} vs ${show(b)}`;
}

/**
 * Asks every contestant every variant and compares the canonical answers with ctkg's; throws on the
 * first mismatch, on a null answer (every variant names something that exists) and when every
 * answer is trivially small (a question that matched nothing would race on nothing).
 */
async function verify(q: Question, variants: readonly Variant[], racers: readonly Contestant[]) {
  let largest = 0;
  for (const v of variants) {
    const answers = await Promise.all(
      racers.map((c) =>
        c.answer(q, v).catch((error: unknown) => {
          throw new Error(
            `(${q.id}) ${c.name} failed on ${JSON.stringify(v)}: ${(error as Error).message}`,
          );
        }),
      ),
    );
    const [reference, ...others] = answers;
    if (reference === null || reference === undefined)
      throw new Error(`(${q.id}) ctkg answered null for ${JSON.stringify(v)}`);
    largest = Math.max(largest, JSON.stringify(reference).length);
    others.forEach((other, i) => {
      const difference = firstDifference(reference, other);
      if (difference !== null)
        throw new Error(
          `(${q.id}) answers differ for ${JSON.stringify(v)}: ctkg vs ${racers[i + 1]!.name} at ${difference}`,
        );
    });
    if (DEBUG && v === variants[0])
      log(`(${q.id}) sample answer: ${JSON.stringify(reference).slice(0, 400)}`);
  }
  if (largest < 40) throw new Error(`(${q.id}) every answer is (nearly) empty; nothing to race on`);
}

// ---------------------------------------------------------------------------------------------
// Measuring.

/** CPU time of the Neo4j JVM so far, ms (Linux /proc); null elsewhere. */
async function neo4jCpuMs(pid: number, tick: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / tick) * 1000;
  } catch {
    return null;
  }
}

interface Tally {
  alone: number[];
  loaded: number[];
  loadedMs: number;
  loadedOk: number;
  requests: number;
  errors: number;
  firstError: string | null;
  bytes: number;
  cpuMs: number;
  dbCpuMs: number | null;
}

const emptyTally = (): Tally => ({
  alone: [],
  loaded: [],
  loadedMs: 0,
  loadedOk: 0,
  requests: 0,
  errors: 0,
  firstError: null,
  bytes: 0,
  cpuMs: 0,
  dbCpuMs: 0,
});

/** Adds one batch to a tally. */
function add(t: Tally, r: LoadResult, kind: 'alone' | 'loaded') {
  const ok = r.latencies.length - r.errors;
  if (kind === 'alone') t.alone.push(...r.latencies);
  else {
    t.loaded.push(...r.latencies);
    t.loadedMs += r.elapsedMs;
    t.loadedOk += ok;
  }
  t.requests += r.latencies.length;
  t.errors += r.errors;
  t.firstError ??= r.firstError;
  t.bytes += r.bytes;
}

interface Measured {
  readonly p50Alone: number;
  readonly p95Alone: number;
  readonly p50Loaded: number;
  readonly rps: number;
  readonly cpuPerRequest: number;
  readonly dbCpuPerRequest: number | null;
  readonly kbPerAnswer: number;
  readonly requests: number;
}

const measured = (t: Tally): Measured => ({
  p50Alone: percentile(t.alone, 50),
  p95Alone: percentile(t.alone, 95),
  p50Loaded: percentile(t.loaded, 50),
  rps: t.loadedOk / (t.loadedMs / 1000),
  cpuPerRequest: t.cpuMs / t.requests,
  dbCpuPerRequest: t.dbCpuMs === null ? null : t.dbCpuMs / t.requests,
  kbPerAnswer: t.bytes / Math.max(1, t.requests - t.errors) / 1024,
  requests: t.requests,
});

interface QuestionReport {
  readonly question: Question;
  readonly variants: number;
  readonly results: ReadonlyMap<ContestantName, Measured>;
}

interface MemoryReport {
  readonly name: ContestantName;
  readonly start: Usage;
  readonly end: Usage;
}

interface ScaleReport {
  readonly scale: number;
  readonly records: Record<string, number>;
  readonly nodes: number;
  readonly rels: number;
  readonly loadMs: number;
  readonly questions: QuestionReport[];
  readonly memory: MemoryReport[];
  /** 1-minute load average before and after the races: other work on the machine skews the numbers. */
  readonly load: [number, number];
}

/** Verifies, warms up and races the contestants on one question. */
async function race(
  q: Question,
  scale: number,
  contestants: readonly Contestant[],
  dbCpu: () => Promise<number | null>,
): Promise<QuestionReport> {
  const variants = q.variants(scale);
  const racers = contestants.filter((c) => c.supports(q));
  await verify(q, variants, racers);
  log(
    `(${q.id}) ${variants.length} variant(s): answers agree across ${racers.map((c) => c.name).join(', ')}`,
  );
  for (const c of racers) await c.load(q, variants, 0, WARMUP, CONCURRENCY);

  const tallies = new Map(racers.map((c) => [c.name, emptyTally()]));
  const offsets = new Map(racers.map((c) => [c.name, 0]));
  // Interleaved: every round runs each contestant once, first a few requests alone and then a
  // loaded batch, in an order that rotates, so drift on a shared machine spreads over all of them.
  for (let round = 0; round < ROUNDS; round++) {
    const share = (total: number) => Math.floor(total / ROUNDS) + (round < total % ROUNDS ? 1 : 0);
    for (let k = 0; k < racers.length; k++) {
      const c = racers[(round + k) % racers.length]!;
      const tally = tallies.get(c.name)!;
      const before = await c.usage();
      const db0 = await dbCpu();
      let offset = offsets.get(c.name)!;
      const alone = await c.load(q, variants, offset, share(SEQUENTIAL), 1);
      offset += alone.latencies.length;
      add(tally, alone, 'alone');
      const loaded = await c.load(q, variants, offset, share(REQUESTS), CONCURRENCY);
      offset += loaded.latencies.length;
      add(tally, loaded, 'loaded');
      offsets.set(c.name, offset);
      const db1 = await dbCpu();
      tally.cpuMs += (await c.usage()).cpuMs - before.cpuMs;
      tally.dbCpuMs =
        db0 === null || db1 === null || tally.dbCpuMs === null ? null : tally.dbCpuMs + db1 - db0;
    }
  }
  for (const [name, t] of tallies)
    if (t.errors > 0)
      throw new Error(
        `(${q.id}) ${name}: ${t.errors} of ${t.requests} requests failed; first: ${t.firstError}`,
      );
  const results = new Map([...tallies].map(([name, t]) => [name, measured(t)]));
  for (const [name, m] of results)
    log(
      `(${q.id}) ${name.padEnd(7)} p50 alone ${m.p50Alone.toFixed(1)} ms, ${m.rps.toFixed(0)} req/s at ${CONCURRENCY}, CPU ${m.cpuPerRequest.toFixed(2)} ms/req, Neo4j CPU ${m.dbCpuPerRequest?.toFixed(2) ?? '—'} ms/req`,
    );
  return { question: q, variants: variants.length, results };
}

// ---------------------------------------------------------------------------------------------
// Plumbing.

const countNodes = cypher<Record<string, never>, number>(
  'benchCountNodes',
)`MATCH (n) RETURN count(n) AS row`;
const countRels = cypher<Record<string, never>, number>(
  'benchCountRels',
)`MATCH ()-[r]->() RETURN count(r) AS row`;
const version = cypher<Record<string, never>, string>('benchVersion')`
  CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition AS row`;

async function benchScale(
  scale: number,
  db: Db,
  neo: LocalNeo4j,
  dbCpu: () => Promise<number | null>,
  running: Set<Contestant>,
): Promise<ScaleReport> {
  const data = syntheticDataset(scale);
  log(`scale ${scale}×: loading ${JSON.stringify(datasetSize(data))}`);
  const t0 = performance.now();
  await loadDataset(db, { data, origin: new Map(), files: [] }, { replace: true, infer: false });
  const loadMs = performance.now() - t0;
  const [nodes = 0] = await db.read(countNodes, {});
  const [rels = 0] = await db.read(countRels, {});
  log(
    `scale ${scale}×: ${nodes} nodes, ${rels} relationships, loaded in ${(loadMs / 1000).toFixed(1)} s`,
  );

  // Fresh processes per scale: ctkg weighs lists by the data it finds at start-up, and each
  // server's memory then belongs to this scale alone.
  const contestants = await startContestants(neo);
  contestants.forEach((c) => running.add(c));
  try {
    const start = new Map(
      await Promise.all(contestants.map(async (c) => [c.name, await c.usage()] as const)),
    );
    const loadBefore = loadavg()[0] ?? NaN;
    const questions: QuestionReport[] = [];
    for (const q of QUESTIONS) questions.push(await race(q, scale, contestants, dbCpu));
    const memory = await Promise.all(
      contestants.map(async (c) => ({
        name: c.name,
        start: start.get(c.name)!,
        end: await c.usage(),
      })),
    );
    return {
      scale,
      records: datasetSize(data),
      nodes,
      rels,
      loadMs,
      questions,
      memory,
      load: [loadBefore, loadavg()[0] ?? NaN],
    };
  } finally {
    await Promise.all(contestants.map((c) => c.stop()));
    contestants.forEach((c) => running.delete(c));
  }
}

async function machine(db: Db) {
  const sh = promisify(execFile);
  const java = await sh('java', ['-version']).then(
    (r) => (r.stderr || r.stdout).split('\n')[0] ?? '?',
    () => '?',
  );
  const [neo4j = '?'] = await db.read(version, {});
  const pkg = async (name: string) =>
    (
      JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  // src/ changes while the bench runs in a shared checkout: record which ctkg was raced.
  const git = async (...args: string[]) =>
    (await sh('git', args, { cwd: ROOT }).catch(() => ({ stdout: '?' }))).stdout.trim();
  const commit = await git('rev-parse', '--short', 'HEAD');
  const dirty = (await git('status', '--porcelain', '--', 'src', 'schema')) !== '';
  return {
    ctkg: `commit ${commit}${dirty ? ' with uncommitted changes in src/ or schema/' : ''}`,
    cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? '?'}`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    neo4j,
    java,
    packages: `@apollo/server ${await pkg('@apollo/server')}, @neo4j/graphql ${await pkg('@neo4j/graphql')}, graphql ${await pkg('graphql')}, neo4j-driver ${await pkg('neo4j-driver')}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The report.

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const f2 = (n: number | null) => (n !== null && Number.isFinite(n) ? n.toFixed(2) : '—');
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !(b > 0) ? '—' : (a / b).toFixed(2);

function scaleSection(s: ScaleReport): string[] {
  const rows: string[] = [];
  const ratios: string[] = [];
  const floors: string[] = [];
  for (const { question: q, variants, results } of s.questions) {
    for (const name of CONTESTANTS) {
      const m = results.get(name);
      if (m === undefined) {
        rows.push(`| (${q.id}) | ${name} | not expressible | | | | | | | |`);
        continue;
      }
      rows.push(
        `| (${q.id}) | ${name} | ${f1(m.p50Alone)} | ${f1(m.p95Alone)} | ${f1(m.p50Loaded)} | ${m.rps.toFixed(0)} | ${f2(m.cpuPerRequest)} | ${f2(m.dbCpuPerRequest)} | ${m.kbPerAnswer.toFixed(1)} | ${variants} |`,
      );
    }
    const c = results.get('ctkg');
    const l = results.get('library');
    const r = results.get('raw');
    const h = results.get('raw-http');
    const a = results.get('raw-apollo');
    floors.push(
      `| (${q.id}) | ${ratio(h?.p50Alone, r?.p50Alone)} | ${ratio(a?.p50Alone, r?.p50Alone)} | ${ratio(c?.p50Alone, r?.p50Alone)} | ${ratio(c?.p50Alone, a?.p50Alone)} |`,
    );
    ratios.push(
      `| (${q.id}) | ${ratio(c?.p50Alone, l?.p50Alone)} | ${ratio(c?.p50Alone, r?.p50Alone)} | ${ratio(c?.p50Alone, h?.p50Alone)} | ${ratio(c?.rps, l?.rps)} | ${ratio(c?.rps, r?.rps)} | ${ratio(c?.cpuPerRequest, l?.cpuPerRequest)} | ${ratio(c?.cpuPerRequest, r?.cpuPerRequest)} | ${ratio(c?.dbCpuPerRequest ?? undefined, l?.dbCpuPerRequest ?? undefined)} | ${ratio(c?.dbCpuPerRequest ?? undefined, r?.dbCpuPerRequest ?? undefined)} |`,
    );
  }
  return [
    '',
    `## Scale ${s.scale}×`,
    '',
    `Records: ${Object.entries(s.records)
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}. Graph: ${s.nodes} nodes, ${s.rels} relationships; loaded in ${(s.loadMs / 1000).toFixed(1)} s. Machine load average (1 min) before/after the races: ${s.load[0].toFixed(1)} / ${s.load[1].toFixed(1)} on ${availableParallelism()} CPUs.`,
    '',
    '| question | contestant | p50 alone | p95 alone | p50 at 8 | req/s at 8 | CPU ms/req | Neo4j CPU ms/req | KB/answer | variants |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Ratios (ctkg ÷ other). Latency and CPU: above 1 means ctkg is slower or spends more. Throughput: below 1 means ctkg serves fewer requests per second.',
    '',
    '| question | p50 alone ÷ library | p50 alone ÷ raw | p50 alone ÷ raw over HTTP | req/s ÷ library | req/s ÷ raw | CPU ÷ library | CPU ÷ raw | Neo4j CPU ÷ library | Neo4j CPU ÷ raw |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...ratios,
    '',
    "Floors (p50 alone ÷ raw's): what the same statement costs behind a bare HTTP server and behind Apollo Server, before any work of a real API; and ctkg against the Apollo floor.",
    '',
    '| question | raw-http ÷ raw | raw-apollo ÷ raw | ctkg ÷ raw | ctkg ÷ raw-apollo |',
    '|---|---|---|---|---|',
    ...floors,
    '',
    `Memory of each contestant's process (RSS at start / after the races / peak): ${s.memory
      .map((m) => `${m.name} ${MB(m.start.rss)} / ${MB(m.end.rss)} / ${MB(m.end.maxRss)} MiB`)
      .join('; ')}.`,
  ];
}

function report(info: Awaited<ReturnType<typeof machine>>, scales: ScaleReport[], totalMs: number) {
  const unsupported = QUESTIONS.flatMap((q) =>
    'unsupported' in q.library ? [`- (${q.id}) not at all — ${q.library.unsupported}`] : [],
  );
  const caveats = QUESTIONS.flatMap((q) =>
    q.libraryCaveat === undefined ? [] : [`- (${q.id}) in part — ${q.libraryCaveat}`],
  );
  const lines: string[] = [
    '# Benchmark results',
    '',
    `Produced by \`npm run bench -- --scales ${SCALES.join(',')}\` (bench/run.ts) on ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC, in ${(totalMs / 1000).toFixed(0)} s. Synthetic data only (keys \`SYN-…\`, note "synthetic benchmark data"), in a throwaway Neo4j.`,
    '',
    '## Machine',
    '',
    `- CPUs: ${info.cpus}; memory: ${info.memory}`,
    `- Node ${info.node}; ${info.neo4j} (embedded launcher, heap 4 GiB, page cache 512 MiB); Java: ${info.java}`,
    `- ${info.packages}`,
    `- ctkg raced: ${info.ctkg}`,
    '',
    '## Contestants',
    '',
    '- **ctkg**: the real server (`node --import tsx src/server.ts`, its own process; rate limits lifted, and the cost cap raised to 1,000,000 since (f) is an unpaged two-hop list that weighs 54,853 at 50×; start-up warm-up off), over HTTP.',
    '- **library**: Apollo Server 5 (standalone) + `@neo4j/graphql` 7 over the same graph, type definitions in `bench/library-schema.ts` (its own process), over HTTP.',
    '- **raw**: one hand-written Cypher statement per question through neo4j-driver `executeQuery`, no HTTP or GraphQL (its own process; the answer is serialised to JSON like a response).',
    '- **raw-http**: the same statement behind a bare `node:http` server (`bench/raw-http-server.ts`: no framework, no GraphQL, no limits), over HTTP. Not a rival: it shows what the loopback hop, reading the request and writing the JSON answer cost any HTTP API, which the in-process raw contestant does not pay.',
    '- **raw-apollo**: the same statement as the one field of an Apollo Server 5 (standalone; `bench/raw-apollo-server.ts`: a JSON scalar, no schema of the graph, no limits), over HTTP. Not a rival either: what any Apollo server pays at least, before resolving a single field of a real schema.',
    '',
    'All five read the same Neo4j; one process per contestant, restarted at each scale. Each runs as deployed: `NODE_ENV=production` (as the Docker image sets it; otherwise graphql-js checks every `instanceof` for a second copy of itself) and source maps off (tsx turns them on; the built server runs without them).',
    '',
    '## Questions',
    '',
    ...QUESTIONS.map((q) => `- (${q.id}) ${q.title}. ${q.shape}.`),
    '',
    '## Method',
    '',
    `- Before any timing, every variant of every question is asked of every contestant and the answers are compared in a canonical form (same keys, same order where the question defines one: pages by key, neighbours by label and key; link lists as sets). A difference stops the run.`,
    `- Then ${WARMUP} unmeasured requests per contestant, then ${ROUNDS} rounds; in each round every contestant (in an order that rotates) sends its share of ${SEQUENTIAL} requests one at a time ("alone") and then its share of ${REQUESTS} requests with ${CONCURRENCY} in flight. Requests rotate through the question's variants.`,
    '- Latencies in ms, measured by the client around each request (HTTP contestants: over loopback HTTP/1.1 keep-alive from the bench process, with `node:http`; raw: around `executeQuery` inside its process).',
    "- CPU ms/req: user + system CPU time of the contestant's own process (`process.cpuUsage()` read inside it over IPC) over both batches, per request. For raw this is the driver's client-side work. Neo4j CPU ms/req: CPU time of the Neo4j JVM over the same batches (from /proc), per request.",
    '',
    '## What the library could not express',
    '',
    ...(unsupported.length + caveats.length > 0 ? [...unsupported, ...caveats] : ['- Nothing.']),
  ];
  for (const s of scales) lines.push(...scaleSection(s));
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  // Always a fresh Neo4j in a temporary folder on a free port: never the dev database, whatever NEO4J_URI says.
  const dir = await mkdtemp(join(tmpdir(), 'ctkg-bench-neo4j-'));
  const port = await freePort();
  const running = new Set<Contestant>();
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all([...running].map((c) => c.stop()));
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
      heap: '4g',
      pageCacheMiB: 512,
      txMemoryMiB: 3072,
      log,
    });
    if (!neo.startedNow)
      throw new Error('expected a fresh Neo4j; refusing to load synthetic data into a running one');
    const driver = createDriver(neo);
    const db = createDb(driver, { database: 'neo4j' });
    try {
      const [existing = 0] = await db.read(countNodes, {});
      if (existing > 0)
        throw new Error(
          `the throwaway Neo4j already holds ${existing} nodes; refusing to continue`,
        );
      await ensureSchema(db);
      const info = await machine(db);
      log(`machine: ${JSON.stringify(info)}`);
      const tick =
        Number(
          (await promisify(execFile)('getconf', ['CLK_TCK']).catch(() => ({ stdout: '100' })))
            .stdout,
        ) || 100;
      const dbCpu = () => neo4jCpuMs(neo.pid, tick);

      const scales: ScaleReport[] = [];
      for (const scale of SCALES) scales.push(await benchScale(scale, db, neo, dbCpu, running));
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
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
