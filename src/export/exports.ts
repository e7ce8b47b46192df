// The closed list of exports: which statements each runs, its parameters and its columns.
import type { Db, RowStream, StreamOptions } from '../db/db.js';
import {
  COVERAGE_DIMENSIONS,
  streamCoverage,
  streamResolutionsWithoutProjects,
  type CoverageDimension,
} from '../analytics/index.js';
import { listMatch, recommendationSpec, streamList } from '../lists/index.js';
import type { RecommendationRow } from '../core/rows.js';
import { evidenceArg, keyArg } from '../core/arguments.js';

/** A bad query parameter: the router answers 400 naming it. */
export class ExportParamError extends Error {
  override name = 'ExportParamError';
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

/** Query parameters as Express parses them (`?a=1&a=2` gives an array). */
export type Query = Record<string, unknown>;

export type Cell = string | number | boolean | null | string[];
export type ExportRow = Record<string, Cell>;

/** An export ready to stream: how many rows it has is known before the first row is read. */
export interface OpenedExport {
  /** Rows the query matches in all; at most the limit of them are streamed. */
  readonly total: number;
  /** The database's commit position `total` was read at (see `RowStream.position`). */
  readonly position: string | null;
  /** The rows in the order of the GraphQL query, at most the limit; nothing runs until iterated. */
  readonly rows: RowStream<ExportRow>;
}

export interface ExportDef {
  /** The GraphQL query this export mirrors, named in the manifest. */
  readonly query: string;
  readonly params: readonly string[];
  readonly columns: readonly string[];
  /** Validates the parameters; throws ExportParamError naming the first bad one. */
  parse(query: Query): Record<string, unknown>;
  /**
   * Counts the matching rows (one read, run now) and prepares the read that streams at most
   * `limit` of them. `options` (abort signal, timeout) apply to both reads.
   */
  open(
    db: Db,
    args: Record<string, unknown>,
    limit: number,
    options: StreamOptions,
  ): Promise<OpenedExport>;
}

const MAX_VALUES = 200;
const MAX_VALUE_LENGTH = 200;

function single(query: Query, param: string): string | null {
  const value = query[param];
  if (value === undefined) return null;
  if (typeof value !== 'string') throw new ExportParamError(`"${param}" must be given once`, param);
  return value;
}

/** `?x=a,b&x=c` → ['a', 'b', 'c']; null when absent. */
function values(query: Query, param: string, allowed?: readonly string[]): string[] | null {
  const raw = query[param];
  if (raw === undefined) return null;
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) =>
    typeof v === 'string' ? v.split(',') : [null],
  );
  if (parts.some((p) => p === null))
    throw new ExportParamError(`"${param}" must be a comma-separated list`, param);
  const list = (parts as string[]).map((p) => p.trim()).filter((p) => p !== '');
  if (list.length === 0) throw new ExportParamError(`"${param}" is empty`, param);
  if (list.length > MAX_VALUES)
    throw new ExportParamError(
      `"${param}" takes at most ${MAX_VALUES} values; got ${list.length}`,
      param,
    );
  const long = list.find((p) => p.length > MAX_VALUE_LENGTH);
  if (long !== undefined)
    throw new ExportParamError(
      `"${param}" values are at most ${MAX_VALUE_LENGTH} characters`,
      param,
    );
  const bad = allowed === undefined ? undefined : list.find((p) => !allowed.includes(p));
  if (bad !== undefined)
    throw new ExportParamError(
      `"${param}" must be one of ${allowed!.join(', ')}; got "${bad.slice(0, 40)}"`,
      param,
    );
  return list;
}

function oneOf<T extends string>(query: Query, param: string, allowed: readonly T[]): T | null {
  const value = single(query, param);
  if (value === null) return null;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ExportParamError(
      `"${param}" must be one of ${allowed.join(', ')}; got "${value.slice(0, 40)}"`,
      param,
    );
  }
  return value as T;
}

