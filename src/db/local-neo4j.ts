import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdir, readFile, writeFile, chmod, stat } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The launcher's sources sit beside this file in src/ (the build does not copy them to dist/).
const LAUNCHER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/db/launcher');
const SOURCE_LAUNCHER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'launcher');
const launcherDir = () =>
  existsSync(join(SOURCE_LAUNCHER_DIR, 'pom.xml')) ? SOURCE_LAUNCHER_DIR : LAUNCHER_DIR;

export interface LocalNeo4jOptions {
  /** Folder holding the database files, logs, pid and password; survives restarts. */
  readonly dir: string;
  readonly host?: string;
  readonly port: number;
  /** Password to set; by default a random one is generated once and kept in `<dir>/password`. */
  readonly password?: string;
  readonly pageCacheMiB?: number;
  readonly heap?: string;
  /** Server-side backstops: transaction timeout (default 60 s) and memory cap (default 512 MiB). */
  readonly txTimeoutSeconds?: number;
  readonly txMemoryMiB?: number;
  /** How long to wait for Bolt, in ms. The first start resolves the Maven artifacts first. */
  readonly timeoutMs?: number;
  readonly log?: (message: string) => void;
}

export interface LocalNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly pid: number;
  /** False when an instance was already running in `dir` and was reused. */
  readonly startedNow: boolean;
}

