// Confidential recommendations: imported with `npm run confidential`, read only by credentials
// scoped to an entitled Member State, and absent from every public answer, count and message.
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { createApollo, createApp } from '../../src/http/app.js';
import { gapFixture } from '../support/fixtures.js';
import { createExecutor, TEST_LIMITS } from '../support/graphql.js';
import { bearer } from '../support/keys.js';
import { resetGraph, testDb } from '../support/neo4j.js';
import { npmRun } from '../support/npm-run.js';

// A word no public record holds, to look for leaks anywhere in an answer.
const MARK = 'Quokkafjord';

const record = (key: string, state: string, overrides: Record<string, unknown> = {}) => ({
  key,
  sources: [{ document: `CTED assessment of ${state} (confidential)`, paragraph: '12' }],
  title: `${MARK} border checks for ${state}`,
  summary: `Test record: ${state} should check travellers against watch lists at ${MARK} crossings.`,
  issuer: 'CTED',
  audience: 'member-states',
  addressedTo: [{ state, source: { document: 'test', paragraph: '12' } }],
  themes: [
    {
      theme: 'border-management',
      how: 'stated',
      source: { document: 'test', paragraph: '12' },
    },
  ],
  paragraph: '12',
  confidentialTo: [state],
  ...overrides,
});

const PUBLIC_QUERIES = [
  `{ search(text: "${MARK}", includeIllustrative: true) { node { id } } }`,
  `{ recommendationsWithoutProjects(first: 100, includeIllustrative: true, projectAnswerableOnly: false) { totalCount nodes { key title } } }`,
  `{ recommendations(first: 100, includeIllustrative: true) { totalCount nodes { key title } } }`,
  `{ coverage(by: MEMBER_STATE) { key recommendations } }`,
  `{ coverage(by: THEMATIC_AREA) { key recommendations } }`,
  `{ meta { labels { label count } relationshipTypes { type count } } }`,
  `{ neighborhood(id: "MemberState:MLI", includeIllustrative: true) { nodes { id } degrees { total byType { type direction count } } } }`,
  `{ node(id: "MemberState:MLI") { ... on MemberState { recommendations(includeIllustrative: true) { recommendation { key } } } } }`,
];

