// The benchmark commands the README gives, run as a user runs them (small, so the suite stays
// quick): they exit 0 and produce what they promise.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    let output = '';
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => done({ code, output }));
  });
}

describe('npm run bench', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ctkg-bench-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('races the contestants (and the floors: raw over HTTP and over Apollo) on every question and writes its report, exit 0', async () => {
    const out = join(dir, 'RESULTS.md');
    const { code, output } = await run('npm', ['run', 'bench', '--', '--scales', '0.2'], {
      BENCH_OUT: out,
      BENCH_REQUESTS: '16',
      BENCH_ROUNDS: '1',
      BENCH_WARMUP: '2',
      BENCH_SEQUENTIAL: '4',
    });
    expect(code, output.slice(-2000)).toBe(0);
    const report = await readFile(out, 'utf8');
    const row = (question: string, contestant: string) =>
      new RegExp(`\\| \\(${question}\\)\\s*\\| ${contestant}\\s*\\|`);
    for (const question of ['a', 'b', 'c', 'd', 'f'])
      for (const contestant of ['ctkg', 'library', 'raw', 'raw-http', 'raw-apollo'])
        expect(report).toMatch(row(question, contestant));
    expect(report).toMatch(row('e', 'ctkg')); // a group-by: the library cannot race it
    expect(report).toContain('What the library could not express');
    expect(report).toMatch(/\| \(e\)\s*\| [\d.]+\s*\| [\d.]+\s*\| [\d.]+\s*\| [\d.]+\s*\|/); // the floors
  }, 600_000);

  it('stops with a usage message on a bad option', async () => {
    const { code, output } = await run('npm', ['run', 'bench', '--', '--scales', 'many']);
    expect(code).not.toBe(0);
    expect(output).toMatch(/--scales must be a comma-separated list of positive numbers/);
  });
});

describe('npx tsx bench/hostile.ts', () => {
  it('refuses every hostile document with a code, touching no database, exit 0', async () => {
    const { code, output } = await run('npx', ['tsx', 'bench/hostile.ts']);
    expect(code, output.slice(-2000)).toBe(0);
    const rows = output
      .split('\n')
      .filter(
        (line) =>
          line.startsWith('| ') && !line.startsWith('| document') && !line.startsWith('| ---'),
      );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows)
      expect(row).toMatch(
        /\| (QUERY_TOO_COMPLEX|GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT|OPERATION_NOT_SUPPORTED) \|/,
      );
  }, 120_000);
});
