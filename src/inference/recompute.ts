// Recomputes every inference inside the caller's write transaction: the loader calls it on every
// load, so inferred links and candidates always describe the graph as it now is.
import type { Tx } from '../db/db.js';
import { inferImplementation } from './infer.js';
import {
  REASON_SEPARATOR,
  dropInferred,
  projectFeatures,
  recommendationFeatures,
  writeCandidates,
  writeInferred,
} from './inference.cypher.js';
import { RULES_VERSION } from './rules.js';

const CHUNK = 1000;

export interface InferenceSummary {
  readonly rulesVersion: string;
  readonly inferredLinks: number;
  readonly recommendationsWithCandidates: number;
}

export async function recomputeInferences(tx: Tx): Promise<InferenceSummary> {
  const projects = await tx.run(projectFeatures, {});
  const recommendations = await tx.run(recommendationFeatures, {});
  const inferences = inferImplementation(projects, recommendations);
  await tx.run(dropInferred, {});
  const links = inferences.flatMap((i) =>
    i.candidates
      .filter((c) => c.inferred)
      .map((c) => ({
        project: c.project,
        recommendation: i.recommendation,
        score: c.score,
        reasons: c.reasons,
        illustrative: c.illustrative,
      })),
  );
  for (let at = 0; at < links.length; at += CHUNK)
    await tx.run(writeInferred, { rows: links.slice(at, at + CHUNK), version: RULES_VERSION });
  const lists = inferences.map((i) => ({
    recommendation: i.recommendation,
    projects: i.candidates.map((c) => c.project),
    scores: i.candidates.map((c) => c.score),
    reasons: i.candidates.map((c) => c.reasons.join(REASON_SEPARATOR)),
    illustrative: i.candidates.map((c) => c.illustrative),
    inferred: i.candidates.map((c) => c.inferred),
    none: i.none,
  }));
  for (let at = 0; at < lists.length; at += CHUNK)
    await tx.run(writeCandidates, { rows: lists.slice(at, at + CHUNK), version: RULES_VERSION });
  return {
    rulesVersion: RULES_VERSION,
    inferredLinks: links.length,
    recommendationsWithCandidates: inferences.filter((i) => i.candidates.length > 0).length,
  };
}
