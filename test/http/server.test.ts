// The server as a newcomer runs it: a real process, its own Neo4j that we stop and start under it.
import { Agent, get } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { freePort } from '../support/global-setup.js';
import {
  spawnServer,
  startServer,
  status,
  waitFor,
  type Exit,
  type ServerProcess,
} from '../support/server-process.js';

const GAP = JSON.stringify({
  query:
    '{ recommendationsWithoutProjects(first: 5, projectAnswerableOnly: false) { totalCount nodes { id } } }',
});

/** One GET through `agent`, body read to the end, so its socket goes back to the pool idle. */
function getWith(agent: Agent, url: string): Promise<number> {
  return new Promise((done, fail) => {
    get(url, { agent }, (res) => {
      res.resume();
      res.once('end', () => done(res.statusCode ?? 0));
    }).once('error', fail);
  });
}

/** Exit code 0, by itself, within 10 s of SIGTERM, without the shutdown deadline firing. */
function expectCleanExit(exit: Exit & { ms: number }, output: string): void {
  expect(
    {
      code: exit.code,
      signal: exit.signal,
      within10s: exit.ms < 10_000,
      deadlinePassed: output.includes('shutdown deadline passed'),
    },
    `exited after ${exit.ms} ms; output:\n${output.slice(-3_000)}`,
  ).toEqual({ code: 0, signal: null, within10s: true, deadlinePassed: false });
}

describe('server process', () => {
  let dir: string;
  let neo4j: LocalNeo4j;
  let neo4jPort: number;
  let server: ServerProcess;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ctkg-server-neo4j-'));
    neo4jPort = await freePort();
    neo4j = await startLocalNeo4j({ dir, port: neo4jPort });
    // The database is empty: start-up loads the seed data before serving.
    server = await startServer({ neo4j });
    base = server.base;
  });

  afterAll(async () => {
    await server?.kill();
    await stopLocalNeo4j(dir);
    await rm(dir, { recursive: true, force: true });
  });

  it('answers /health and /ready, and serves the gap query over the seeded real data', async () => {
    expect(await status(`${base}/health`)).toBe(200);
    expect(await status(`${base}/ready`)).toBe(200);
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: GAP,
    });
    const body = (await response.json()) as {
      data: { recommendationsWithoutProjects: { totalCount: number } };
    };
    expect(response.status).toBe(200);
    expect(body.data.recommendationsWithoutProjects.totalCount).toBeGreaterThan(50);
  });

  it('turns /ready to 503 when Neo4j stops, answers queries with SERVICE_UNAVAILABLE, and recovers without a restart', async () => {
    await stopLocalNeo4j(dir);
    const down = await waitFor(
      () => status(`${base}/ready`),
      (s) => s === 503,
      5_000,
    );
    expect(down.ms).toBeLessThan(5_000);
    expect(await status(`${base}/health`)).toBe(200);

    const started = Date.now();
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: GAP,
    });
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(body.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js:\d+/);

    neo4j = await startLocalNeo4j({ dir, port: neo4jPort, password: neo4j.password });
    const up = await waitFor(
      () => status(`${base}/ready`),
      (s) => s === 200,
      5_000,
    );
    expect(up.ms).toBeLessThan(5_000);
    const again = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: GAP,
    });
    expect(((await again.json()) as { errors?: unknown }).errors).toBeUndefined();
  });

  // What users run: `npm start` (no NODE_ENV) and the Docker image (NODE_ENV=production). Under
  // Vitest's NODE_ENV=test Apollo installs no signal handlers, which would hide a double handler.
  describe.each([
    { how: 'as npm start runs it', nodeEnv: undefined },
    { how: 'as the Docker image runs it', nodeEnv: 'production' },
  ])('on SIGTERM, $how', ({ nodeEnv }) => {
    it('exits 0 within 10 s when idle, without reaching the shutdown deadline', async () => {
      const idle = await startServer({ neo4j, nodeEnv, logLevel: 'info' });
      try {
        expect(await status(`${idle.base}/ready`)).toBe(200);
        expectCleanExit(await idle.stop('SIGTERM', 15_000), idle.output());
      } finally {
        await idle.kill();
      }
    });

    it('exits 0 within 10 s with an idle keep-alive connection open', async () => {
      const idle = await startServer({ neo4j, nodeEnv, logLevel: 'info' });
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        expect(await getWith(agent, `${idle.base}/health`)).toBe(200);
        expect(Object.values(agent.freeSockets).flat()).toHaveLength(1); // open and idle
        expectCleanExit(await idle.stop('SIGTERM', 15_000), idle.output());
      } finally {
        agent.destroy();
        await idle.kill();
      }
    });
  });

  it('drains in-flight requests on SIGTERM and exits 0 within 10 s', async () => {
    const results: (number | 'refused')[] = [];
    let sending = true;
    const worker = async () => {
      while (sending) {
        try {
          const r = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: GAP,
          });
          const body = (await r.json()) as { errors?: unknown };
          results.push(body.errors ? -r.status : r.status);
        } catch {
          results.push('refused'); // not accepted: the server had stopped listening
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((r) => setTimeout(r, 500));
    const exit = await server.stop('SIGTERM', 15_000);
    sending = false;
    await Promise.all(workers);
    expectCleanExit(exit, server.output());
    const accepted = results.filter((r) => r !== 'refused');
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((r) => r === 200)).toBe(true);
  });
});

describe('server start-up', () => {
  it('stops with one message naming every bad variable', async () => {
    const server = await spawnServer({
      logLevel: 'loud',
      env: { PORT: 'eighty', NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'x' },
    });
    const { code } = await server.exited;
    expect(code).toBe(1);
    expect(server.output()).toContain('Invalid environment');
    for (const name of ['PORT', 'NEO4J_URI', 'LOG_LEVEL']) expect(server.output()).toContain(name);
  });

  it('stops with one message naming the port when it is taken', async () => {
    const holder = createServer();
    await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
    const address = holder.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const server = await spawnServer({
        neo4j: inject('neo4j'),
        env: { PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'false' },
      });
      const { code } = await server.exited;
      expect(code).toBe(1);
      expect(server.output()).toContain(`Cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
      expect(server.output()).not.toMatch(/Unhandled 'error' event|\n\s+at /);
    } finally {
      await new Promise((done) => holder.close(done));
    }
  });
});
