// The closed list of exports: which query each runs, its parameters and its columns.
import { int } from '../db/values.js';
import type { Db } from '../db/db.js';
import { readCoverage, readResolutionsWithoutProjects } from '../analytics/analytics.resolvers.js';
import { COVERAGE_DIMENSIONS, type CoverageDimension } from '../analytics/analytics.cypher.js';
import { recommendationsWithoutProjects } from '../lists/lists.cypher.js';
import { recommendationParams } from '../lists/lists.resolvers.js';
import type { RecommendationRow, ResolutionRow } from '../nodes/rows.js';

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

/** The rows of one export, at most `limit`, and how many there were in all. */
export interface ExportResult {
  readonly rows: ExportRow[];
  readonly total: number;
}

export interface ExportDef {
  /** The GraphQL query this export mirrors, named in the manifest. */
  readonly query: string;
  readonly params: readonly string[];
  readonly columns: readonly string[];
  /** Validates the parameters; throws ExportParamError naming the first bad one. */
  parse(query: Query): Record<string, unknown>;
  run(db: Db, args: Record<string, unknown>, limit: number): Promise<ExportResult>;
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
  ],
  columns: ['id', 'key', 'title', 'document', 'paragraph', 'audience', 'pillars', 'illustrative'],
  parse: (query) => ({
    includeIllustrative: flag(query, 'includeIllustrative'),
    issuers: values(query, 'issuers'),
    addressees: values(query, 'addressees'),
    memberStates: values(query, 'memberStates'),
    regions: values(query, 'regions'),
    thematicAreas: values(query, 'thematicAreas'),
    pillars: values(query, 'pillars', PILLARS),
    documents: values(query, 'documents'),
  }),
  async run(db, args, limit) {
    const { includeIllustrative, ...where } = args as { includeIllustrative: boolean } & Record<
      string,
      string[] | null
    >;
    // The very statement GraphQL runs, so the export and the API cannot disagree.
    const [page] = await db.read(recommendationsWithoutProjects, {
      skip: int(0),
      first: int(limit),
      ...recommendationParams(where, includeIllustrative),
      implemented: false,
      text: null,
    });
    const nodes = (page?.nodes ?? []) as RecommendationRow[];
    return {
      total: page?.total ?? 0,
      rows: nodes.map((r) => ({
        id: `Recommendation:${r.key}`,
        key: r.key,
        title: r.title,
        document: r.document,
        paragraph: r.paragraph,
        audience: r.audience,
        pillars: r.pillars,
        illustrative: r.illustrative,
      })),
    };
  },
};

const resolutionExport: ExportDef = {
  query: 'resolutionsWithoutProjects',
  params: ['includeIllustrative', 'body'],
  columns: ['id', 'key', 'body', 'number', 'year', 'kind', 'topic', 'illustrative'],
  parse: (query) => ({
    includeIllustrative: flag(query, 'includeIllustrative'),
    body: oneOf(query, 'body', ['SC', 'GA'] as const),
  }),
  async run(db, args, limit) {
    const { includeIllustrative, body } = args as {
      includeIllustrative: boolean;
      body: string | null;
    };
    const page = await readResolutionsWithoutProjects(
      { db },
      { skip: 0, first: limit, body, includeIllustrative },
    );
    return {
      total: page.total,
      rows: (page.nodes as ResolutionRow[]).map((x) => ({
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
  params: ['by', 'includeIllustrative'],
  columns: [
    'key',
    'label',
    'projects',
    'recommendations',
    'recommendationsWithProject',
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
    return { by, includeIllustrative: flag(query, 'includeIllustrative') };
  },
  async run(db, args, limit) {
    const { by, includeIllustrative } = args as {
      by: CoverageDimension;
      includeIllustrative: boolean;
    };
    const groups = await readCoverage({ db }, by, includeIllustrative);
    return { total: groups.length, rows: groups.slice(0, limit).map((g) => ({ ...g })) };
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
