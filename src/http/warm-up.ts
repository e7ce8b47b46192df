// Plans the statements the explorer and the dashboard run before the first visitor needs them:
// on a fresh start Neo4j plans each statement text on first use, which made the first focus in
// the explorer take seconds. Runs once in the background after start-up, in-process (no rate
// limit or cost budget is charged to a client); failures are logged and otherwise ignored.
import type { ApolloServer } from '@apollo/server';
import { LABELS } from '../core/ids.js';
import type { Logger } from '../core/logger.js';
import type { Context } from '../graphql/context.js';

const DIMENSIONS = ['PILLAR', 'REGION', 'MEMBER_STATE', 'ENTITY', 'THEMATIC_AREA'];
const EVIDENCE = ['[DOCUMENTED, REPORTED]', '[DOCUMENTED, REPORTED, INFERRED]'];
const DEGREES = 'degrees { id total byType { type direction count } }';
/** Any document key: an unknown one still plans the statements. */
const AS_OF = 'A/72/840';

/** The operations whose statements the pages run, each once. Unknown keys still plan a statement. */
export const WARM_UP_OPERATIONS: readonly string[] = [
  '{ meta { labels { label count } relationshipTypes { type count } } }',
  '{ search(text: "CTED", first: 30) { score node { id } } }',
  '{ search(text: "反恐怖主义委员会执行局", first: 30) { score node { id } } }',
  // One neighbourhood per label (each label has its own statement), and again with a list of
  // relationship types: Neo4j plans a statement again when a parameter's type changes (null → list).
  ...LABELS.flatMap((label) => [
    `{ neighborhood(id: "${label}:CTED", limitPerType: 25) { nodes { id } edges { id } ${DEGREES} } }`,
    `{ neighborhood(id: "${label}:CTED", relationshipTypes: ["CITED_IN"]) { nodes { id } } }`,
  ]),
  `{ neighborhood(id: "Entity:CTED", depth: 2, limitPerType: 5) { nodes { id } ${DEGREES} } }`,
  '{ paths(from: "Entity:CTED", to: "MemberState:NGA") { length nodes { id } edges { id } } }',
  '{ edgesAmong(ids: ["Entity:CTED", "Entity:UNOCT"]) { id } }',
  ...DIMENSIONS.flatMap((by) =>
    EVIDENCE.map(
      (evidence) =>
        `{ coverage(by: ${by}, evidence: ${evidence}) { key projects recommendationsWithProject stated { value } } }`,
    ),
  ),
  ...EVIDENCE.map(
    (evidence) =>
      `{ recommendationsWithoutProjects(first: 50, evidence: ${evidence}) { totalCount nodes { key candidates(first: 5) { score project { key } } } } }`,
  ),
  '{ resolutionsWithoutProjects(first: 50) { totalCount nodes { key } } }',
  // The dashboard's "as of" filter, at its default evidence levels: `asOf` null → a key.
  ...DIMENSIONS.map(
    (by) => `{ coverage(by: ${by}, asOf: "${AS_OF}") { key projects recommendationsWithProject } }`,
  ),
  `{ recommendationsWithoutProjects(first: 20, asOf: "${AS_OF}") { totalCount nodes { key } } }`,
  `{ resolutionsWithoutProjects(first: 20, asOf: "${AS_OF}") { totalCount nodes { key } } }`,
  '{ statedFigures { measure value } }',
];

/** Runs every warm-up operation once, one at a time; resolves with how many answered without error. */
export async function warmUp(
  apollo: ApolloServer<Context>,
  contextFor: () => Promise<Context>,
  log: Logger,
): Promise<number> {
  let ok = 0;
  const started = Date.now();
  for (const query of WARM_UP_OPERATIONS) {
    try {
      const response = await apollo.executeOperation(
        { query },
        { contextValue: await contextFor() },
      );
      const errors =
        response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
      if (errors === undefined) ok += 1;
      else log.debug({ query, errors }, 'warm-up operation answered with errors');
    } catch (error) {
      log.debug({ err: error, query }, 'warm-up operation failed');
    }
  }
  log.info({ operations: WARM_UP_OPERATIONS.length, ok, ms: Date.now() - started }, 'warmed up');
  return ok;
}
