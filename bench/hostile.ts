// npx tsx bench/hostile.ts: how long each hostile document holds the event loop before it is
// refused, and how much memory refusing it takes. In-process, with a Db that fails the run if any
// statement is attempted: every one of these must be refused before database work.
import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS } from '../src/config.js';
import { createLogger } from '../src/core/logger.js';
import type { Db } from '../src/db/db.js';
import { createContextFactory } from '../src/graphql/context.js';
import { createApollo } from '../src/http/app.js';

const noDatabase: Db = {
  read: () => Promise.reject(new Error('a hostile document reached the database')),
  write: () => Promise.reject(new Error('a hostile document reached the database')),
  transaction: () => Promise.reject(new Error('a hostile document reached the database')),
  stream: () => {
    throw new Error('a hostile document reached the database');
  },
  ping: () => Promise.resolve(true),
};

// The real graph's measured caps, rounded up (readListCaps on the seed data).
const caps = new Map([
  ['Entity.projects', 105],
  ['Project.implementers', 8],
  ['Project.themes', 6],
  ['ThematicArea.projects', 101],
]);

const chain = (hops: number) => {
  let inner = 'themes { thematicArea { key } }';
  for (let i = 0; i < hops; i++)
    inner = `implementers { entity { projects { project { id ${inner} } } } }`;
  return inner;
};
const repeat = (n: number, f: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => f(i)).join(' ');

const DOCUMENTS: Record<string, string> = {
  '15 aliases × 12-hop chain': `{ ${repeat(15, (i) => `a${i}: projects(first: 100) { nodes { ${chain(3)} } }`)} }`,
  'chain within depth, cost 10^6': `{ projects(first: 100) { nodes { ${chain(1)} } } }`,
  'fragment fan-out, 24 levels': `{ node(id: "Entity:CTED") { ...F23 } } ${repeat(24, (i) => `fragment F${i} on Entity { ${i === 0 ? 'key' : `...F${i - 1} ...F${i - 1}`} }`)}`,
  '1,000 aliases of coverage': `{ ${repeat(1000, (i) => `c${i}: coverage(by: REGION) { key }`)} }`,
  '1,000 aliases of __schema': `{ ${repeat(1000, (i) => `s${i}: __schema { types { name } }`)} }`,
  '31 aliases of coverage': `{ ${repeat(31, (i) => `c${i}: coverage(by: REGION) { key }`)} }`,
  // 198 copies of one field (graphql-js compares overlapping fields pairwise), then one unknown.
  '1,000 tokens of one field': `{ meta { ${'labels { label } '.repeat(198)} nope } }`,
  '250 KB string argument': `{ search(text: "${'x'.repeat(250_000)}") { score } }`,
  'deep nesting, 40 levels': `{ node(id: "Project:X") { ... on Project { ${chain(10)} } } }`,
  subscription: 'subscription { meta { labels { label } } }',
};

async function main(): Promise<void> {
  const log = createLogger('silent');
  const apollo = createApollo({
    db: noDatabase,
    log,
    limits: DEFAULT_LIMITS,
    listCaps: () => caps,
  });
  await apollo.start();
  const contextFor = createContextFactory({
    db: noDatabase,
    limits: DEFAULT_LIMITS,
    statementTimeoutMs: 6_000,
    log,
  });
  const rows: string[] = [];
  for (const [name, query] of Object.entries(DOCUMENTS)) {
    const times: number[] = [];
    let code = '';
    let heap = 0;
    for (let round = 0; round < 30; round++) {
      const before = process.memoryUsage().heapUsed;
      const started = performance.now();
      // A fresh comment per round: Apollo caches parsed and validated documents by their text.
      const response = await apollo.executeOperation(
        { query: `# round ${round}\n${query}` },
        { contextValue: await contextFor() },
      );
      times.push(performance.now() - started);
      heap = Math.max(heap, process.memoryUsage().heapUsed - before);
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const errors = response.body.singleResult.errors ?? [];
      const given = errors[0]?.extensions?.['code'];
      code = typeof given === 'string' ? given : 'none';
      if (response.body.singleResult.data) throw new Error(`${name} was not refused`);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)]!;
    const max = times[times.length - 1]!;
    rows.push(
      `| ${name} | ${(Buffer.byteLength(query) / 1024).toFixed(1)} KB | ${code} | ${p50.toFixed(1)} | ${max.toFixed(1)} | ${(heap / 1024 / 1024).toFixed(1)} |`,
    );
  }
  await apollo.stop();
  console.log(
    '| document | size | refused as | p50 ms | max ms (first round: cold JIT) | heap MB |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
