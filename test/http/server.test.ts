// The server as a newcomer runs it: a real process, its own Neo4j that we stop and start under it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { freePort } from '../support/global-setup.js';

const GAP = JSON.stringify({
  query: '{ recommendationsWithoutProjects(first: 5) { totalCount nodes { id } } }',
});

async function waitFor<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs: number,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  let value = await probe();
  while (!ok(value)) {
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return { value, ms: Date.now() - started };
}

const status = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(4_000) }).then(
    (r) => r.status,
    () => 0,
  );

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

describe('server process', () => {
  let dir: string;
  let neo4j: LocalNeo4j;
  let neo4jPort: number;
  let port: number;
  let server: ReturnType<typeof startServer>;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ctkg-server-neo4j-'));
    neo4jPort = await freePort();
    neo4j = await startLocalNeo4j({ dir, port: neo4jPort });
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = startServer({
      PORT: String(port),
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
    });
    // The database is empty: start-up loads the seed data before serving.
    await waitFor(
      () => status(`${base}/health`),
      (s) => s === 200,
      120_000,
    );
  });

  afterAll(async () => {
    server.child.kill('SIGKILL');
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
    const exited = new Promise<{ code: number | null; ms: number }>((done) => {
      const t = Date.now();
      server.child.once('exit', (code) => done({ code, ms: Date.now() - t }));
    });
    server.child.kill('SIGTERM');
    const { code, ms } = await exited;
    sending = false;
    await Promise.all(workers);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    const accepted = results.filter((r) => r !== 'refused');
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((r) => r === 200)).toBe(true);
  });
});

describe('server start-up', () => {
  it('stops with one message naming every bad variable', async () => {
    const { child, output } = startServer({
      PORT: 'eighty',
      NEO4J_URI: 'http://x',
      LOG_LEVEL: 'loud',
      NEO4J_PASSWORD: 'x',
    });
    const code = await new Promise((done) => child.once('exit', done));
    expect(code).toBe(1);
    expect(output()).toContain('Invalid environment');
    for (const name of ['PORT', 'NEO4J_URI', 'LOG_LEVEL']) expect(output()).toContain(name);
  });
});
