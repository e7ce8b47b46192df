// Scores every (recommendation, project) pair the rules can connect and keeps the best: the
// candidates of each recommendation and, above a stricter bar, inferred IMPLEMENTS links. Pure and
// deterministic: the same graph gives the same answer, ties broken by project key.
import { PROJECT_ANSWERABLE, THRESHOLDS, WEIGHTS } from './rules.js';
import { terms } from './text.js';

export interface ProjectFeatures {
  readonly key: string;
  readonly illustrative: boolean;
  /** Entities that lead or partner in the project. */
  readonly implementers: readonly string[];
  readonly themes: readonly string[];
  /** States the project benefits, with the name to print. */
  readonly states: readonly { key: string; name: string }[];
  /** Regions the project covers, each with its member States. */
  readonly regions: readonly { key: string; name: string; members: readonly string[] }[];
  readonly endYear: number | null;
  readonly text: string;
}

export interface RecommendationFeatures {
  readonly key: string;
  readonly illustrative: boolean;
  readonly responseKind: string | null;
  readonly entities: readonly string[];
  readonly states: readonly { key: string; name: string }[];
  readonly themes: readonly string[];
  /** Year the recommendation was made (its document's), when known. */
  readonly year: number | null;
  readonly text: string;
  /** Projects already linked by a source or a report: not candidates. */
  readonly linked: readonly string[];
}

export interface Candidate {
  readonly project: string;
  readonly score: number;
  readonly reasons: readonly string[];
  /** Whether the candidate clears the bar of an inferred IMPLEMENTS link. */
  readonly inferred: boolean;
  /** An illustrative project or recommendation makes the candidate illustrative. */
  readonly illustrative: boolean;
}

export interface Inference {
  readonly recommendation: string;
  readonly candidates: readonly Candidate[];
  /** Why there is no candidate; null when there are some. */
  readonly none: string | null;
}

type Kind = 'addressee' | 'theme' | 'place' | 'words';

interface Tally {
  score: number;
  kinds: Set<Kind>;
  reasons: string[];
  themes: number;
}

function index<T>(items: readonly T[], keysOf: (item: T) => Iterable<string>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items)
    for (const key of new Set(keysOf(item))) {
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
  return out;
}

// Code-point order, as Cypher's ORDER BY on strings (localeCompare would differ on case).
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: { key: string }, b: { key: string }) => byCode(a.key, b.key);

