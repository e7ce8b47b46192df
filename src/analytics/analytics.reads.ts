// Reads of the gap analytics: validated arguments → one named statement → typed rows. The GraphQL
// resolvers and the exports both call these, so an answer and its download cannot disagree.
import { DEFAULT_EVIDENCE, type Evidence } from '../core/evidence.js';
import type { ResolutionRow } from '../core/rows.js';
import type { Db, RowStream, StreamOptions } from '../db/db.js';
import { listMatch, streamList } from '../lists/index.js';
import { coverageStatement, statedFigures, type CoverageDimension } from './analytics.cypher.js';
import { resolutionGapSpec } from './resolution-gap.js';
import type { CoverageGroupRow, StatedFigureRow } from './analytics.rows.js';

/** The resolution gap for a download: its count, then at most `limit` records, in page order. */
export function streamResolutionsWithoutProjects(
  db: Db,
  filter: {
    body: 'SC' | 'GA' | 'HRC' | null;
    evidence: readonly string[] | null;
    asOf: string | null;
    includeIllustrative: boolean;
  },
  limit: number,
  options: StreamOptions,
): { readonly count: RowStream<number>; readonly rows: RowStream<ResolutionRow> } {
  const match = listMatch(
    resolutionGapSpec,
    { body: filter.body, unsupported: true, evidence: filter.evidence, asOf: filter.asOf },
    filter.includeIllustrative,
    '',
  );
  return streamList(
    db,
    'resolutionsWithoutProjects',
    match,
    resolutionGapSpec.orders.YEAR,
    limit,
    options,
  );
}

/** The coverage rows of one dimension (one statement). */
export function readCoverage(
  db: Db,
  by: CoverageDimension,
  includeIllustrative: boolean,
  evidence: readonly Evidence[] = DEFAULT_EVIDENCE,
  asOf: string | null = null,
): Promise<CoverageGroupRow[]> {
  return db.read(coverageStatement(by, asOf), { includeIllustrative, evidence, asOf });
}

/** The same rows, streamed for a download. */
export function streamCoverage(
  db: Db,
  by: CoverageDimension,
  includeIllustrative: boolean,
  options: StreamOptions,
  evidence: readonly Evidence[] = DEFAULT_EVIDENCE,
  asOf: string | null = null,
): RowStream<CoverageGroupRow> {
  return db.stream(coverageStatement(by, asOf), { includeIllustrative, evidence, asOf }, options);
}

/** The stated figures, of one document or dimension when given. */
export function readStatedFigures(
  db: Db,
  filter: { document: string | null; dimension: string | null },
): Promise<StatedFigureRow[]> {
  return db.read(statedFigures, filter);
}
