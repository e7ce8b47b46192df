// Bulk reporting (light-touch: no double entry): a CSV in the documented template or IATI
// activity XML becomes one submission per row, through the same checks as `submitProject`. Every
// problem is reported before anything is written; a dry run writes nothing, and a real run writes
// all rows in one transaction or none.
import { cypher } from '../db/cypher.js';
import type { Db, Tx } from '../db/db.js';
import { parseProjectCsv } from './formats/csv.js';
import { parseIatiActivities, type IatiLookup } from './formats/iati.js';
import type { BulkParse, BulkRow } from './formats/bulk.js';
import { mergedReferences, referenceProblems, unknownKeys } from './publish.js';
import type { ProjectReport, ReportProblem } from './report.js';
import type { SubmissionRow } from './reporting.cypher.js';
import { reportingEntity, submitMany, type Caller } from './submissions.js';

export type ImportFormat = 'csv' | 'iati';

export interface ImportedRow extends Omit<BulkRow, 'report'> {
  readonly title: string | null;
  readonly submission: SubmissionRow | null;
}

export interface ImportResult {
  readonly format: ImportFormat;
  readonly dryRun: boolean;
  /** True when the rows were submitted (not a dry run, and no problem anywhere). */
  readonly written: boolean;
  readonly problems: readonly ReportProblem[];
  readonly rows: readonly ImportedRow[];
}

const entityNames = cypher<Record<string, never>, { key: string; name: string; aliases: string[] }>(
  'entityNames',
)`MATCH (e:Entity) WHERE NOT coalesce(e.illustrative, false)
  RETURN { key: e.key, name: e.name, aliases: coalesce(e.aliases, []) } AS row`;

/** IATI organisations to ctkg entities: by key, name or alias, ignoring case. */
async function iatiLookup(db: Db): Promise<IatiLookup> {
  const byName = new Map<string, string>();
  for (const e of await db.read(entityNames, {}))
    for (const name of [e.key, e.name, ...e.aliases]) byName.set(name.toLowerCase(), e.key);
  return {
    entity: (ref, name) =>
      (ref !== null ? byName.get(ref.toLowerCase()) : undefined) ??
      (name !== null ? byName.get(name.toLowerCase()) : undefined) ??
      null,
  };
}

/** Parses, checks scope and references (one statement for all rows), and submits unless told not to. */
export async function importProjects(
  db: Db,
  caller: Caller,
  format: ImportFormat,
  content: string,
  dryRun: boolean,
): Promise<ImportResult> {
  const parsed: BulkParse =
    format === 'csv'
      ? parseProjectCsv(content)
      : parseIatiActivities(content, await iatiLookup(db));
  const reports = parsed.rows.flatMap((r) => (r.report ? [r.report] : []));
  const reader: Pick<Tx, 'run'> = { run: (q, p) => db.read(q, p) };
  const unknown = reports.length > 0 ? await unknownKeys(reader, mergedReferences(reports)) : null;

  const checked = parsed.rows.map((row) => {
    const problems = [...row.problems];
    let entity: string | null = null;
    if (row.report && unknown) {
      problems.push(...referenceProblems(row.report, unknown));
      entity = reportingEntity(caller, row.report);
      if (entity === null)
        problems.push({
          path: 'implementers',
          value: row.report.implementers.map((i) => i.entity).join(', '),
          message: 'none of the entities your credential reports for implements this project',
        });
    }
    return { row, problems, entity };
  });

  const fileProblems = [
    ...parsed.problems,
    ...(parsed.rows.length === 0 && parsed.problems.length === 0
      ? [{ path: 'file', value: null, message: 'holds no project' }]
      : []),
  ];
  const clean = fileProblems.length === 0 && checked.every((c) => c.problems.length === 0);
  const written = clean && !dryRun;
  const submissions = written
    ? await submitMany(
        db,
        caller,
        checked.map((c) => ({
          report: c.row.report as ProjectReport,
          entity: c.entity!,
          clientKey: c.row.idempotencyKey!,
        })),
        { format, rows: checked.length },
      )
    : [];
  return {
    format,
    dryRun,
    written,
    problems: fileProblems,
    rows: checked.map(({ row, problems }, i) => ({
      line: row.line,
      ref: row.ref,
      idempotencyKey: row.idempotencyKey,
      title: row.report?.title ?? null,
      problems,
      warnings: row.warnings,
      submission: submissions[i] ?? null,
    })),
  };
}
