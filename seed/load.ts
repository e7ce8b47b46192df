import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { isLabel, type Label } from '../src/core/ids.js';
import { cypher, trustedCypher } from '../src/db/cypher.js';
import { republishAccepted } from '../src/reporting/index.js';
import { graphNode } from '../src/db/fragments.js';
import type { Db } from '../src/db/db.js';
import { readDataset } from './dataset.js';
import {
  buildGraph,
  SeedValidationError,
  writeGraph,
  type ExistingKeys,
  type LoadedDataset,
  type SeedIssue,
} from '../src/records/index.js';

/** The curated data of the repository. */
// Compiled, this module runs from dist/seed/; the data stays in seed/data/ at the repository root.
const HERE = dirname(fileURLToPath(import.meta.url));
export const SEED_DATA_DIR = HERE.endsWith('/dist/seed')
  ? resolve(HERE, '../../seed/data')
  : resolve(HERE, 'data');

export interface LoadOptions {
  /** Delete the current graph first (same transaction). Default: upsert beside what is there. */
  readonly replace?: boolean;
  /**
   * Recompute ctkg's inferred implementation links and candidates (default true). The benchmark
   * turns it off: it races reads over synthetic links, not the load-time inference.
   */
  readonly infer?: boolean;
}

export interface LoadSummary {
  readonly labels: Record<string, number>;
  readonly relationships: Record<string, number>;
  readonly illustrative: { readonly nodes: number; readonly relationships: number };
  readonly reconciliation: readonly {
    document: string;
    scope: string;
    stated: string;
    parsed: string;
    note: string;
  }[];
}

const existingKeysQuery = cypher<Record<string, never>, { label: string; key: string }>(
  'existingKeys',
)`
  MATCH (n) WHERE n.key IS NOT NULL RETURN { label: labels(n)[0], key: n.key } AS row`;

const labelCounts = trustedCypher<
  Record<string, never>,
  { label: string; count: number; illustrative: number }
>(
  'labelCounts',
  `
  // Aggregate in WITH first: Neo4j 5 rejects aggregates beside grouping keys inside one map.
  MATCH (n) WHERE ${graphNode('n')}
  WITH labels(n)[0] AS label, count(*) AS total,
       sum(CASE WHEN n.illustrative THEN 1 ELSE 0 END) AS illustrative
  RETURN { label: label, count: total, illustrative: illustrative } AS row
  ORDER BY row.label`,
);

const relCounts = cypher<
  Record<string, never>,
  { type: string; count: number; illustrative: number }
>('relationshipCounts')`
  MATCH ()-[r]->()
  WITH type(r) AS type, count(*) AS total,
       sum(CASE WHEN r.illustrative THEN 1 ELSE 0 END) AS illustrative
  RETURN { type: type, count: total, illustrative: illustrative } AS row
  ORDER BY row.type`;

const reconciliationRows = cypher<Record<string, never>, LoadSummary['reconciliation'][number]>(
  'reconciliation',
)`
  MATCH (d:Document) WHERE size(coalesce(d.reconciliationScopes, [])) > 0
  UNWIND range(0, size(d.reconciliationScopes) - 1) AS i
  RETURN { document: d.key, scope: d.reconciliationScopes[i], stated: d.reconciliationStated[i],
           parsed: d.reconciliationParsed[i], note: d.reconciliationNotes[i] } AS row
  ORDER BY row.document, row.scope`;

async function existingKeys(db: Db): Promise<ExistingKeys> {
  const map = new Map<Label, Set<string>>();
  for (const { label, key } of await db.read(existingKeysQuery, {})) {
    if (!isLabel(label)) continue;
    const set = map.get(label) ?? new Set<string>();
    set.add(key);
    map.set(label, set);
  }
  return map;
}

/**
 * Validates a dataset against the schemas and every reference, then writes it in one transaction.
 * Throws SeedValidationError (naming file, record and field) before anything is written.
 */
export async function loadDataset(
  db: Db,
  loaded: LoadedDataset,
  options: LoadOptions = {},
): Promise<void> {
  const issues: SeedIssue[] = [];
  const existing = options.replace ? new Map() : await existingKeys(db);
  const graph = buildGraph(loaded, existing, issues);
  if (issues.length > 0) throw new SeedValidationError(issues);
  await writeGraph(db, graph, {
    replace: options.replace ?? false,
    infer: options.infer ?? true,
    // What entities reported and reviewers accepted outlives a reload of the curated data.
    after: republishAccepted,
  });
}

/** Reads, validates and loads the JSON files of `dirs` (default: the repository's curated data). */
export async function loadSeed(
  db: Db,
  dirs: readonly string[] = [SEED_DATA_DIR],
  options: LoadOptions = {},
) {
  const loaded = await readDataset(dirs);
  await loadDataset(db, loaded, options);
  return loaded.files;
}

/** Counts per label and relationship type, illustrative counts and the stated-vs-parsed differences. */
export async function summarize(db: Db): Promise<LoadSummary> {
  const labels = await db.read(labelCounts, {});
  const rels = await db.read(relCounts, {});
  return {
    labels: Object.fromEntries(labels.map((r) => [r.label, r.count])),
    relationships: Object.fromEntries(rels.map((r) => [r.type, r.count])),
    illustrative: {
      nodes: labels.reduce((n, r) => n + r.illustrative, 0),
      relationships: rels.reduce((n, r) => n + r.illustrative, 0),
    },
    reconciliation: await db.read(reconciliationRows, {}),
  };
}

/** Prints a summary as the CLI shows it. */
export function formatSummary(summary: LoadSummary): string {
  const lines = ['Nodes:'];
  for (const [label, n] of Object.entries(summary.labels)) lines.push(`  ${label.padEnd(18)} ${n}`);
  lines.push('Relationships:');
  for (const [type, n] of Object.entries(summary.relationships))
    lines.push(`  ${type.padEnd(18)} ${n}`);
  lines.push(
    `Illustrative: ${summary.illustrative.nodes} nodes, ${summary.illustrative.relationships} relationships`,
  );
  if (summary.reconciliation.length > 0) {
    lines.push('Stated vs parsed:');
    for (const r of summary.reconciliation) {
      lines.push(
        `  ${r.document} — ${r.scope}: stated ${r.stated || '–'}, parsed ${r.parsed || '–'}${r.note ? ` (${r.note})` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

export { SeedValidationError };

// Keys, submissions or confidential records made before the first start do not make a graph.
const anyNode = trustedCypher<Record<string, never>, boolean>(
  'graphHasNodes',
  `MATCH (n) WHERE ${graphNode('n')} RETURN true AS row LIMIT 1`,
);

/** Loads the repository's seed data when the graph holds no node; returns the files loaded, or null. */
export async function seedIfEmpty(db: Db): Promise<readonly string[] | null> {
  if ((await db.read(anyNode, {})).length > 0) return null;
  return loadSeed(db, [SEED_DATA_DIR], { replace: false });
}
