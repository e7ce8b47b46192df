import type { CandidateMatchRow, CandidateProjectRow } from './analytics.rows.js';

// Code-point order, as Cypher's ORDER BY on strings (localeCompare would differ on case and punctuation).
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Points per kind of match; the SDL description of `CandidateProject.score` states the same weights. */
export const CANDIDATE_WEIGHTS = { state: 3, region: 2, theme: 2, pillar: 1 } as const;

/**
 * Scores one candidate and explains the score: one reason per point source, in the order
 * States, regions, themes, pillars (then a note on an illustrative link, which scores nothing).
 */
export function scoreCandidate(match: CandidateMatchRow): CandidateProjectRow {
  const reasons: string[] = [];
  let score = 0;
  const states = new Map(match.states.map((s) => [s.key, s]));
  for (const s of [...states.values()].sort((a, b) => byCode(a.key, b.key))) {
    score += CANDIDATE_WEIGHTS.state;
    reasons.push(`benefits ${s.name} (${s.key})`);
  }
  // A region counts once, whichever addressed States it contains.
  const regions = new Map<string, { name: string; states: Set<string> }>();
  for (const g of match.regions) {
    const seen = regions.get(g.key) ?? { name: g.name, states: new Set<string>() };
    seen.states.add(g.state);
    regions.set(g.key, seen);
  }
  for (const [key, g] of [...regions].sort(([a], [b]) => byCode(a, b))) {
    score += CANDIDATE_WEIGHTS.region;
    reasons.push(`covers ${g.name} (${key}), which contains ${[...g.states].sort().join(', ')}`);
  }
  for (const t of [...new Set(match.themes)].sort()) {
    score += CANDIDATE_WEIGHTS.theme;
    reasons.push(`addresses ${t}`);
  }
  for (const p of [...new Set(match.pillars)].sort()) {
    score += CANDIDATE_WEIGHTS.pillar;
    reasons.push(`shares pillar ${p}`);
  }
  if (match.illustrativeLink)
    reasons.push('linked to the recommendation only by an illustrative link');
  return { project: match.project, score, reasons };
}

/** Scores every candidate and returns the best `first`: highest score first, ties by project key. */
export function rankCandidates(
  matches: readonly CandidateMatchRow[],
  first: number,
): CandidateProjectRow[] {
  return matches
    .map(scoreCandidate)
    .sort((a, b) => b.score - a.score || byCode(a.project.key, b.project.key))
    .slice(0, first);
}
