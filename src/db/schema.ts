import { LABELS } from '../core/ids.js';
import { cypher, trustedCypher, type Cypher } from './cypher.js';
import type { Db } from './db.js';

type SchemaStatement = Cypher<Record<string, never>, unknown>;

// Text built at module load from the closed LABELS tuple, never from input.
const constraints: SchemaStatement[] = LABELS.map((label) =>
  trustedCypher(
    `constraint${label}Key`,
    `CREATE CONSTRAINT ${label.charAt(0).toLowerCase()}${label.slice(1)}Key IF NOT EXISTS FOR (n:${label}) REQUIRE n.key IS UNIQUE`,
  ),
);

// API keys (src/access/) sit beside the graph: found by their public id, named uniquely.
const accessConstraints: SchemaStatement[] = [
  cypher<Record<string, never>, unknown>(
    'constraintApiKeyId',
  )`CREATE CONSTRAINT apiKeyId IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE`,
  cypher<Record<string, never>, unknown>(
    'constraintApiKeyName',
  )`CREATE CONSTRAINT apiKeyName IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.name IS UNIQUE`,
];

// Reported submissions (src/reporting/): a client's idempotency key makes one submission, and a
// project has one submission per version, even when two requests race.
const reportingConstraints: SchemaStatement[] = [
  cypher<Record<string, never>, unknown>(
    'constraintSubmissionId',
  )`CREATE CONSTRAINT submissionId IF NOT EXISTS FOR (s:Submission) REQUIRE s.id IS UNIQUE`,
  cypher<Record<string, never>, unknown>(
    'constraintSubmissionIdempotency',
  )`CREATE CONSTRAINT submissionIdempotency IF NOT EXISTS FOR (s:Submission) REQUIRE s.idempotencyKey IS UNIQUE`,
  cypher<Record<string, never>, unknown>(
    'constraintSubmissionVersion',
  )`CREATE CONSTRAINT submissionVersion IF NOT EXISTS FOR (s:Submission) REQUIRE (s.projectKey, s.version) IS UNIQUE`,
  cypher<Record<string, never>, unknown>(
    'constraintAuditEventId',
  )`CREATE CONSTRAINT auditEventId IF NOT EXISTS FOR (a:AuditEvent) REQUIRE a.id IS UNIQUE`,
  cypher<Record<string, never>, unknown>(
    'indexAuditEventTarget',
  )`CREATE INDEX auditEventTarget IF NOT EXISTS FOR (a:AuditEvent) ON (a.target)`,
  cypher<Record<string, never>, unknown>(
    'indexSubmissionStatus',
  )`CREATE INDEX submissionStatus IF NOT EXISTS FOR (s:Submission) ON (s.status)`,
];

const indexes: SchemaStatement[] = [
  cypher<Record<string, never>, unknown>(
    'indexProjectStatus',
  )`CREATE INDEX projectStatus IF NOT EXISTS FOR (n:Project) ON (n.status)`,
  cypher<Record<string, never>, unknown>(
    'indexProjectIllustrative',
  )`CREATE INDEX projectIllustrative IF NOT EXISTS FOR (n:Project) ON (n.illustrative)`,
  cypher<Record<string, never>, unknown>(
    'indexRecommendationIllustrative',
  )`CREATE INDEX recommendationIllustrative IF NOT EXISTS FOR (n:Recommendation) ON (n.illustrative)`,
  cypher<Record<string, never>, unknown>(
    'indexResolutionYear',
  )`CREATE INDEX resolutionYear IF NOT EXISTS FOR (n:Resolution) ON (n.year)`,
  trustedCypher(
    'indexSearch',
    `CREATE FULLTEXT INDEX ctkgSearch IF NOT EXISTS FOR (n:${LABELS.join('|')}) ON EACH [n.searchText]`,
  ),
  // Chinese names: the CJK analyzer indexes bigrams, so 反恐怖主义委员会执行局 matches as a phrase.
  trustedCypher(
    'indexSearchZh',
    `CREATE FULLTEXT INDEX ctkgSearchZh IF NOT EXISTS FOR (n:${LABELS.join('|')}) ON EACH [n.nameZh] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`,
  ),
];

const awaitIndexes = cypher<Record<string, never>, unknown>(
  'awaitIndexes',
)`CALL db.awaitIndexes(300)`;

/**
 * Creates the uniqueness constraints (one per label, on `key`) and the indexes, idempotently,
 * and waits until they are online. Used by the server at start-up, by the seed and by tests.
 */
export async function ensureSchema(db: Db): Promise<void> {
  for (const statement of [
    ...constraints,
    ...accessConstraints,
    ...reportingConstraints,
    ...indexes,
  ]) {
    await db.write(statement, {});
  }
  await db.write(awaitIndexes, {});
}
