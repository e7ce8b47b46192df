// The server as users run it: a real `node` process on a free port, talking to a given Neo4j.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './global-setup.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcessOptions {
  /** The database to use; omitted, no NEO4J_* variables are passed (start-up error tests). */
  readonly neo4j?: { readonly uri: string; readonly user: string; readonly password: string };
  /** `LOG_LEVEL`; `warn` unless given. */
  readonly logLevel?: string;
  /**
   * `NODE_ENV` of the server. Vitest sets `test`, and Apollo behaves differently under it (it
   * installs no signal handlers), so by default the variable is removed, as for `npm start`.
   * Pass `production` to run as the Docker image does.
   */
  readonly nodeEnv?: string;
  /**
   * More variables (or overrides: `PORT`, `HOST`, the rate limits …); unknown ones are harmless.
   * The rate limits are lifted unless given here: a test's load is not a client to throttle.
   */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** True until the process exits. */
  running(): boolean;
  /**
   * Sends `signal` and resolves with the exit and the ms from the signal to the exit; sends
   * SIGKILL after `timeoutMs` (the exit then says so, with `signal: 'SIGKILL'`).
   */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit & { readonly ms: number }>;
  /** SIGKILL when still running; for `afterAll`. */
  kill(): Promise<void>;
}

/** Starts `node --import tsx src/server.ts` without waiting for it to serve. */
export async function spawnServer(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = Number(options.env?.['PORT'] ?? (await freePort()));
  const env: Record<string, string | undefined> = { ...process.env };
  delete env['NODE_ENV'];
  for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'])
    delete env[name];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'warn',
    RATE_LIMIT_REQUESTS: '10000000',
    RATE_LIMIT_COST: '10000000000',
    ...(options.nodeEnv === undefined ? {} : { NODE_ENV: options.nodeEnv }),
    ...(options.neo4j === undefined
      ? {}
      : {
          NEO4J_URI: options.neo4j.uri,
          NEO4J_USER: options.neo4j.user,
          NEO4J_PASSWORD: options.neo4j.password,
        }),
    ...options.env,
  });

  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  let alive = true;
  const exited = new Promise<Exit>((done) =>
    child.once('exit', (code, signal) => {
      alive = false;
      done({ code, signal });
    }),
  );

  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000) => {
    const started = Date.now();
    if (!alive) return { ...(await exited), ms: 0 };
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const exit = await exited;
    clearTimeout(timer);
    return { ...exit, ms: Date.now() - started };
  };

  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    output: () => out,
    exited,
    running: () => alive,
    stop,
    kill: async () => {
      if (alive) await stop('SIGKILL');
    },
  };
}

/**
 * Starts the server and resolves once `/health` answers 200. Fails with the process output when
 * it exits first or does not serve within `timeoutMs` (an empty database is seeded first).
 */
export async function startServer(
  options: ServerProcessOptions = {},
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const server = await spawnServer(options);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!server.running()) {
      const { code, signal } = await server.exited;
      throw new Error(
        `the server exited (code ${code}, signal ${signal}) before serving:\n${server.output()}`,
      );
    }
    const status = await fetch(`${server.base}/health`, {
      signal: AbortSignal.timeout(2_000),
    }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return server;
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the server did not serve within ${timeoutMs} ms:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls `probe` every 100 ms until `ok`; the value and the ms it took, or an error after `timeoutMs`. */
export async function waitFor<T>(
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

/** The HTTP status of a GET, or 0 when there is no answer within `timeoutMs`. */
export function status(url: string, timeoutMs = 4_000): Promise<number> {
  return fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status;
    },
    () => 0,
  );
}
