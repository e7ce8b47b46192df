// Writes a built Graph in one transaction: all of it commits, or none of it.
import { LABELS, type Label } from '../core/ids.js';
import { cypher, trustedCypher, type Cypher } from '../db/cypher.js';
import { graphNode, realLink } from '../db/fragments.js';
import type { Db, Tx } from '../db/db.js';
import { recomputeInferences } from '../inference/index.js';
import {
  OWNED,
  REL_TYPES,
  type Graph,
  type NodeRow,
  type Props,
  type RelRow,
  type RelType,
} from './graph.js';

const CHUNK = 1000;

// Statement texts are built at module load from the closed label and type lists.
const upsertNodes = new Map(
  LABELS.map((label) => [
    label,
    trustedCypher<{ rows: NodeRow[] }, number>(
      `upsert${label}`,
      `UNWIND $rows AS row MERGE (n:${label} {key: row.key}) SET n = row.props RETURN count(*) AS row`,
    ),
  ]),
);

const dropOwned = new Map(
  LABELS.map((label) => [
    label,
    trustedCypher<{ keys: string[]; types: readonly string[] }, number>(
      `dropOwned${label}`,
      `UNWIND $keys AS k MATCH (:${label} {key: k})-[r]->() WHERE type(r) IN $types DELETE r RETURN count(r) AS row`,
    ),
  ]),
);

const dropImplements = cypher<{ keys: readonly string[] }, number>('dropImplements')`
  UNWIND $keys AS k MATCH (:Recommendation {key: k})<-[r:IMPLEMENTS]-() DELETE r RETURN count(r) AS row`;
const dropMembers = cypher<{ keys: readonly string[] }, number>('dropMembers')`
  UNWIND $keys AS k MATCH (:Region {key: k})<-[r:MEMBER_OF]-() DELETE r RETURN count(r) AS row`;
const dropContributions = cypher<{ documents: readonly string[] }, number>('dropContributions')`
  MATCH ()-[r:CONTRIBUTES_TO]->() WHERE r.document IN $documents DELETE r RETURN count(r) AS row`;
// Keys, submissions, the audit trail and confidential records are not the seed's data:
// replacing the graph keeps them (accepted reports are published again by the caller's `after`).
const wipe = trustedCypher<Record<string, never>, number>(
  'wipeGraph',
  `MATCH (n) WHERE ${graphNode('n')} DETACH DELETE n RETURN count(*) AS row`,
);

// The property each type merges on, when two nodes may be linked more than once by that type.
const MERGE_PROPERTY: Partial<Record<RelType, string>> = {
  CITED_IN: 'paragraph',
  IMPLEMENTED_BY: 'role',
  CONTRIBUTES_TO: 'document',
};

const relStatements = new Map<
  string,
  Cypher<{ rows: { from: string; to: string; merge: string | null; props: Props }[] }, number>
>();
for (const type of REL_TYPES) {
  for (const from of LABELS) {
    for (const to of LABELS) {
      const prop = MERGE_PROPERTY[type];
      const pattern = prop === undefined ? `[r:${type}]` : `[r:${type} {${prop}: row.merge}]`;
      relStatements.set(
        `${type}:${from}:${to}`,
        trustedCypher(
          `link${type}`,
          `UNWIND $rows AS row MATCH (a:${from} {key: row.from}) MATCH (b:${to} {key: row.to}) ` +
            `MERGE (a)-${pattern}->(b) SET r = row.props RETURN count(*) AS row`,
        ),
      );
    }
  }
}

async function inChunks<T>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * Stores every node's degree as parallel lists by type then direction, twice: with every
 * relationship (`allDegree*`) and in real-data mode (`realDegree*`: illustrative relationships and
 * nodes left out). The explorer reads them instead of every relationship of a node (a document is
 * cited by thousands). Recomputed over the whole graph on every load, in the load's transaction,
 * so no load can leave a stale count. A relationship from a node to itself counts once, as OUT.
 */
const storeDegrees = trustedCypher<Record<string, never>, number>(
  'storeDegrees',
  `
  MATCH (n) WHERE ${graphNode('n')}
  CALL (n) {
    OPTIONAL MATCH (n)-[r]-(o)
    WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END AS direction,
         count(r) AS all,
         count(CASE WHEN ${realLink('r', 'o')} THEN r END) AS real
    WHERE all > 0
    WITH type, direction, all, real ORDER BY type, direction
    WITH collect({type: type, direction: direction, all: all, real: real}) AS rows
    WITH rows, [x IN rows WHERE x.real > 0] AS realRows
    RETURN [x IN rows | x.type] AS allTypes, [x IN rows | x.direction] AS allDirections,
           [x IN rows | x.all] AS allCounts, [x IN realRows | x.type] AS types,
           [x IN realRows | x.direction] AS directions, [x IN realRows | x.real] AS counts
  }
  SET n.allDegreeTypes = allTypes, n.allDegreeDirections = allDirections, n.allDegreeCounts = allCounts,
      n.realDegreeTypes = types, n.realDegreeDirections = directions, n.realDegreeCounts = counts
  RETURN count(n) AS row`,
);