describe('confidential recommendations', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  let dir = '';
  let mali = '';
  let niger = '';
  let reporter = '';
  let before: string[] = [];

  /** Every public answer, one query at a time (as JSON text, to compare byte for byte). */
  const answers = async (authorization?: string) => {
    const out: string[] = [];
    for (const q of PUBLIC_QUERIES) out.push(JSON.stringify(await execute(q, {}, authorization)));
    return out;
  };

  beforeAll(async () => {
    await resetGraph(db, gapFixture());
    execute = await createExecutor(db);
    mali = await bearer(db, 'reader-mli', 'reader', { memberStates: ['MLI'] });
    niger = await bearer(db, 'reader-ner', 'reader', { memberStates: ['NER'] });
    reporter = await bearer(db, 'reporter-unodc', 'reporter', { entities: ['UNODC'] });
    before = await answers();
    dir = await mkdtemp(join(tmpdir(), 'ctkg-confidential-'));
  });

  it('npm run confidential -- import refuses a file with any bad record and writes nothing (exit 1)', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify([record('C-MLI-1', 'MLI'), record('C-ZZZ-1', 'ZZZ'), record('R-1', 'NER')]),
    );
    const run = await npmRun('confidential', ['import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown Member State "ZZZ"');
    expect(run.stderr).toContain('a public recommendation has this key');
    const list = await npmRun('confidential', ['list']);
    expect(list.stdout).toContain('0 confidential record(s).');
  });

  it('npm run confidential -- import writes a good file (exit 0); list shows keys and States only', async () => {
    const file = join(dir, 'good.json');
    await writeFile(file, JSON.stringify([record('C-MLI-1', 'MLI'), record('C-NER-1', 'NER')]));
    const run = await npmRun('confidential', ['import', file]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported 2 confidential recommendation(s)');
    const list = await npmRun('confidential', ['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/C-MLI-1\tentitled MLI/);
    expect(list.stdout).not.toContain(MARK);
  });

  it('a State-scoped reader sees its own State’s records and no other', async () => {
    const QUERY = `{ confidentialRecommendations { totalCount nodes { key title entitledStates
      issuer { key } addressedStates { key } themes { key } sources { document paragraph } } } }`;
    const mine = await execute(QUERY, {}, mali);
    expect(mine.data!.confidentialRecommendations).toEqual({
      totalCount: 1,
      nodes: [
        {
          key: 'C-MLI-1',
          title: `${MARK} border checks for MLI`,
          entitledStates: ['MLI'],
          issuer: { key: 'CTED' },
          addressedStates: [{ key: 'MLI' }],
          themes: [{ key: 'border-management' }],
          sources: [{ document: 'CTED assessment of MLI (confidential)', paragraph: '12' }],
        },
      ],
    });
    const theirs = await execute(QUERY, {}, niger);
    expect(theirs.data!.confidentialRecommendations.nodes.map((n: any) => n.key)).toEqual([
      'C-NER-1',
    ]);
    const unscoped = await execute(QUERY, {}, reporter);
    expect(unscoped.data!.confidentialRecommendations.totalCount).toBe(0);
    const anonymous = await execute(QUERY);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('public answers are byte-identical after the import, for anonymous and entitled callers alike', async () => {
    const anonymous = await answers();
    expect(anonymous).toEqual(before);
    const entitled = await answers(mali);
    expect(entitled).toEqual(before);
    for (const answer of [...anonymous, ...entitled]) expect(answer).not.toContain(MARK);
  });

  it('an id naming a confidential record gets the same error as one naming nothing', async () => {
    const q = (id: string) => execute(`query($id: ID!) { node(id: $id) { id } }`, { id }, mali);
    const [hidden, none, asRec] = await Promise.all([
      q('ConfidentialRecord:C-MLI-1'),
      q('ConfidentialRecord:NOPE'),
      q('Recommendation:C-MLI-1'),
    ]);
    expect(hidden.errors?.[0]?.message).toBe(none.errors?.[0]?.message?.replace('NOPE', 'C-MLI-1'));
    expect(asRec.data!.node).toBeNull();
  });

  it('the exports leave them out; under CONFIDENTIAL_AGGREGATES=count only their total is published', async () => {
    const log = createLogger('silent');
    const deps = { db, log, limits: TEST_LIMITS, confidentialAggregates: 'count' as const };
    const apollo = createApollo(deps);
    await apollo.start();
    const server: Server = createApp(deps, apollo).listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const path of [
        '/export/recommendations-without-projects.csv?projectAnswerableOnly=false&includeIllustrative=true',
        '/export/coverage.json?by=MEMBER_STATE',
      ]) {
        const res = await fetch(`${base}${path}`, { headers: { authorization: mali } });
        expect(res.status).toBe(200);
        const body = await res.text();
        expect(body).not.toContain(MARK);
        expect(body).not.toContain('C-MLI-1');
      }
      const policy = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ confidentialPolicy { aggregates total } }' }),
      });
      expect(((await policy.json()) as { data: unknown }).data).toEqual({
        confidentialPolicy: { aggregates: 'COUNTED', total: 2 },
      });
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('confidentialPolicy says how aggregates treat them; npm run confidential -- remove deletes one (exit 0)', async () => {
    const policy = await execute(`{ confidentialPolicy { aggregates total description } }`);
    expect(policy.data!.confidentialPolicy).toMatchObject({ aggregates: 'EXCLUDED', total: null });
    const run = await npmRun('confidential', ['remove', 'C-NER-1']);
    expect(run.code).toBe(0);
    const theirs = await execute(`{ confidentialRecommendations { totalCount } }`, {}, niger);
    expect(theirs.data!.confidentialRecommendations.totalCount).toBe(0);
    const again = await npmRun('confidential', ['remove', 'C-NER-1']);
    expect(again.code).toBe(1);
  });
});
