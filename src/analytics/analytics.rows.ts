// Row types of the analytics area: what its Cypher returns, and the codegen mappers of its types.
import type {
  EntityRow,
  MemberStateRow,
  ProjectRow,
  RecommendationRow,
  ThematicAreaRow,
} from '../core/rows.js';

/** One group of `coverage`; the mapper of `CoverageGroup`. */
export interface CoverageGroupRow {
  readonly key: string;
  readonly label: string;
  readonly projects: number;
  readonly recommendations: number;
  readonly recommendationsWithProject: number;
  readonly ratio: number | null;
  readonly share: number | null;
}

/** One ranked Member State; the mapper of `MemberStateGap`. */
export interface MemberStateGapRow {
  readonly memberState: MemberStateRow;
  readonly recommendations: number;
  readonly unaddressed: number;
  readonly unaddressedRecommendations: RecommendationRow[];
}

/** One pair of overlapping projects; the mapper of `ProjectOverlap`. */
export interface ProjectOverlapRow {
  readonly project: ProjectRow;
  readonly otherProject: ProjectRow;
  readonly projectLeads: EntityRow[];
  readonly otherProjectLeads: EntityRow[];
  readonly memberStates: MemberStateRow[];
  readonly thematicAreas: ThematicAreaRow[];
  readonly overlapStart: number;
  readonly overlapEnd: number;
}

/** What makes a project a candidate for a recommendation, before scoring. */
export interface CandidateMatchRow {
  readonly project: ProjectRow;
  /** Member States the recommendation is addressed to that the project benefits. */
  readonly states: { key: string; name: string }[];
  /** Regions the project covers that contain a Member State the recommendation is addressed to. */
  readonly regions: { key: string; name: string; state: string }[];
  /** Thematic area keys both address. */
  readonly themes: string[];
  /** Pillars both carry. */
  readonly pillars: string[];
  /** True when the project is linked to the recommendation only by a link that does not count in this mode. */
  readonly illustrativeLink: boolean;
}

/** The answer of `candidateMatches`: `found` is false for an unknown recommendation. */
export interface CandidateMatchesRow {
  readonly found: boolean;
  readonly candidates: CandidateMatchRow[];
}

/** A scored candidate; the mapper of `CandidateProject`. */
export interface CandidateProjectRow {
  readonly project: ProjectRow;
  readonly score: number;
  readonly reasons: string[];
}