/** The inferences for every recommendation, in key order. */
export function inferImplementation(
  projects: readonly ProjectFeatures[],
  recommendations: readonly RecommendationFeatures[],
): Inference[] {
  // Regions sorted once, so a place reason names the first region by key whatever order the
  // graph returned them in.
  const sorted = [...projects]
    .sort(byKey)
    .map((p) => ({ ...p, regions: [...p.regions].sort(byKey) }));
  const projectByKey = new Map(sorted.map((p) => [p.key, p]));
  const projectTerms = new Map(sorted.map((p) => [p.key, terms(p.text)]));
  const byImplementer = index(sorted, (p) => p.implementers);
  const byTheme = index(sorted, (p) => p.themes);
  const byState = index(sorted, (p) => [
    ...p.states.map((s) => s.key),
    ...p.regions.flatMap((r) => r.members),
  ]);
  const byTerm = index(sorted, (p) => projectTerms.get(p.key)!.keys());
  const maxProjects = Math.max(
    THRESHOLDS.termMinCount,
    Math.floor(sorted.length * THRESHOLDS.termMaxShare),
  );

  return [...recommendations].sort(byKey).map((r) => {
    const tallies = new Map<string, Tally>();
    const tally = (p: ProjectFeatures): Tally | null => {
      if (r.linked.includes(p.key)) return null;
      // A project that ended before the recommendation was made cannot answer it.
      if (r.year !== null && p.endYear !== null && p.endYear < r.year) return null;
      let t = tallies.get(p.key);
      if (!t) tallies.set(p.key, (t = { score: 0, kinds: new Set(), reasons: [], themes: 0 }));
      return t;
    };

    for (const entity of [...r.entities].sort())
      for (const p of byImplementer.get(entity) ?? []) {
        const t = tally(p);
        if (!t) continue;
        if (!t.kinds.has('addressee')) t.score += WEIGHTS.addressee;
        t.kinds.add('addressee');
        t.reasons.push(`implemented by ${entity}, to which the recommendation is addressed`);
      }
    for (const theme of [...r.themes].sort())
      for (const p of byTheme.get(theme) ?? []) {
        const t = tally(p);
        if (!t) continue;
        t.kinds.add('theme');
        if (t.themes++ < WEIGHTS.maxThemes) t.score += WEIGHTS.theme;
        t.reasons.push(`both address ${theme}`);
      }
    for (const state of [...r.states].sort(byKey))
      for (const p of byState.get(state.key) ?? []) {
        const t = tally(p);
        if (!t) continue;
        const direct = p.states.some((s) => s.key === state.key);
        const region = direct ? undefined : p.regions.find((g) => g.members.includes(state.key));
        if (!t.kinds.has('place')) t.score += WEIGHTS.place;
        t.kinds.add('place');
        t.reasons.push(
          direct
            ? `benefits ${state.name} (${state.key}), to which the recommendation is addressed`
            : `covers ${region?.name ?? 'a region'}, which includes ${state.name} (${state.key})`,
        );
      }
    const words = terms(r.text);
    const shared = new Map<string, string[]>();
    for (const [stem, word] of [...words].sort(([a], [b]) => byCode(a, b))) {
      const users = byTerm.get(stem) ?? [];
      if (users.length === 0 || users.length > maxProjects) continue;
      for (const p of users) shared.set(p.key, [...(shared.get(p.key) ?? []), word]);
    }
    // Only the projects that share a word, in key order (not a pass over every project).
    for (const key of [...shared.keys()].sort(byCode)) {
      const list = shared.get(key)!;
      const t = tally(projectByKey.get(key)!);
      if (!t) continue;
      t.score += Math.min(list.length, WEIGHTS.maxTerms) * WEIGHTS.term;
      if (list.length >= 2) t.kinds.add('words');
      t.reasons.push(`shares the words ${list.map((w) => `"${w}"`).join(', ')}`);
    }

    const answerable =
      r.responseKind === null || (PROJECT_ANSWERABLE as readonly string[]).includes(r.responseKind);
    const ranked = [...tallies]
      .filter(([, t]) => t.score >= THRESHOLDS.candidateScore && t.kinds.size > 0)
      .sort(([ka, a], [kb, b]) => b.score - a.score || (ka < kb ? -1 : 1))
      .slice(0, THRESHOLDS.candidatesKept);
    let inferredSoFar = 0;
    const candidates = ranked.map(([project, t]): Candidate => {
      const inferred =
        answerable &&
        t.score >= THRESHOLDS.inferredScore &&
        t.kinds.size >= THRESHOLDS.inferredKinds &&
        t.kinds.has('theme') &&
        inferredSoFar++ < THRESHOLDS.inferredKept;
      return {
        project,
        score: t.score,
        reasons: t.reasons,
        inferred,
        illustrative: r.illustrative || projectByKey.get(project)?.illustrative === true,
      };
    });
    return {
      recommendation: r.key,
      candidates,
      none: candidates.length > 0 ? null : whyNone(r, byImplementer),
    };
  });
}

/** Why no project scores for `r`, from what it lacks. */
function whyNone(
  r: RecommendationFeatures,
  byImplementer: ReadonlyMap<string, readonly ProjectFeatures[]>,
): string {
  const lacks: string[] = [];
  if (r.themes.length === 0) lacks.push('it has no thematic area');
  if (r.entities.length === 0 && r.states.length === 0) lacks.push('it is addressed to no one');
  else if (r.entities.length > 0 && r.entities.every((e) => !byImplementer.has(e)))
    lacks.push(`its addressees (${[...r.entities].sort().join(', ')}) implement no project`);
  lacks.push(
    r.themes.length > 0
      ? 'no project that could still answer it shares its areas, addressees, places or distinctive words'
      : 'it shares no distinctive word with a project',
  );
  return `No candidate: ${lacks.join('; ')}.`;
}
