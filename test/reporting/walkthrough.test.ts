// The README's reporting walkthrough, run as written: its shell block, against the real server
// process over the real curated graph. A reporter key for UNODC submits a project answering
// A72840-77, the public does not see it, a reviewer key accepts it, and A72840-77 leaves the gaps.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer } from '../support/keys.js';
import { resetGraph, testDb } from '../support/neo4j.js';
import { runCommand } from '../support/npm-run.js';
import { startServer, waitFor, type ServerProcess } from '../support/server-process.js';

/** The first `sh` block after the README heading `heading`. */
function readmeBlock(heading: string): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`README has no heading "${heading}"`);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block?.[1]) throw new Error(`no sh block after "${heading}"`);
  return block[1];
}

const gapKeys = (line: string): string[] =>
  (
    JSON.parse(line) as {
      data: { recommendationsWithoutProjects: { nodes: { key: string }[] } };
    }
  ).data.recommendationsWithoutProjects.nodes.map((n) => n.key);

describe('README: reporting walkthrough', () => {
  const db = testDb();
  let server: ServerProcess;

  beforeAll(async () => {
    await resetGraph(db); // empty: the server seeds the real graph at start, as for a newcomer
    // A key made before the first start is not a graph: the server still seeds.
    await bearer(db, 'made before the first start', 'admin');
    const { uri, user, password } = inject('neo4j');
    server = await startServer({ neo4j: { uri, user, password } });
    await waitFor(
      () =>
        fetch(`${server.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ recommendations(first: 0) { totalCount } }' }),
        })
          .then((r) => r.json() as Promise<{ data?: { recommendations: { totalCount: number } } }>)
          .catch(() => null),
      (body) => (body?.data?.recommendations.totalCount ?? 0) > 100,
      120_000,
    );
  });
  afterAll(() => server?.kill());

  it('runs as written: exit 0, A72840-77 a gap until the reviewer accepts the report', async () => {
    const script = readmeBlock('## Reporting projects').replaceAll(
      'http://localhost:4000',
      server.base,
    );
    const run = await runCommand('bash', ['-euo', 'pipefail', '-c', script]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    const [before, pending, accepted, after] = lines as [string, string, string, string];
    expect(gapKeys(before)).toContain('A72840-77');
    expect(gapKeys(pending)).toContain('A72840-77');
    expect(JSON.parse(accepted)).toMatchObject({
      data: {
        acceptSubmission: {
          status: 'ACCEPTED',
          project: { report: { reportedByKey: 'UNODC', acceptedBy: 'Reviewer' } },
        },
      },
    });
    expect(gapKeys(after)).not.toContain('A72840-77');
    expect(gapKeys(before).filter((k) => k !== 'A72840-77')).toEqual(gapKeys(after));
  });
});
