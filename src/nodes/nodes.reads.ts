// Reads of nodes by id: validated ids → one statement per label asked for → rows projected as
// the query selected (links and sources included, see projection.ts).
import type { FieldNode } from 'graphql';
import { InputError } from '../core/errors.js';
import { parseNodeId, type Label } from '../core/ids.js';
import type { SelectionScope } from '../core/selection.js';
import { trustedCypher } from '../db/cypher.js';
import type { Db } from '../db/db.js';
import { selectionProjection } from './projection.js';
import type { NodeRow } from '../core/rows.js';

export const MAX_IDS = 200;

/** The statement reading nodes of one label by key, projected for `fieldNodes`. */
export function nodesStatement(
  scope: SelectionScope,
  label: Label,
  fieldNodes: readonly FieldNode[],
) {
  return trustedCypher<{ keys: readonly string[] }, NodeRow>(
    `nodes${label}`,
    `UNWIND $keys AS k MATCH (n:${label} {key: k})
  RETURN ${selectionProjection(scope, 'n', [label], fieldNodes)} AS row`,
  );
}

/**
 * The nodes with `ids`, in the order given: null for unknown ids, an InputError naming
 * `argument` for malformed ones or too many. One statement per distinct label.
 */
export async function readNodes(
  db: Db,
  scope: SelectionScope,
  fieldNodes: readonly FieldNode[],
  ids: readonly string[],
  argument: string,
): Promise<(NodeRow | null)[]> {
  if (ids.length > MAX_IDS) {
    throw new InputError(`At most ${MAX_IDS} ids per request; got ${ids.length}`, argument, {
      limit: MAX_IDS,
    });
  }
  const parsed = ids.map((id) => parseNodeId(id, undefined, argument));
  const byLabel = new Map<Label, Set<string>>();
  for (const { label, key } of parsed)
    byLabel.set(label, (byLabel.get(label) ?? new Set()).add(key));
  const found = new Map<string, NodeRow>();
  await Promise.all(
    [...byLabel].map(async ([label, keys]) => {
      const rows = await db.read(nodesStatement(scope, label, fieldNodes), { keys: [...keys] });
      for (const row of rows) found.set(`${label}:${row.key}`, row);
    }),
  );
  return parsed.map(({ label, key }) => found.get(`${label}:${key}`) ?? null);
}
