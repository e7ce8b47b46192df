// Hostile requests, sent over HTTP to the app as server.ts builds it, on the real seed data.
// Each must end in a coded 4xx, fast, without running Cypher, and leave the server healthy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/core/logger.js';
import { encodeCursor } from '../../src/core/paging.js';
import { createApollo, createApp, type AppDeps } from '../../src/http/app.js';
import { readListCaps } from '../../src/nodes/list-caps.js';
import { loadSeed } from '../../seed/load.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const db = testDb();
const logged: string[] = [];
// Error-level log lines are what an attacker would flood: collect them to assert there are none.
const log = createLogger('warn');
log.error = (...args: unknown[]) => {
  logged.push(JSON.stringify(args).slice(0, 300));
};

interface Served {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

async function serve(overrides: Partial<AppDeps> = {}): Promise<Served> {
  const httpServer: Server = createServer();
  const caps = await readListCaps(db);
  const deps: AppDeps = {
    db,
    log,
    limits: DEFAULT_LIMITS,
    rateLimit: { windowMs: 60_000, requests: 100_000, cost: 100_000_000 },
    listCaps: () => caps,
    httpServer,
    ...overrides,
  };
  const apollo = createApollo(deps);
  await apollo.start();
  httpServer.on('request', createApp(deps, apollo));
  await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    stop: () => apollo.stop(),
  };
}

interface Answer {
  status: number;
  ms: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  bytes: number;
}

async function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    ms: performance.now() - started,
    headers: response.headers,
    body: JSON.parse(text) as Answer['body'],
    bytes: text.length,
  };
}

const gql = (query: string, variables?: Record<string, unknown>) =>
  JSON.stringify({ query, variables });

// projects → implementers → entity → projects → … → themes: each hop multiplies by a real degree.
function chain(hops: number): string {
  let inner = 'themes { thematicArea { key } }';
  for (let i = 0; i < hops; i++)
    inner = `implementers { entity { projects { project { id ${inner} } } } }`;
  return inner;
}

