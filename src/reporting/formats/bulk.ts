// What the bulk formats (CSV template, IATI XML) share: one candidate report per row, every
// problem listed before anything is written (a dry run).
import { validateReport, type ProjectReport, type ReportProblem } from '../report.js';

/** One row of a bulk file: the candidate report, or null when it has problems. */
export interface BulkRow {
  /** CSV: 1-based line where the row starts (header = 1). IATI: 1-based activity position. */
  readonly line: number;
  /** The reporter's own reference for the row (CSV `ref`, IATI identifier), or null if absent. */
  readonly ref: string | null;
  /** `csv:<ref>` or `iati:<identifier>`: re-sending a file updates rather than duplicates. */
  readonly idempotencyKey: string | null;
  /** The validated report; null whenever `problems` is not empty. */
  readonly report: ProjectReport | null;
  readonly problems: ReportProblem[];
  /** What was left out or changed on the way, without making the row invalid. */
  readonly warnings: ReportProblem[];
}

/** A parsed bulk file. A file-level problem means the file as a whole cannot be imported. */
export interface BulkParse {
  readonly rows: BulkRow[];
  readonly problems: ReportProblem[];
}

const MAX_SHOWN_CHARS = 120; // as report.ts shows values

/** A value as shown in a problem: long values are cut, as validateReport cuts them. */
export function shown(value: string): string {
  return value.length > MAX_SHOWN_CHARS ? `${value.slice(0, MAX_SHOWN_CHARS)}…` : value;
}

/** A problem at `path` about `value` (shortened for display). */
export function problem(path: string, value: string | null, message: string): ReportProblem {
  return { path, value: value === null ? null : shown(value), message };
}

/**
 * Validates the candidate built from a row and joins its problems to those found while reading
 * the row. `report` is set only when neither found a problem. `covered` names report paths whose
 * problem reading already gave in the reader's terms (CSV: an empty `lead` covers `implementers`).
 */
export function toBulkRow(row: {
  line: number;
  ref: string | null;
  idempotencyKey: string | null;
  candidate: Record<string, unknown>;
  problems: ReportProblem[];
  warnings: ReportProblem[];
  covered?: readonly string[];
}): BulkRow {
  const result = validateReport(row.candidate);
  const own = result.ok ? [] : result.problems.filter((p) => !row.covered?.includes(p.path));
  const problems = [...row.problems, ...own];
  return {
    line: row.line,
    ref: row.ref,
    idempotencyKey: row.idempotencyKey,
    report: result.ok && problems.length === 0 ? result.report : null,
    problems,
    warnings: row.warnings,
  };
}
