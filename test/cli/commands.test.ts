// The README's two first commands as a newcomer runs them: the local Neo4j's db:* scripts, and
// `npm start` (build, start Neo4j from its Maven artifacts, load the data, serve), each checked
// for its exit code and its effect.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { freePort } from '../support/global-setup.js';
import { status, waitFor } from '../support/server-process.js';

const exec = promisify(execFile);

/** The environment of a newcomer's shell: no NEO4J_URI, the local Neo4j in `dir` on `port`. */
function localEnv(dir: string, port: number, extra: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NODE_ENV']) delete env[name];
  return { ...env, NEO4J_LOCAL_DIR: dir, NEO4J_LOCAL_PORT: String(port), LOG_LEVEL: 'warn' };
}

async function npmRun(script: string, env: NodeJS.ProcessEnv) {
  try {
    const { stdout } = await exec('npm', ['run', '--silent', script], { env });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** The pids below `pid`, depth first. */
async function descendants(pid: number): Promise<{ pid: number; command: string }[]> {
  const { stdout } = await exec('ps', ['-o', 'pid=,args=', '--ppid', String(pid)]).catch(() => ({
    stdout: '',
  }));
  const children = stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), command: m[2]! }));
  const below = await Promise.all(children.map((c) => descendants(c.pid)));
  return [...children, ...below.flat()];
}

describe('npm run db:start | db:status | db:stop', () => {
  let dir: string;
  let port: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ctkg-db-cli-'));
    port = await freePort();
  });
  afterAll(async () => {
    await stopLocalNeo4j(dir);
    await rm(dir, { recursive: true, force: true });
  });

  it('starts the local Neo4j, reports it, stops it, each exiting 0', async () => {
    const env = localEnv(dir, port);
    const started = await npmRun('db:start', env);
    expect(started.code, started.stdout).toBe(0);
    expect(started.stdout).toContain(`started: bolt://127.0.0.1:${port}`);

    const again = await npmRun('db:start', env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already running');

    const up = await npmRun('db:status', env);
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({ running: true, port, boltAnswers: true });

    const stopped = await npmRun('db:stop', env);
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('stopped');

    const down = await npmRun('db:status', env);
    expect(down.code).toBe(0);
    expect(JSON.parse(down.stdout)).toMatchObject({ running: false, boltAnswers: false });
  });
});

describe('npm start', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ctkg-npm-start-'));
  });
  afterAll(async () => {
    await stopLocalNeo4j(dir);
    await rm(dir, { recursive: true, force: true });
  });

  it('builds, starts Neo4j, loads the data, serves the API, and stops with it on SIGTERM, exit 0', async () => {
    const [neo4jPort, httpPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${httpPort}`;
    let output = '';
    const npm = spawn('npm', ['start'], {
      env: localEnv(dir, neo4jPort, { PORT: String(httpPort), HOST: '127.0.0.1' }),
    });
    npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((done) => npm.once('exit', done));
    try {
      await waitFor(
        () => status(`${base}/health`),
        (s) => s === 200,
        240_000,
      );
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ meta { labels { label count } } }' }),
      });
      const body = (await response.json()) as {
        data: { meta: { labels: { label: string; count: number }[] } };
      };
      const projects = body.data.meta.labels.find((l) => l.label === 'Project');
      expect(projects?.count, 'the curated data is loaded').toBeGreaterThan(300);
      expect(await status(`${base}/ready`)).toBe(200);

      // Stopping npm stops the server: the script execs node, so the SIGTERM npm passes on reaches
      // the server, not a shell that would die and leave it serving. npm then ends with the
      // server's exit code. (The server signalled directly: test/http/server.test.ts.)
      const server = (await descendants(npm.pid!)).find((p) =>
        p.command.startsWith('node dist/src/server.js'),
      );
      expect(server, output).toBeDefined();
      npm.kill('SIGTERM');
      expect(await exited, output.slice(-2000)).toBe(0);
      expect(isAlive(server!.pid), 'the server is left running').toBe(false);
    } finally {
      npm.kill('SIGKILL');
    }
  }, 400_000);
});