const fragmentFanOut = (levels: number) =>
  Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Entity { ${i === 0 ? 'key' : `...F${i - 1} ...F${i - 1}`} }`,
  ).join('\n');

let server: Served;

beforeAll(async () => {
  await resetGraph(db);
  await loadSeed(db);
  server = await serve();
});
afterAll(() => server.stop());

/** Sends a hostile body and checks the common promises: coded 4xx, fast, no Cypher, still healthy. */
async function expectRejected(
  body: string | Buffer,
  status: number,
  code: string,
  headers?: Record<string, string>,
) {
  db.calls.length = 0;
  const answer = await post(server.url, body, headers);
  expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(status);
  expect(answer.body.errors?.[0]?.extensions?.['code']).toBe(code);
  expect(answer.ms).toBeLessThan(500);
  expect(db.calls, 'no statement may run for a rejected request').toEqual([]);
  expect(JSON.stringify(answer.body)).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack traces
  const health = await fetch(`${server.url}/health`);
  expect(health.status).toBe(200);
  return answer;
}

describe('hostile documents', () => {
  it('rejects 15 aliases of a 12-hop implementers/projects chain as too deep', async () => {
    const query = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: projects(first: 100) { nodes { ${chain(3)} } }`).join(' ')} }`;
    const answer = await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limitName: 'maxDepth', limit: 10 });
  });

  it('rejects a chain within the depth limit by its worst-case cost, naming limit and cost', async () => {
    const query = `{ projects(first: 100) { nodes { ${chain(1)} } } }`;
    const answer = await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
    const extensions = answer.body.errors?.[0]?.extensions;
    expect(extensions).toMatchObject({ limitName: 'maxCost', limit: DEFAULT_LIMITS.maxCost });
    expect(extensions?.['measured']).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(answer.body.errors?.[0]?.message).toMatch(/cost \d+ exceeds the limit of 50000/);
  });

  it('weighs first given as a variable like a literal', async () => {
    const query = `query($n: Int) { projects(first: $n) { nodes { ${chain(1)} } } }`;
    await expectRejected(gql(query, { n: 100 }), 400, 'QUERY_TOO_COMPLEX');
  });

  it('weighs unpaged relationship lists (Entity.projects) by their real size', async () => {
    const query = `{ entities(first: 100) { nodes { projects { project { implementers { entity { projects { project { id } } } } } } } } }`;
    await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
  });

  it('measures a fragment fan-out (24 levels, each spreading the next twice) once per fragment', async () => {
    const query = `{ node(id: "Entity:CTED") { ...F23 } }\n${fragmentFanOut(24)}`;
    // Expanded, this document is 2^23 spreads: measured per spread it would take minutes.
    await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
  });

  it('rejects circular fragments', async () => {
    const query = `{ node(id: "Entity:CTED") { ...A } } fragment A on Entity { key ...B } fragment B on Entity { key ...A }`;
    await expectRejected(gql(query), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects 1,000 aliases of coverage(by: REGION) before any statement (tokens)', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `c${i}: coverage(by: REGION) { key }`).join(' ')} }`;
    const answer = await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limitName: 'maxTokens' });
  });

  it('rejects 31 aliases of coverage by the alias limit', async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `c${i}: coverage(by: REGION) { key }`).join(' ')} }`;
    const answer = await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      limitName: 'maxAliases',
      limit: 30,
      measured: 31,
    });
  });

  it('keeps the answer to the most __schema aliases allowed small', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`;
    await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
    const allowed = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`;
    const answer = await post(server.url, gql(allowed));
    expect(answer.status).toBe(200);
    expect(answer.bytes).toBeLessThan(200_000);
  });

  it('rejects a directive flood', async () => {
    const query = `{ meta { ${Array.from({ length: 21 }, (_, i) => `l${i % 20}: labels @include(if: true) { label }`).join(' ')} } }`;
    await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
  });

  it('rejects deep nesting', async () => {
    const query = `{ node(id: "Project:X") { ... on Project { ${chain(4)} } } }`;
    await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
  });

  it('rejects a field flood by the token limit', async () => {
    const query = `{ meta { ${'labels { label } '.repeat(5000)} } }`;
    const answer = await expectRejected(gql(query), 400, 'QUERY_TOO_COMPLEX');
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      limitName: 'maxTokens',
      limit: 1000,
    });
  });

  it('answers a huge page request with BAD_USER_INPUT naming the limit', async () => {
    db.calls.length = 0;
    const answer = await post(server.url, gql('{ projects(first: 100000) { nodes { id } } }'));
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
      limit: 100,
    });
  });

  it('answers a forged cursor (offset 2^31 − 1) with BAD_USER_INPUT, logging nothing at error level', async () => {
    logged.length = 0;
    const after = encodeCursor(2 ** 31 - 1);
    const answer = await post(
      server.url,
      gql(`{ projects(first: 5, after: "${after}") { nodes { id } } }`),
    );
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(logged).toEqual([]);
  });

  it('rejects subscriptions with 400 and a code, and mutations without a credential or over GET, logging nothing at error level', async () => {
    logged.length = 0;
    await expectRejected(
      gql('subscription { meta { labels { label } } }'),
      400,
      'OPERATION_NOT_SUPPORTED',
    );
    await expectRejected(
      gql('mutation { meta { labels { label } } }'),
      400,
      'GRAPHQL_VALIDATION_FAILED',
    );
    await expectRejected(
      gql('mutation { acceptSubmission(id: "x") { id } }'),
      401,
      'UNAUTHENTICATED',
    );
    // A mutation never runs from a GET: a bare one (a link, an image tag) is refused as CSRF, and
    // one a script could send gets 405 (GraphQL over HTTP).
    const query = encodeURIComponent('mutation { acceptSubmission(id: "x") { id } }');
    const bare = await fetch(`${server.url}/graphql?query=${query}`);
    expect(bare.status).toBe(400);
    const scripted = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(scripted.status).toBe(405);
    expect(logged).toEqual([]);
  });

  it('hides field suggestions', async () => {
    const answer = await expectRejected(
      gql('{ projectz { id } }'),
      400,
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(answer.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('hostile bodies', () => {
  it('answers a body over the limit with 413 naming the limit', async () => {
    const body = gql('{ meta { labels { label } } }').replace(
      '}"',
      `}", "pad": "${'x'.repeat(300_000)}"`,
    );
    const answer = await expectRejected(body, 413, 'PAYLOAD_TOO_LARGE');
    expect(answer.body.errors?.[0]?.message).toContain('262144 bytes');
  });

  it('answers an unsupported charset with 415 naming it', async () => {
    const answer = await expectRejected(
      gql('{ meta { labels { label } } }'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      {
        'content-type': 'application/json; charset=latin-7',
      },
    );
    expect(answer.body.errors?.[0]?.message).toContain('latin-7');
  });

  it('answers malformed JSON with 400 saying so', async () => {
    const answer = await expectRejected('{"query": ', 400, 'BAD_REQUEST');
    expect(answer.body.errors?.[0]?.message).toBe('The request body is not valid JSON');
  });

  it('refuses batched bodies', async () => {
    const one = { query: '{ meta { labels { label } } }' };
    await expectRejected(JSON.stringify([one, one]), 400, 'BAD_REQUEST');
  });

  it('answers invalid UTF-8 with a parse error', async () => {
    const body = Buffer.concat([
      Buffer.from('{"query":"{ meta { labels { label'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' } } }"}'),
    ]);
    await expectRejected(body, 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown path with a coded 404', async () => {
    const response = await fetch(`${server.url}/graphql/../admin`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as Answer['body'];
    expect(body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('a legitimate request', () => {
  it('runs, and reports its cost and the budget left in extensions', async () => {
    const answer = await post(
      server.url,
      gql('{ projects(first: 20) { totalCount nodes { id implementers { entity { key } } } } }'),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const cost = (answer.body as { extensions?: { cost?: Record<string, unknown> } }).extensions
      ?.cost;
    expect(cost?.['cost']).toBeGreaterThan(20);
    expect(cost?.['remaining']).toBeLessThan(100_000_000);
  });

  it('carries security headers and CORS headers', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://explorer.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const answer = await post(server.url, gql('{ meta { labels { label } } }'));
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('stays within every static limit for the README and playground examples', async () => {
    const readme = `{ projects(first: 20, where: { regions: ["sahel"], thematicAreas: ["border-management"] }) {
      totalCount nodes { id title status period { start end }
        implementers { role entity { key name } } beneficiaries { memberState { key name } }
        resolutions { resolution { key topic } } sources { document { id } paragraph } } } }`;
    const answer = await post(server.url, gql(readme));
    expect(answer.body.errors).toBeUndefined();
  });
});

describe('runtime budgets', () => {
  it('answers past the statement budget with QUERY_TOO_COMPLEX, not a crash', async () => {
    const tight = await serve({ limits: { ...DEFAULT_LIMITS, maxStatements: 2 } });
    try {
      const answer = await post(
        tight.url,
        gql(
          '{ a: meta { labels { label } } b: meta { labels { label } } c: meta { labels { label } } }',
        ),
      );
      const codes = answer.body.errors?.map((e) => e.extensions?.['code']);
      expect(codes).toContain('QUERY_TOO_COMPLEX');
      expect(
        answer.body.errors?.find((e) => e.extensions?.['limitName'] === 'maxStatements'),
      ).toBeDefined();
    } finally {
      await tight.stop();
    }
  });

  it('replaces an answer larger than the response cap by a coded error', async () => {
    const tight = await serve({ limits: { ...DEFAULT_LIMITS, maxResponseBytes: 2_000 } });
    try {
      const answer = await post(tight.url, gql('{ projects(first: 100) { nodes { id title } } }'));
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        limitName: 'maxResponseBytes',
        limit: 2_000,
      });
      expect(answer.bytes).toBeLessThan(2_000);
    } finally {
      await tight.stop();
    }
  });
});

describe('fair use', () => {
  it('answers 429 with Retry-After past the request limit, per client', async () => {
    const limited = await serve({ rateLimit: { windowMs: 60_000, requests: 5, cost: 1_000_000 } });
    try {
      const statuses: number[] = [];
      let last: Answer | undefined;
      for (let i = 0; i < 8; i++) {
        last = await post(limited.url, gql('{ meta { labels { label } } }'));
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last?.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });

  it('serves an analyst but not a burst of 300 requests with the default limits', async () => {
    const defaults = await serve({ rateLimit: loadConfig({}).rateLimit });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++)
        statuses.push((await post(defaults.url, gql('{ __typename }'))).status);
      expect(statuses.slice(0, 240).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(240).every((s) => s === 429)).toBe(true);
    } finally {
      await defaults.stop();
    }
  });

  it('answers 429 with Retry-After once the cost budget is spent, charging nothing for the refusal', async () => {
    const limited = await serve({ rateLimit: { windowMs: 60_000, requests: 1000, cost: 500 } });
    try {
      const query = gql('{ projects(first: 100) { nodes { id } } }'); // ≈ 150 points
      const answers: Answer[] = [];
      for (let i = 0; i < 5; i++) answers.push(await post(limited.url, query));
      const statuses = answers.map((a) => a.status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      const refused = answers[3]!;
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // The refusals took nothing: what was left after the third answer is still left.
      const left = (a: Answer) =>
        (a.body as { extensions?: { cost?: { remaining?: number } } }).extensions?.cost?.remaining;
      const free = await post(limited.url, gql('{ __typename }'));
      expect(free.status).toBe(200);
      expect(left(free)).toBe(left(answers[2]!));
      expect(left(free)).toBeLessThan(answers[0]!.body ? 500 : 0);
    } finally {
      await limited.stop();
    }
  });
});