function flag(query: Query, param: string): boolean {
  return oneOf(query, param, ['true', 'false'] as const) === 'true';
}

const PILLARS = ['I', 'II', 'III', 'IV'] as const;
const EVIDENCE_VALUES = ['DOCUMENTED', 'REPORTED', 'INFERRED'] as const;

/** Reads a one-row count statement to its end, so its commit position is known. */
async function count(rows: RowStream<number>): Promise<{ total: number; position: string | null }> {
  let total = 0;
  for await (const n of rows) total = n;
  return { total, position: rows.position };
}

/** `rows` with each row mapped to its export columns; the position is the stream's own. */
function mapRows<R>(rows: RowStream<R>, map: (row: R) => ExportRow): RowStream<ExportRow> {
  return {
    get position() {
      return rows.position;
    },
    async *[Symbol.asyncIterator]() {
      for await (const row of rows) yield map(row);
    },
  };
}

const recommendationExport: ExportDef = {
  query: 'recommendationsWithoutProjects',
  params: [
    'includeIllustrative',
    'issuers',
    'addressees',
    'memberStates',
    'regions',
    'thematicAreas',
    'pillars',
    'documents',
    'evidence',
    'projectAnswerableOnly',
    'asOf',
  ],
  columns: [
    'id',
    'key',
    'title',
    'document',
    'paragraph',
    'audience',
    'pillars',
    'responseKind',
    'inferredLinks',
    'candidates',
    'noCandidateReason',
    'illustrative',
  ],
  parse: (query) => ({
    includeIllustrative: flag(query, 'includeIllustrative'),
    evidence: values(query, 'evidence', EVIDENCE_VALUES),
    projectAnswerableOnly:
      oneOf(query, 'projectAnswerableOnly', ['true', 'false'] as const) !== 'false',
    asOf: keyArg(single(query, 'asOf'), 'asOf'),
    issuers: values(query, 'issuers'),
    addressees: values(query, 'addressees'),
    memberStates: values(query, 'memberStates'),
    regions: values(query, 'regions'),
    thematicAreas: values(query, 'thematicAreas'),
    pillars: values(query, 'pillars', PILLARS),
    documents: values(query, 'documents'),
  }),
  async open(db, args, limit, options) {
    const { includeIllustrative, projectAnswerableOnly, asOf, ...where } = args as {
      includeIllustrative: boolean;
      projectAnswerableOnly: boolean;
      asOf: string | null;
    } & Record<string, string[] | null>;
    // The match of the GraphQL query, validated the same way, so the export and the API agree.
    const match = listMatch(
      recommendationSpec,
      {
        ...where,
        implemented: false,
        projectAnswerable: projectAnswerableOnly ? true : null,
        asOf,
      },
      includeIllustrative,
      '',
    );
    const streams = streamList<RecommendationRow>(
      db,
      'recommendationsWithoutProjects',
      match,
      recommendationSpec.orders.KEY,
      limit,
      options,
    );
    const { total, position } = await count(streams.count);
    const rows = streams.rows;
    return {
      total,
      position,
      rows: mapRows(rows, (r) => ({
        id: `Recommendation:${r.key}`,
        key: r.key,
        title: r.title,
        document: r.document,
        paragraph: r.paragraph,
        audience: r.audience,
        pillars: r.pillars,
        responseKind: r.responseKind ?? null,
        // What the next evidence level would add: the rules' links and candidates (real ones).
        inferredLinks: (r.candidateInferred ?? []).filter(
          (inferred, i) => inferred && (includeIllustrative || !r.candidateIllustrative?.[i]),
        ).length,
        candidates: (r.candidateProjects ?? []).filter(
          (_key, i) => includeIllustrative || !r.candidateIllustrative?.[i],
        ).length,
        noCandidateReason: r.candidateNone ?? null,
        illustrative: r.illustrative,
      })),
    };
  },
};

