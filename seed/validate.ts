// npm run seed:validate [folder …]: check the seed files (schemas and references) without a database.
import { readDataset } from './dataset.js';
import { buildGraph, SeedValidationError, type SeedIssue } from '../src/records/index.js';
import { SEED_DATA_DIR } from './load.js';

async function main(): Promise<number> {
  const dirs = process.argv.slice(2);
  const loaded = await readDataset(dirs.length > 0 ? dirs : [SEED_DATA_DIR]);
  const issues: SeedIssue[] = [];
  const graph = buildGraph(loaded, new Map(), issues);
  if (issues.length > 0) throw new SeedValidationError(issues);
  const nodes = [...graph.nodes].map(([label, rows]) => `${label} ${rows.length}`).join(', ');
  console.log(`OK: ${loaded.files.length} files; ${nodes}; ${graph.rels.length} relationships`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
