// Reads the seed files: every `*.json` of the given folders, its kind from its name.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  emptyDataset,
  KINDS,
  SeedValidationError,
  validateRecords,
  type Kind,
  type LoadedDataset,
  type RecordOrigin,
  type SeedIssue,
} from '../src/records/index.js';

// Longest prefix first, so "project-identities" is not taken for "projects".
const PREFIXES = (Object.keys(KINDS) as Kind[]).sort((a, b) => b.length - a.length);

/** The kind a file holds, from its name (`projects-a72840-matrix.json` → `projects`). */
export function kindOfFile(file: string): Kind | null {
  const name = basename(file).replace(/\.json$/, '');
  return PREFIXES.find((prefix) => name === prefix || name.startsWith(`${prefix}-`)) ?? null;
}

/** Reads and validates every `*.json` file of the given folders; throws SeedValidationError on any problem. */
export async function readDataset(dirs: readonly string[]): Promise<LoadedDataset> {
  const data = emptyDataset();
  const origin = new Map<object, RecordOrigin>();
  const issues: SeedIssue[] = [];
  const files: string[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    for (const name of names) {
      const file = join(dir, name);
      files.push(file);
      const kind = kindOfFile(name);
      if (kind === null) {
        issues.push({
          file,
          message: `unknown kind: the file name must start with one of ${PREFIXES.join(', ')}`,
        });
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        issues.push({ file, message: `not valid JSON: ${(error as Error).message}` });
        continue;
      }
      for (const { record, index } of validateRecords(kind, file, raw, issues)) {
        (data[kind] as object[]).push(record);
        origin.set(record, { file, index });
      }
    }
  }
  if (issues.length > 0) throw new SeedValidationError(issues);
  return { data, origin, files };
}