const resolutionExport: ExportDef = {
  query: 'resolutionsWithoutProjects',
  params: ['includeIllustrative', 'body', 'evidence', 'asOf'],
  columns: ['id', 'key', 'body', 'number', 'year', 'kind', 'topic', 'illustrative'],
  parse: (query) => ({
    includeIllustrative: flag(query, 'includeIllustrative'),
    body: oneOf(query, 'body', ['SC', 'GA', 'HRC'] as const),
    evidence: values(query, 'evidence', EVIDENCE_VALUES),
    asOf: keyArg(single(query, 'asOf'), 'asOf'),
  }),
  async open(db, args, limit, options) {
    const { includeIllustrative, body, evidence, asOf } = args as {
      includeIllustrative: boolean;
      body: 'SC' | 'GA' | 'HRC' | null;
      evidence: string[] | null;
      asOf: string | null;
    };
    const streams = streamResolutionsWithoutProjects(
      db,
      { body, evidence, asOf, includeIllustrative },
      limit,
      options,
    );
    const { total, position } = await count(streams.count);
    const rows = streams.rows;
    return {
      total,
      position,
      rows: mapRows(rows, (x) => ({
        id: `Resolution:${x.key}`,
        key: x.key,
        body: x.body,
        number: x.number,
        year: x.year,
        kind: x.kind,
        topic: x.topic,
        illustrative: x.illustrative,
      })),
    };
  },
};

const coverageExport: ExportDef = {
  query: 'coverage',
  params: ['by', 'includeIllustrative', 'evidence', 'asOf'],
  columns: [
    'key',
    'label',
    'projects',
    'recommendations',
    'projectAnswerable',
    'recommendationsWithProject',
    'documented',
    'reported',
    'inferred',
    'ratio',
    'share',
  ],
  parse(query) {
    const by = oneOf(query, 'by', COVERAGE_DIMENSIONS);
    if (by === null)
      throw new ExportParamError(
        `"by" is required: one of ${COVERAGE_DIMENSIONS.join(', ')}`,
        'by',
      );
    return {
      by,
      includeIllustrative: flag(query, 'includeIllustrative'),
      evidence: values(query, 'evidence', EVIDENCE_VALUES),
      asOf: keyArg(single(query, 'asOf'), 'asOf'),
    };
  },
  async open(db, args, limit, options) {
    const { by, includeIllustrative, evidence, asOf } = args as {
      by: CoverageDimension;
      includeIllustrative: boolean;
      evidence: string[] | null;
      asOf: string | null;
    };
    // The statement GraphQL's `coverage` runs. It has one row per group (pillar, region, State,
    // entity or theme: a few hundred at most), so it is read whole to count it, in one read.
    const read = streamCoverage(
      db,
      by,
      includeIllustrative,
      options,
      evidenceArg(evidence, 'evidence'),
      asOf,
    );
    const groups: ExportRow[] = [];
    for await (const { byEvidence, stated: _stated, ...group } of read)
      groups.push({ ...group, ...byEvidence });
    const { position } = read;
    const kept = groups.slice(0, limit);
    return {
      total: groups.length,
      position,
      rows: {
        position,
        [Symbol.asyncIterator]: () => {
          const each = kept.values();
          return { next: () => Promise.resolve(each.next()) };
        },
      },
    };
  },
};

/** Every export, by the name in its URL. */
export const EXPORTS: ReadonlyMap<string, ExportDef> = new Map([
  ['recommendations-without-projects', recommendationExport],
  ['resolutions-without-projects', resolutionExport],
  ['coverage', coverageExport],
]);

/** Checks that only known parameters are present, then parses them. */
export function parseExportParams(def: ExportDef, query: Query): Record<string, unknown> {
  const unknown = Object.keys(query).find((k) => !def.params.includes(k));
  if (unknown !== undefined) {
    throw new ExportParamError(
      `Unknown parameter "${unknown.slice(0, 40)}"; this export takes ${def.params.join(', ')}`,
      unknown.slice(0, 40),
    );
  }
  return def.parse(query);
}
