// npm run seed [-- --replace] [folder …]: validate and load seed files into the configured Neo4j.
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { ensureSchema } from '../src/db/schema.js';
import { formatSummary, loadSeed, SEED_DATA_DIR, summarize } from './load.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // A mistyped flag must not silently turn a replace into an additive load.
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--replace');
  if (unknown.length > 0) {
    throw new Error(
      `Unknown option ${unknown.join(', ')}; usage: npm run seed [-- --replace] [folder …]`,
    );
  }
  const replace = args.includes('--replace');
  const dirs = args.filter((a) => a !== '--replace');
  const config = loadConfig();
  const { db, close } = await connect(config, (m) => console.error(m));
  try {
    await ensureSchema(db);
    const files = await loadSeed(db, dirs.length > 0 ? dirs : [SEED_DATA_DIR], { replace });
    console.log(`Loaded ${files.length} files${replace ? ' (replacing the graph)' : ''}.`);
    console.log(formatSummary(await summarize(db)));
    return 0;
  } finally {
    await close();
  }
}

// A SeedValidationError's message lists every problem; other failures (no database …) say theirs.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
