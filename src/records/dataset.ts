// Records in memory: where each came from, how a problem names it, and their validation.
import type { z } from 'zod';
import { KINDS, type Dataset, type Kind } from './schema.js';

/** One problem in a seed file: which file, which record, which field, and what is wrong. */
export interface SeedIssue {
  readonly file: string;
  readonly record?: string;
  readonly field?: string;
  readonly message: string;
}

/** Thrown before anything is written when any file or record is invalid; lists every issue. */
export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(
    readonly issues: readonly SeedIssue[],
    /** What was rejected, as the message opens: `Seed data`, `Confidential records`. */
    what = 'Seed data',
  ) {
    super(
      `${what} rejected (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was written:\n` +
        issues
          .slice(0, 50)
          .map(
            (i) =>
              `  ${i.file}${i.record ? ` ${i.record}` : ''}${i.field ? ` field "${i.field}"` : ''}: ${i.message}`,
          )
          .join('\n') +
        (issues.length > 50 ? `\n  … and ${issues.length - 50} more` : ''),
    );
  }
}

/** Where a record was read: its file and its position in that file's array (0-based). */
export interface RecordOrigin {
  readonly file: string;
  readonly index: number;
}

/** A dataset with every record annotated with where it came from (for error messages). */
export interface LoadedDataset {
  readonly data: Dataset;
  /** Parsed record → its origin. Records built in memory (test fixtures) have none. */
  readonly origin: ReadonlyMap<object, RecordOrigin>;
  readonly files: readonly string[];
}

export function emptyDataset(): Dataset {
  return {
    documents: [],
    'member-states': [],
    regions: [],
    entities: [],
    resolutions: [],
    'legal-instruments': [],
    'thematic-areas': [],
    projects: [],
    recommendations: [],
    contributions: [],
    'project-identities': [],
    reconciliation: [],
    'stated-figures': [],
  };
}

/**
 * How issues name a record: its 1-based position in its file, and its key when it has one
 * (`record #3 (key "UNCCT-2017-74")`).
 */
export function recordLabel(raw: unknown, index: number): string {
  const key = raw !== null && typeof raw === 'object' && 'key' in raw ? raw.key : undefined;
  return typeof key === 'string' ? `record #${index + 1} (key "${key}")` : `record #${index + 1}`;
}

/**
 * Validates raw records of one kind; pushes one issue per invalid field. Returns the valid
 * records, each with its index in `raw`.
 */
export function validateRecords(
  kind: Kind,
  file: string,
  raw: unknown,
  issues: SeedIssue[],
  /** A stricter schema for the kind (confidential recommendations add a field). */
  schemaOverride?: z.ZodType,
): { record: object; index: number }[] {
  if (!Array.isArray(raw)) {
    issues.push({ file, message: 'must contain a JSON array of records' });
    return [];
  }
  const schema: z.ZodType = schemaOverride ?? KINDS[kind];
  const parsed: { record: object; index: number }[] = [];
  raw.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) {
      parsed.push({ record: result.data as object, index });
    } else {
      for (const issue of result.error.issues) {
        issues.push({
          file,
          record: recordLabel(item, index),
          field: issue.path.join('.'),
          message: issue.message,
        });
      }
    }
  });
  return parsed;
}