/**
 * Stores on every recommendation the evidence levels at which a project implements it, with
 * every link (`allImplementedAt`) and in real-data mode (`realImplementedAt`: illustrative links
 * and projects left out). The gap lists read one property per recommendation instead of
 * following its links (src/lists/lists.specs.ts); recomputed with the rest of the derived data.
 */
const storeImplementedAt = trustedCypher<Record<string, never>, number>(
  'storeImplementedAt',
  `
  MATCH (r:Recommendation)
  SET r.allImplementedAt = COLLECT {
        MATCH (:Project)-[i:IMPLEMENTS]->(r) WHERE i.evidence IS NOT NULL
        RETURN DISTINCT i.evidence ORDER BY i.evidence },
      r.realImplementedAt = COLLECT {
        MATCH (q:Project)-[i:IMPLEMENTS]->(r)
        WHERE i.evidence IS NOT NULL AND ${realLink('i', 'q')}
        RETURN DISTINCT i.evidence ORDER BY i.evidence }
  RETURN count(r) AS row`,
);

const countMissingDerived = trustedCypher<Record<string, never>, number>(
  'countMissingDerived',
  `MATCH (n) WHERE ${graphNode('n')}
     AND (n.realDegreeTypes IS NULL OR n.allDegreeTypes IS NULL
          OR (n:Recommendation AND (n.realImplementedAt IS NULL OR n.allImplementedAt IS NULL)))
   RETURN count(n) AS row`,
);

/**
 * Stores the derived data of a graph written before the loader stored it (or by hand): the
 * explorer and the gap lists read only stored values. Run at start-up; a no-op (one count) when
 * every node has them. Returns how many nodes lacked them.
 */
export async function storeMissingDerived(db: Db): Promise<number> {
  const [missing = 0] = await db.read(countMissingDerived, {});
  if (missing > 0) await db.transaction((tx) => refreshDerived(tx, { infer: false }));
  return missing;
}

export interface WriteOptions {
  /** Delete the current graph first (keys, submissions and the audit trail stay). */
  readonly replace: boolean;
  /** Recompute ctkg's inferences (default true). */
  readonly infer?: boolean;
  /** More writes in the same transaction before the derived data is refreshed. */
  readonly after?: (tx: Tx) => Promise<unknown>;
}

/**
 * Writes the graph in one write transaction. With `replace`, the existing graph is deleted first
 * (in the same transaction); otherwise records are upserted and each record's own links replaced.
 */
export async function writeGraph(db: Db, graph: Graph, options: WriteOptions): Promise<void> {
  await db.transaction(async (tx: Tx) => {
    await writeGraphIn(tx, graph, options);
    if (options.after) await options.after(tx);
    await refreshDerived(tx, { infer: options.infer ?? true });
  });
}

/**
 * Recomputes what is derived from the whole graph, in the caller's transaction: the inferred
 * implementation links and candidates, then every node's stored degrees and every
 * recommendation's implementation levels.
 */
export async function refreshDerived(tx: Tx, options: { infer: boolean }): Promise<void> {
  if (options.infer) await recomputeInferences(tx);
  await tx.run(storeDegrees, {});
  await tx.run(storeImplementedAt, {});
}

/** Writes the rows of `graph` in the caller's transaction (no derived data: see refreshDerived). */
export async function writeGraphIn(
  tx: Tx,
  graph: Graph,
  options: { replace: boolean },
): Promise<void> {
  if (options.replace) await tx.run(wipe, {});
  for (const [label, rows] of graph.nodes) {
    await inChunks(rows, (chunk) => tx.run(upsertNodes.get(label)!, { rows: chunk }));
    if (!options.replace) {
      await inChunks(rows, (chunk) =>
        tx.run(dropOwned.get(label)!, { keys: chunk.map((r) => r.key), types: OWNED[label] }),
      );
    }
  }
  if (!options.replace) {
    await tx.run(dropImplements, { keys: graph.recommendationKeys });
    await tx.run(dropMembers, { keys: graph.regionKeys });
    await tx.run(dropContributions, { documents: graph.contributionDocuments });
  }
  const groups = new Map<string, RelRow[]>();
  for (const rel of graph.rels) {
    const id = `${rel.type}:${rel.fromLabel}:${rel.toLabel}`;
    const group = groups.get(id);
    if (group) group.push(rel);
    else groups.set(id, [rel]);
  }
  for (const [id, rels] of groups) {
    const statement = relStatements.get(id)!;
    await inChunks(rels, (chunk) =>
      tx.run(statement, {
        rows: chunk.map((r) => ({
          from: r.from,
          to: r.to,
          merge: r.merge ?? null,
          props: r.props,
        })),
      }),
    );
  }
}

export type { Label };
