// A recommendation's candidate projects and how far it is answered, read from what the inference
// stored on it at load time (src/inference/): ranked, with reasons, whatever it is addressed to.
import type { Context } from '../graphql/context.js';
import { hasLabel, type LinkRow, type RecommendationRow } from '../core/rows.js';
import { REASON_SEPARATOR, RULES_VERSION } from '../inference/index.js';
import { ALL_LINKS } from '../nodes/index.js';
import type { CandidateProjectRow, ImplementationEvidenceRow } from './analytics.rows.js';

interface StoredCandidate {
  readonly key: string;
  readonly score: number;
  readonly reasons: string[];
  readonly inferred: boolean;
  readonly illustrative: boolean;
}

function stored(r: RecommendationRow): StoredCandidate[] {
  return (r.candidateProjects ?? []).map((key, i) => ({
    key,
    score: r.candidateScores?.[i] ?? 0,
    reasons: (r.candidateReasons?.[i] ?? '').split(REASON_SEPARATOR).filter(Boolean),
    inferred: r.candidateInferred?.[i] === true,
    illustrative: r.candidateIllustrative?.[i] === true,
  }));
}

/** Real links and projects only, per the real-data rule. */
const real = (link: LinkRow) => link.props.illustrative !== true && link.node.illustrative !== true;

/**
 * The best `first` candidates of `r`. In real-data mode illustrative candidates are left out; with
 * illustrative data, a project an illustrative link already ties to the recommendation is no
 * candidate either (that link counts in this mode).
 */
export async function candidatesOf(
  r: RecommendationRow,
  first: number,
  includeIllustrative: boolean,
  ctx: Context,
): Promise<CandidateProjectRow[]> {
  let list = stored(r);
  if (!includeIllustrative) list = list.filter((c) => !c.illustrative);
  else {
    const linked = await ctx.loaders.links('recommendationProjects', ALL_LINKS).load(r.key);
    const keys = new Set(linked.filter((l) => l.props.rulesVersion == null).map((l) => l.node.key));
    list = list.filter((c) => !keys.has(c.key));
  }
  list = list.slice(0, first);
  const projects = await ctx.loaders.nodeByKey('Project').loadMany(list.map((c) => c.key));
  return list.flatMap((c, i) => {
    const project = projects[i];
    if (project instanceof Error) throw project;
    if (!project || !hasLabel(project, ['Project'])) return [];
    return [
      {
        project,
        score: c.score,
        reasons: c.reasons,
        inferred: c.inferred,
        rulesVersion: r.candidateRulesVersion ?? RULES_VERSION,
      },
    ];
  });
}

/** Counts per evidence level of `r`'s real implementation links, and its real candidates. */
export async function implementationEvidence(
  r: RecommendationRow,
  ctx: Context,
): Promise<ImplementationEvidenceRow> {
  const links = (await ctx.loaders.links('recommendationProjects', ALL_LINKS).load(r.key)).filter(
    real,
  );
  const count = (level: string) => links.filter((l) => l.props.evidence === level).length;
  const candidates = stored(r).filter((c) => !c.illustrative).length;
  return {
    documented: count('documented'),
    reported: count('reported'),
    inferred: count('inferred'),
    candidates,
    documentedResponses: r.responseSummaries?.length ?? 0,
    noCandidateReason:
      candidates > 0
        ? null
        : (r.candidateNone ??
          'No candidate among real projects: the rules rank only illustrative projects for it.'),
  };
}
