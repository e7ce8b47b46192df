// Imports confidential recommendations (CTED's country recommendations are shared only with the
// State concerned): seed-format recommendation records plus `confidentialTo`, the States entitled
// to read each. Every record is checked before anything is written; the write is one statement.
import { z } from 'zod';
import type { Db } from '../db/db.js';
import {
  RecommendationRecord,
  SeedValidationError,
  validateRecords,
  type SeedIssue,
} from '../records/index.js';
import {
  publicKeysTaken,
  unknownConfidentialRefs,
  upsertConfidential,
  type ConfidentialInput,
} from './confidential.cypher.js';

export const ConfidentialRecommendationRecord = RecommendationRecord.extend({
  confidentialTo: z
    .array(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code'))
    .min(1, 'name at least one Member State entitled to the record'),
});
type ConfidentialRecommendation = z.infer<typeof ConfidentialRecommendationRecord>;

function toRow(r: ConfidentialRecommendation, recordedBy: string): ConfidentialInput {
  return {
    key: r.key,
    title: r.title,
    summary: r.summary,
    issuer: r.issuer,
    audience: r.audience,
    addressedStates: r.addressedTo.flatMap((a) => ('state' in a ? [a.state] : [])),
    addressedEntities: r.addressedTo.flatMap((a) => ('entity' in a ? [a.entity] : [])),
    themes: r.themes.map((t) => t.theme),
    paragraph: r.paragraph,
    sourceDocuments: r.sources.map((s) => s.document),
    sourceParagraphs: r.sources.map((s) => s.paragraph),
    entitledStates: [...new Set(r.confidentialTo)],
    recordedBy,
  };
}

/** Validates `raw` (the parsed file) and writes it; returns how many records were written. */
export async function importConfidential(
  db: Db,
  file: string,
  raw: unknown,
  recordedBy: string,
): Promise<number> {
  const issues: SeedIssue[] = [];
  const records = validateRecords(
    'recommendations',
    file,
    raw,
    issues,
    ConfidentialRecommendationRecord,
  ).map(({ record }) => record as ConfidentialRecommendation);
  const seen = new Set<string>();
  for (const r of records) {
    const at = { file, record: `key "${r.key}"` };
    if (seen.has(r.key)) issues.push({ ...at, field: 'key', message: 'listed twice' });
    seen.add(r.key);
    if (r.implementedBy.length > 0 || r.responses.length > 0 || r.refersTo.length > 0)
      issues.push({
        ...at,
        field: 'implementedBy',
        message:
          'confidential records keep no links to public records but issuer, addressees and themes',
      });
  }
  if (records.length > 0) {
    const rows = records.map((r) => toRow(r, recordedBy));
    const [unknown] = await db.read(unknownConfidentialRefs, {
      entities: [...new Set(rows.flatMap((r) => [r.issuer, ...r.addressedEntities]))],
      states: [...new Set(rows.flatMap((r) => [...r.addressedStates, ...r.entitledStates]))],
      themes: [...new Set(rows.flatMap((r) => r.themes))],
    });
    for (const r of rows) {
      const at = { file, record: `key "${r.key}"` };
      for (const e of [r.issuer, ...r.addressedEntities].filter((e) =>
        unknown?.entities.includes(e),
      ))
        issues.push({ ...at, field: 'issuer/addressedTo', message: `unknown entity "${e}"` });
      for (const s of [...r.addressedStates, ...r.entitledStates].filter((s) =>
        unknown?.states.includes(s),
      ))
        issues.push({
          ...at,
          field: 'addressedTo/confidentialTo',
          message: `unknown Member State "${s}"`,
        });
      for (const t of r.themes.filter((t) => unknown?.themes.includes(t)))
        issues.push({ ...at, field: 'themes', message: `unknown thematic area "${t}"` });
    }
    for (const key of await db.read(publicKeysTaken, { keys: rows.map((r) => r.key) }))
      issues.push({
        file,
        record: `key "${key}"`,
        field: 'key',
        message: 'a public recommendation has this key',
      });
    if (issues.length === 0) return (await db.write(upsertConfidential, { rows }))[0] ?? 0;
  }
  throw new SeedValidationError(
    issues.length > 0 ? issues : [{ file, message: 'holds no record' }],
    'Confidential records',
  );
}
