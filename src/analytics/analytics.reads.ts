// Reads of the gap analytics: validated arguments → one named statement → typed rows. The GraphQL
// resolvers and the exports both call these, so an answer and its download cannot disagree.
import type { ResolutionConnectionRow, ResolutionRow } from '../core/rows.js';
import type { Db, RowStream, StreamOptions } from '../db/db.js';
import { int } from '../db/values.js';
import {
  coverage,
  resolutionsWithoutProjects,
  resolutionsWithoutProjectsCount,
  resolutionsWithoutProjectsRows,
  type CoverageDimension,
  type ResolutionGapFilter,
} from './analytics.cypher.js';
import type { CoverageGroupRow } from './analytics.rows.js';

/** The resolution gap page (one statement). */
export async function readResolutionsWithoutProjects(
  db: Db,
  args: ResolutionGapFilter & { skip: number; first: number },
): Promise<ResolutionConnectionRow> {
  const [row] = await db.read(resolutionsWithoutProjects, {
    ...args,
    skip: int(args.skip),
    first: int(args.first),
  });
  return row ?? { total: 0, offset: args.skip, nodes: [] };
}

/** The resolution gap for a download: its count, then at most `limit` records, in page order. */
export function streamResolutionsWithoutProjects(
  db: Db,
  filter: ResolutionGapFilter,
  limit: number,
  options: StreamOptions,
): { readonly count: RowStream<number>; readonly rows: RowStream<ResolutionRow> } {
  return {
    count: db.stream(resolutionsWithoutProjectsCount, filter, options),
    rows: db.stream(resolutionsWithoutProjectsRows, { ...filter, limit: int(limit) }, options),
  };
}

/** The coverage rows of one dimension (one statement). */
export function readCoverage(
  db: Db,
  by: CoverageDimension,
  includeIllustrative: boolean,
): Promise<CoverageGroupRow[]> {
  return db.read(coverage.get(by)!, { includeIllustrative });
}

/** The same rows, streamed for a download. */
export function streamCoverage(
  db: Db,
  by: CoverageDimension,
  includeIllustrative: boolean,
  options: StreamOptions,
): RowStream<CoverageGroupRow> {
  return db.stream(coverage.get(by)!, { includeIllustrative }, options);
}
