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
  readonly projectAnswerable: number;
  readonly byEvidence: { documented: number; reported: number; inferred: number };
  /** Attached by the resolver when `stated` is selected. */
  readonly stated?: StatedFigureRow[];
}

/** A figure a document states; the mapper of `StatedFigure`. */
export interface StatedFigureRow {
  readonly key: string;
  readonly document: string;
  readonly paragraph: string;
  readonly measure: string;
  readonly dimension: string;
  readonly group: string | null;
  readonly value: number;
  readonly unit: string;
  readonly asWritten: string;
  readonly asOf: string | null;
  readonly note: string | null;
  readonly computed: number | null;
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

/** A ranked candidate; the mapper of `CandidateProject`. */
export interface CandidateProjectRow {
  readonly project: ProjectRow;
  readonly score: number;
  readonly reasons: string[];
  readonly inferred: boolean;
  readonly rulesVersion: string;
}

/** How far a recommendation is answered; the mapper of `ImplementationEvidence`. */
export interface ImplementationEvidenceRow {
  readonly documented: number;
  readonly reported: number;
  readonly inferred: number;
  readonly candidates: number;
  readonly documentedResponses: number;
  readonly noCandidateReason: string | null;
}
