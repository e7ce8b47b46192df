// Neo4j killed (SIGKILL) under steady load, then restarted on the same folder and port: the server
// answers every request with data or SERVICE_UNAVAILABLE within 10 s, stays live, and recovers by
// itself. Then the same with a port that accepts connections and answers nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canConnect,
  isAlive,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4j,
} from '../../src/db/local-neo4j.js';
import { freePort } from '../support/global-setup.js';
import { startServer, status, waitFor, type ServerProcess } from '../support/server-process.js';
import { percentile, serverErrors, sleep, STACK_TRACE } from '../support/chaos.js';

const GAP = JSON.stringify({
  query: '{ recommendationsWithoutProjects(first: 5) { totalCount nodes { id } } }',
});
const LOOPS = 8;
/** A request slower than this counts as a hang. */
const HANG_MS = 10_000;
/** How long the port stays silent: longer than a hang, so a request waiting on it shows. */
const SILENT_MS = 12_000;

interface Outcome {
  readonly phase: string;
  readonly started: number;
  readonly ms: number;
  readonly status: number;
  /** `ok`, the first error's `extensions.code`, or what went wrong with the exchange itself. */
  readonly outcome: string;
  /** Kept for anything but a success. */
  readonly body?: string;
}

function tally(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = `${o.outcome}/${o.status}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * Steady load: `LOOPS` loops POSTing the gap query back to back, and /health every 200 ms. Each
 * answer is recorded with the phase it was sent in.
 */
function startLoad(base: string) {
  let phase = 'before';
  let sending = true;
  const outcomes: Outcome[] = [];
  const health: { ms: number; status: number }[] = [];

  const loop = async () => {
    while (sending) {
      const at = phase;
      const started = Date.now();
      try {
        const r = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: GAP,
          signal: AbortSignal.timeout(HANG_MS + 10_000),
        });
        const text = await r.text();
        let outcome: string;
        try {
          const body = JSON.parse(text) as {
            data?: unknown;
            errors?: { extensions?: { code?: string } }[];
          };
          outcome = body.errors
            ? String(body.errors[0]?.extensions?.code)
            : body.data
              ? 'ok'
              : 'no data';
        } catch {
          outcome = 'not JSON';
        }
        outcomes.push({
          phase: at,
          started,
          ms: Date.now() - started,
          status: r.status,
          outcome,
          ...(outcome === 'ok' ? {} : { body: text.slice(0, 1_000) }),
        });
        if (outcome !== 'ok') await sleep(20); // a client retrying at once, not a busy spin
      } catch (error) {
        outcomes.push({
          phase: at,
          started,
          ms: Date.now() - started,
          status: 0,
          outcome: (error as Error).name === 'TimeoutError' ? 'hang' : 'no answer',
          body: String(error),
        });
      }
    }
  };
  const probeHealth = async () => {
    while (sending) {
      const t = Date.now();
      const s = await status(`${base}/health`, 5_000);
      health.push({ ms: Date.now() - t, status: s });
      await sleep(200);
    }
  };
  const running = [...Array.from({ length: LOOPS }, loop), probeHealth()];

  return {
    outcomes,
    health,
    phase: (next: string) => void (phase = next),
    /** Resolves once the loops have had answers for `ms` after their first one. */
    async warm(ms = 2_000) {
      await waitFor(
        () => Promise.resolve(outcomes.length),
        (n) => n > 0,
        30_000,
      );
      await sleep(ms);
    },
    async stop() {
      sending = false;
      await Promise.allSettled(running);
    },
  };
}

type Load = ReturnType<typeof startLoad>;

/** Counts and latencies per phase, /health, and what the server logged as unexpected. */
function summarise(load: Load, phases: readonly string[], server: ServerProcess) {
  const by = (p: string) => load.outcomes.filter((o) => o.phase === p);
  const logged = serverErrors(server);
  return {
    loops: LOOPS,
    requests: load.outcomes.length,
    outcomes: Object.fromEntries(phases.map((p) => [p, tally(by(p))])),
    latencyMs: Object.fromEntries(
      phases.map((p) => {
        const ms = by(p).map((o) => o.ms);
        return [p, { p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms) }];
      }),
    ),
    slowPerPhase: Object.fromEntries(
      phases.map((p) => [p, by(p).filter((o) => o.ms >= HANG_MS).length]),
    ),
    health: {
      probes: load.health.length,
      non200: load.health.filter((h) => h.status !== 200).length,
      maxMs: Math.max(...load.health.map((h) => h.ms)),
      p99Ms: percentile(
        load.health.map((h) => h.ms),
        99,
      ),
    },
    serverErrorsLogged: logged.count,
    serverErrorKinds: logged.kinds,
  };
}

/**
 * What must hold for every answer of the run: data or SERVICE_UNAVAILABLE, within `HANG_MS`, no
 * internals in the body, /health 200 within 1 s. Failures name the request's time after `t0`.
 */
function expectEveryAnswerSafe(load: Load, t0: number): void {
  const report = (list: Outcome[]) =>
    list.slice(0, 5).map(({ started, ...o }) => ({ sentAfterKillMs: started - t0, ...o }));
  const unexpected = load.outcomes.filter(
    (o) => !(o.outcome === 'ok' && o.status === 200) && o.outcome !== 'SERVICE_UNAVAILABLE',
  );
  expect(
    report(unexpected),
    `${unexpected.length} answers neither data nor SERVICE_UNAVAILABLE`,
  ).toEqual([]);
  const leaky = load.outcomes.filter((o) => o.body !== undefined && STACK_TRACE.test(o.body));
  expect(report(leaky), 'answers with internals in the body').toEqual([]);
  expect(load.health.filter((h) => h.status !== 200)).toEqual([]);
  expect(Math.max(...load.health.map((h) => h.ms))).toBeLessThan(1_000);
  const slow = load.outcomes.filter((o) => o.ms >= HANG_MS);
  expect(report(slow), `${slow.length} requests took ${HANG_MS} ms or more`).toEqual([]);
}

/** A TCP listener on `port` that accepts connections and never writes a byte. */
async function silentListener(port: number): Promise<{ close(): Promise<number> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const listener = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done, fail) => {
    listener.once('error', fail);
    listener.listen(port, '127.0.0.1', done);
  });
  return {
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => listener.close(done));
      return accepted;
    },
  };
}

describe('Neo4j failing under load', () => {
  let dir: string;
  let neo4jPort: number;
  let neo4j: LocalNeo4j;
  let server: ServerProcess;

  /** SIGKILL the Neo4j of `dir`: no shutdown, sockets reset, the store left to recover. */
  async function killNeo4j(): Promise<number> {
    expect(Number((await readFile(join(dir, 'neo4j.pid'), 'utf8')).trim())).toBe(neo4j.pid);
    const killedAt = Date.now();
    process.kill(neo4j.pid, 'SIGKILL');
    await waitFor(
      () => Promise.resolve(isAlive(neo4j.pid)),
      (alive) => !alive,
      5_000,
    );
    return killedAt;
  }

  /** Starts Neo4j again on the same folder, port and password; the server is left running. */
  async function restartNeo4j() {
    const restartAt = Date.now();
    let portOpenAt: number | undefined; // TCP accepted, before Neo4j has recovered and answers Bolt
    let watching = true;
    const watchPort = (async () => {
      while (portOpenAt === undefined && watching) {
        if (await canConnect('127.0.0.1', neo4jPort, 500)) portOpenAt = Date.now();
        else await sleep(250);
      }
    })();
    neo4j = await startLocalNeo4j({
      dir,
      port: neo4jPort,
      password: neo4j.password,
      timeoutMs: 180_000,
    });
    const boltAt = Date.now();
    watching = false;
    await watchPort;
    const debugLog = await readFile(join(dir, 'home', 'logs', 'debug.log'), 'utf8').catch(() => '');
    return {
      boltAt,
      restartToPortOpenMs: portOpenAt === undefined ? null : portOpenAt - restartAt,
      restartToBoltMs: boltAt - restartAt,
      recoveryLogged: /recovery completed|recovery required/i.test(debugLog),
    };
  }

  /** Waits for /ready 200 and for a query sent after `since` to succeed; both bounded. */
  async function recovered(load: Load, since: number) {
    const ready = await waitFor(
      () => status(`${server.base}/ready`),
      (s) => s === 200,
      30_000,
    );
    const first = await waitFor(
      () => Promise.resolve(load.outcomes.find((o) => o.started >= since && o.outcome === 'ok')),
      (o) => o !== undefined,
      30_000,
    );
    return { readyMs: ready.ms, at: (first.value?.started ?? NaN) + (first.value?.ms ?? NaN) };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ctkg-chaos-neo4j-'));
    neo4jPort = await freePort();
    neo4j = await startLocalNeo4j({ dir, port: neo4jPort });
    server = await startServer({ neo4j }); // empty database: seeds before serving
  });

  afterAll(async () => {
    await server?.kill();
    await stopLocalNeo4j(dir);
    await rm(dir, { recursive: true, force: true });
  });

  it('killed: answers data or SERVICE_UNAVAILABLE within 10 s, keeps /health fast, turns /ready 503, and recovers after a restart of Neo4j alone', async () => {
    const load = startLoad(server.base);
    try {
      await load.warm();
      expect(tally(load.outcomes)).toEqual({ 'ok/200': load.outcomes.length });

      const killedAt = await killNeo4j();
      load.phase('down');
      const down = await waitFor(
        () => status(`${server.base}/ready`),
        (s) => s === 503,
        15_000,
      );
      const to503 = Date.now() - killedAt;
      await sleep(5_000); // the outage under load

      const restartAt = Date.now();
      load.phase('restarting');
      const restart = await restartNeo4j();
      load.phase('after');
      const back = await recovered(load, restart.boltAt);
      await sleep(3_000); // steady again
      await load.stop();

      const figures = {
        sigkillTo503Ms: to503,
        readyProbeMsUntil503: down.ms,
        outageBeforeRestartMs: restartAt - killedAt,
        neo4jRestartToPortOpenMs: restart.restartToPortOpenMs,
        neo4jRestartToBoltMs: restart.restartToBoltMs,
        neo4jLoggedRecovery: restart.recoveryLogged,
        boltToReady200Ms: back.readyMs,
        boltToFirstSuccessMs: back.at - restart.boltAt,
        sigkillToFirstSuccessMs: back.at - killedAt,
        ...summarise(load, ['before', 'down', 'restarting', 'after'], server),
      };
      console.log(`chaos, Neo4j SIGKILL under load:\n${JSON.stringify(figures, null, 2)}`);

      expect(to503).toBeLessThan(10_000);
      expect(load.outcomes.some((o) => o.outcome === 'SERVICE_UNAVAILABLE')).toBe(true);
      // Recovered: every request sent a second after the first success has data.
      const settled = load.outcomes.filter((o) => o.started >= back.at + 1_000);
      expect(settled.length).toBeGreaterThan(0);
      expect(tally(settled)).toEqual({ 'ok/200': settled.length });
      expect(server.running()).toBe(true);
      expectEveryAnswerSafe(load, killedAt);
    } finally {
      await load.stop();
    }
  }, 300_000);

  // What a starting or wedged Neo4j, or a black-holed network, looks like from the server.
  it('silent (the port accepts connections, nothing answers): answers SERVICE_UNAVAILABLE within 10 s, turns /ready 503, and recovers after Neo4j returns', async () => {
    const load = startLoad(server.base);
    let silent: Awaited<ReturnType<typeof silentListener>> | undefined;
    try {
      await load.warm();
      const killedAt = await killNeo4j();
      silent = await silentListener(neo4jPort);
      const silentAt = Date.now();
      load.phase('silent');
      await sleep(SILENT_MS / 2);
      const readyWhileSilent = await status(`${server.base}/ready`, 5_000);
      await sleep(SILENT_MS / 2);
      load.phase('restarting');
      const accepted = await silent.close();
      const silentHeldMs = Date.now() - silentAt;
      silent = undefined;
      const restart = await restartNeo4j();
      load.phase('after');
      const back = await recovered(load, restart.boltAt);
      await load.stop();

      const figures = {
        silentHeldMs,
        silentConnectionsAccepted: accepted,
        readyWhileSilent,
        neo4jRestartToBoltMs: restart.restartToBoltMs,
        boltToReady200Ms: back.readyMs,
        ...summarise(load, ['before', 'silent', 'restarting', 'after'], server),
      };
      console.log(`chaos, silent Neo4j port under load:\n${JSON.stringify(figures, null, 2)}`);

      expect(accepted).toBeGreaterThan(0); // the server did try the silent port
      expect(readyWhileSilent).toBe(503);
      expect(load.outcomes.some((o) => o.phase === 'silent')).toBe(true);
      expect(server.running()).toBe(true);
      expectEveryAnswerSafe(load, killedAt);
    } finally {
      await silent?.close();
      await load.stop();
    }
  }, 300_000);
});
