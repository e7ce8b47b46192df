// Reads of the lists: validated arguments → one statement → typed rows. The GraphQL resolvers
// and the exports both call these, so a list and its download cannot disagree.
import type { Cypher } from '../db/cypher.js';
import { trustedCypher } from '../db/cypher.js';
import { nodeProjection } from '../db/fragments.js';
import type { Db, RowStream, StreamOptions } from '../db/db.js';
import { int, type Int } from '../db/values.js';
import type { ConnectionRow, NodeRow } from '../core/rows.js';
import type { ListSpec } from './lists.specs.js';

/** A list's MATCH … WHERE for the filters given, and the parameters it names. */
export interface ListMatch {
  readonly v: string;
  /** MATCH (or the start clause) and WHERE. */
  readonly text: string;
  /**
   * The same for a page in key order: `v.key IS NOT NULL` lets Neo4j read the key index in order
   * and stop at the page's end instead of sorting every match.
   */
  readonly byKey: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * The match of `spec` restricted by the filters in `where` that have a value. Conditions come from
 * the spec's fixed fragments in the spec's order; values travel as parameters named after their
 * filter, checked by the filter's own validation (which names `where.<filter>` when it refuses).
 */
export function listMatch<W, O extends string>(
  spec: ListSpec<W, O>,
  where: Partial<W> | null | undefined,
  includeIllustrative: boolean,
  /** How refusals name a filter: `where.` in GraphQL, nothing for a download's query parameter. */
  prefix = 'where.',
): ListMatch {
  const params: Record<string, unknown> = { includeIllustrative };
  const conditions: string[] = [];
  if (!includeIllustrative && spec.real !== null) conditions.push(spec.real);
  let start: string | undefined;
  // Every value is validated first, so a condition may read another filter's parameter.
  const given: [keyof W & string, NonNullable<W[keyof W & string]>][] = [];
  for (const name of Object.keys(spec.filters) as (keyof W & string)[]) {
    const value = where?.[name];
    if (value === null || value === undefined) continue;
    const param = spec.filters[name].param(value, `${prefix}${name}`);
    if (param === null) continue;
    params[name] = param;
    given.push([name, value]);
  }
  for (const [name, value] of given) {
    const filter = spec.filters[name];
    if (filter.start !== undefined && start === undefined) start = filter.start;
    else
      conditions.push(
        typeof filter.where === 'string'
          ? filter.where
          : filter.where(value, includeIllustrative, params),
      );
  }
  const head =
    start === undefined ? `MATCH (${spec.v}:${spec.label})` : `${start}\n  WITH ${spec.v}`;
  const text = (all: string[]) =>
    all.length > 0 ? `${head}\n  WHERE ${all.join('\n    AND ')}` : head;
  return {
    v: spec.v,
    text: text(conditions),
    byKey: text([`${spec.v}.key IS NOT NULL`, ...conditions]),
    params,
  };
}

/** What the selection asks of a page: the total (for `totalCount`/`pageInfo`) and the nodes. */
export interface PageParts {
  readonly total: boolean;
  /** The nodes' projection, or null when neither `nodes` nor `pageInfo` is selected. */
  readonly projection: string | null;
}

/**
 * One statement for a page: the total by a COUNT subquery, the page's nodes ordered, skipped and
 * limited in the database by a COLLECT subquery, each projected as the query selected.
 */
export function pageStatement<Row extends NodeRow>(
  name: string,
  match: ListMatch,
  order: string,
  parts: PageParts,
): Cypher<Record<string, unknown>, ConnectionRow<Row>> {
  const { v } = match;
  const total = parts.total ? `COUNT {\n  ${match.text}\n  RETURN ${v} }` : '0';
  const nodes =
    parts.projection === null
      ? '[]'
      : `COLLECT {\n  ${order === `${v}.key` ? match.byKey : match.text}\n  WITH ${v} ORDER BY ${order} SKIP $skip LIMIT $first\n  RETURN ${parts.projection} }`;
  return trustedCypher(name, `RETURN { total: ${total}, offset: $skip, nodes: ${nodes} } AS row`);
}

/** Reads one page of `Row`s (the label of the match). */
export async function readPage<Row extends NodeRow>(
  db: Db,
  name: string,
  match: ListMatch,
  order: string,
  page: { readonly offset: number; readonly first: number },
  parts: PageParts,
): Promise<ConnectionRow<Row>> {
  const [row] = await db.read(pageStatement<Row>(name, match, order, parts), {
    ...match.params,
    skip: int(page.offset),
    first: int(page.first),
  });
  return row ?? { total: 0, offset: page.offset, nodes: [] };
}

/**
 * The list for a download: how many records match (first statement) and the records themselves,
 * fully projected, in the page order, at most `limit`, streamed (second statement).
 */
export function streamList<Row extends NodeRow>(
  db: Db,
  name: string,
  match: ListMatch,
  order: string,
  limit: number,
  options: StreamOptions,
): { readonly count: RowStream<number>; readonly rows: RowStream<Row> } {
  const { v } = match;
  const count = trustedCypher<Record<string, unknown>, number>(
    `${name}Count`,
    `${match.text}\n  RETURN count(${v}) AS row`,
  );
  const rows = trustedCypher<Record<string, unknown> & { limit: Int }, Row>(
    `${name}Rows`,
    `${order === `${v}.key` ? match.byKey : match.text}\n  WITH ${v} ORDER BY ${order} LIMIT $limit\n  RETURN ${nodeProjection(v)} AS row`,
  );
  return {
    count: db.stream(count, match.params, options),
    rows: db.stream(rows, { ...match.params, limit: int(limit) }, options),
  };
}
