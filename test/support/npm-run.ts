// Runs the repository's npm scripts as a user does, pointed at the test database.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment that points a command at the test database. */
export function testDatabaseEnv(): NodeJS.ProcessEnv {
  const target = inject('neo4j');
  return {
    ...process.env,
    NEO4J_URI: target.uri,
    NEO4J_USER: target.user,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
  };
}

/** Runs `command` from the repository root against the test database; resolves when it exits. */
export function runCommand(command: string, args: readonly string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: REPO,
      env: testDatabaseEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/** `npm run <script> [-- args…]` from the repository root, against the test database. */
export function npmRun(script: string, args: readonly string[] = []): Promise<Run> {
  return runCommand('npm', ['run', script, ...(args.length > 0 ? ['--', ...args] : [])]);
}