/** Thrown when Java or Maven is missing, or when Neo4j does not come up; the message says what to do. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

// The resolved classpath and the compiled launcher are shared by every data folder (tests make many).
const CACHE_DIR = join(homedir(), '.cache', 'ctkg-neo4j');

function paths(dir: string) {
  const root = resolve(dir);
  return {
    root,
    home: join(root, 'home'),
    classes: join(CACHE_DIR, 'classes'),
    classpath: join(CACHE_DIR, 'classpath.txt'),
    classpathKey: join(CACHE_DIR, 'classpath.key'),
    pid: join(root, 'neo4j.pid'),
    port: join(root, 'neo4j.port'),
    password: join(root, 'password'),
    log: join(root, 'neo4j.log'),
  };
}

async function checkTools(): Promise<void> {
  const missing: string[] = [];
  for (const [tool, args, hint] of [
    ['java', ['-version'], 'Java 17 or later (Debian: apt-get install openjdk-17-jdk-headless)'],
    ['javac', ['-version'], 'a JDK with javac (Debian: apt-get install openjdk-17-jdk-headless)'],
    ['mvn', ['-v'], 'Apache Maven (Debian: apt-get install maven)'],
  ] as const) {
    try {
      await run(tool, [...args]);
    } catch {
      missing.push(`  ${tool}: not found — install ${hint}`);
    }
  }
  if (missing.length > 0) {
    throw new LocalNeo4jError(
      `Cannot start the local Neo4j; missing:\n${missing.join('\n')}\nOr set NEO4J_URI to use an existing Neo4j.`,
    );
  }
}

async function fileHash(...files: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) hash.update(await readFile(file));
  return hash.digest('hex');
}

/** Resolves the Neo4j jars through Maven once; later starts reuse the list and work offline. */
async function resolveClasspath(
  p: ReturnType<typeof paths>,
  log: (m: string) => void,
): Promise<string> {
  const pom = join(launcherDir(), 'pom.xml');
  const key = await fileHash(pom);
  if (
    existsSync(p.classpath) &&
    existsSync(p.classpathKey) &&
    (await readFile(p.classpathKey, 'utf8')) === key
  ) {
    const cached = (await readFile(p.classpath, 'utf8')).trim();
    if (cached.split(':').every((jar) => existsSync(jar))) return cached;
  }
  log('resolving Neo4j Community artifacts through Maven (first start only)…');
  try {
    await run(
      'mvn',
      ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${p.classpath}`],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (error) {
    const output =
      error instanceof Error && 'stdout' in error
        ? String((error as { stdout: unknown }).stdout)
        : '';
    throw new LocalNeo4jError(
      `Maven could not resolve the Neo4j artifacts:\n${output.slice(-2000)}`,
    );
  }
  await writeFile(p.classpathKey, key);
  return (await readFile(p.classpath, 'utf8')).trim();
}

async function compileLauncher(p: ReturnType<typeof paths>, classpath: string): Promise<void> {
  const source = join(launcherDir(), 'Neo4jLauncher.java');
  const marker = join(p.classes, 'source.sha256');
  const key = await fileHash(source);
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === key) return;
  await mkdir(p.classes, { recursive: true });
  await run('javac', ['-cp', classpath, '-d', p.classes, source]);
  await writeFile(marker, key);
}

/** True while a process with `pid` exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readPid(p: ReturnType<typeof paths>): Promise<number | null> {
  if (!existsSync(p.pid)) return null;
  const pid = Number((await readFile(p.pid, 'utf8')).trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/** A TCP port free on loopback right now (the OS picks it): for throwaway Neo4j and servers. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Resolves when a TCP connection to host:port succeeds, false after `timeoutMs`. */
export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

async function passwordFor(
  p: ReturnType<typeof paths>,
  given: string | undefined,
): Promise<string> {
  if (given !== undefined) {
    await writeFile(p.password, given, { mode: 0o600 });
    return given;
  }
  if (existsSync(p.password)) return (await readFile(p.password, 'utf8')).trim();
  const generated = randomBytes(18).toString('base64url');
  await writeFile(p.password, generated, { mode: 0o600 });
  await chmod(p.password, 0o600);
  return generated;
}

async function tail(file: string, bytes = 3000): Promise<string> {
  if (!existsSync(file)) return '';
  const text = await readFile(file, 'utf8');
  return text.slice(-bytes);
}

/**
 * Starts Neo4j Community from its Maven artifacts in `dir` (or reuses the instance already running
 * there) and resolves once Bolt accepts connections. Safe to call repeatedly.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  const p = paths(options.dir);
  await mkdir(p.root, { recursive: true });
  await mkdir(CACHE_DIR, { recursive: true });
  const password = await passwordFor(p, options.password);
  const uri = `bolt://${host}:${options.port}`;

  const running = await readPid(p);
  if (running !== null) {
    const runningPort = existsSync(p.port) ? Number((await readFile(p.port, 'utf8')).trim()) : NaN;
    if (runningPort !== options.port) {
      throw new LocalNeo4jError(
        `A local Neo4j (pid ${running}) already runs from ${p.root} on port ${runningPort}; stop it first (npm run db:stop)`,
      );
    }
    await waitForBolt(host, options.port, running, p, options.timeoutMs ?? 180_000);
    return { uri, user: 'neo4j', password, pid: running, startedNow: false };
  }
  if (await canConnect(host, options.port)) {
    throw new LocalNeo4jError(
      `Port ${options.port} on ${host} is taken by another process; set NEO4J_LOCAL_PORT, or NEO4J_URI to use that server`,
    );
  }

  await checkTools();
  const classpath = await resolveClasspath(p, log);
  await compileLauncher(p, classpath);
  await mkdir(p.home, { recursive: true });

  const out = openSync(p.log, 'w'); // a fresh log per start: a stale ready marker must never count
  const child = spawn(
    'java',
    [
      `-Xmx${options.heap ?? '1g'}`,
      '-XX:+UseG1GC',
      '-cp',
      `${p.classes}:${classpath}`,
      'Neo4jLauncher',
      p.home,
      host,
      String(options.port),
      p.password,
      String(options.pageCacheMiB ?? 256),
      String(options.txTimeoutSeconds ?? 60),
      String(options.txMemoryMiB ?? 512),
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new LocalNeo4jError('Could not spawn java');
  child.unref();
  await writeFile(p.pid, String(pid));
  await writeFile(p.port, String(options.port));
  log(`starting Neo4j (pid ${pid}) on ${uri}, data in ${p.home}`);
  await waitForBolt(host, options.port, pid, p, options.timeoutMs ?? 180_000);
  return { uri, user: 'neo4j', password, pid, startedNow: true };
}

async function waitForBolt(
  host: string,
  port: number,
  pid: number,
  p: ReturnType<typeof paths>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new LocalNeo4jError(
        `Neo4j exited during start-up. Last log lines (${p.log}):\n${await tail(p.log)}`,
      );
    }
    // The launcher prints its marker after the password is set: only then is Bolt usable.
    if (
      (await tail(p.log, 400)).includes(`CTKG_NEO4J_READY bolt://${host}:${port}`) &&
      (await canConnect(host, port))
    ) {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new LocalNeo4jError(
    `Neo4j did not open Bolt on ${host}:${port} within ${timeoutMs} ms; see ${p.log}`,
  );
}

/** Stops the instance running in `dir` (SIGTERM, then SIGKILL after `graceMs`). Returns false if none ran. */
export async function stopLocalNeo4j(dir: string, graceMs = 60_000): Promise<boolean> {
  const p = paths(dir);
  const pid = await readPid(p);
  if (pid === null) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

/** Reports whether an instance runs in `dir`, its pid, port and whether Bolt answers. */
export async function statusLocalNeo4j(dir: string, host = '127.0.0.1') {
  const p = paths(dir);
  const pid = await readPid(p);
  const port = existsSync(p.port) ? Number((await readFile(p.port, 'utf8')).trim()) : null;
  const bolt = pid !== null && port !== null ? await canConnect(host, port) : false;
  const size = existsSync(p.home) ? (await stat(p.home)).isDirectory() : false;
  return { dir: p.root, running: pid !== null, pid, port, boltAnswers: bolt, hasData: size };
}
