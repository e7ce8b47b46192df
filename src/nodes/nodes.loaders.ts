import DataLoader from 'dataloader';
import { linkSlot, type LinkScope } from './link-scope.js';
import type { Label } from '../core/ids.js';
import type { Db } from '../db/db.js';
import { linksByKey, nodesByKey, sourcesByKey } from './nodes.cypher.js';
import type { RelationName } from './relations.js';
import type { LinkRow, NodeRow, SourceRow } from '../core/rows.js';

const MAX_BATCH = 500;

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * Per-request loaders of the node area. Results follow key order; an unknown key yields `null`
 * (or an empty list), never an Error. Each batch is one round trip, whatever its size.
 */
export function createNodeLoaders(db: Db) {
  const byKey = new Map<Label, DataLoader<string, NodeRow | null>>();
  const sources = new Map<Label, DataLoader<string, SourceRow[]>>();
  const links = new Map<string, DataLoader<string, LinkRow[]>>();

  return {
    /** The node of `label` with `key`, or null. */
    nodeByKey(label: Label): DataLoader<string, NodeRow | null> {
      let loader = byKey.get(label);
      if (!loader) {
        loader = new DataLoader(
          async (keys) => {
            const rows = await db.read(nodesByKey.get(label)!, { keys });
            const found = new Map(rows.map((row) => [row.key, row]));
            return keys.map((key) => found.get(key) ?? null);
          },
          { maxBatchSize: MAX_BATCH },
        );
        byKey.set(label, loader);
      }
      return loader;
    },

    /** The CITED_IN provenance of nodes of `label`. */
    sourcesByKey(label: Label): DataLoader<string, SourceRow[]> {
      let loader = sources.get(label);
      if (!loader) {
        loader = new DataLoader(
          async (keys) => {
            const grouped = groupBy(
              await db.read(sourcesByKey.get(label)!, { keys }),
              (row) => row.key,
            );
            return keys.map((key) =>
              (grouped.get(key) ?? []).map(({ document, paragraph }) => ({ document, paragraph })),
            );
          },
          { maxBatchSize: MAX_BATCH },
        );
        sources.set(label, loader);
      }
      return loader;
    },

    /** The links of one relationship field in one scope (illustrative links, evidence levels). */
    links(relation: RelationName, scope: LinkScope): DataLoader<string, LinkRow[]> {
      const id = linkSlot(relation, scope);
      let loader = links.get(id);
      if (!loader) {
        loader = new DataLoader(
          async (keys) => {
            const grouped = groupBy(
              await db.read(linksByKey.get(relation)!, {
                keys,
                includeIllustrative: scope.includeIllustrative,
                evidence: scope.evidence,
              }),
              (row) => row.key ?? '',
            );
            return keys.map((key) => grouped.get(key) ?? []);
          },
          { maxBatchSize: MAX_BATCH },
        );
        links.set(id, loader);
      }
      return loader;
    },
  };
}

export type NodeLoaders = ReturnType<typeof createNodeLoaders>;
