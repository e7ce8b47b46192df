// Row types shared by every area: nodes, links and pages as the Cypher returns them, and the
// codegen mappers of the node types. Each area keeps its own rows beside it (explorer, analytics).
import type { Label } from './ids.js';

interface BaseRow {
  readonly key: string;
  readonly illustrative: boolean;
  readonly note: string | null;
  /** Sources compiled into the statement that read the row (see projection.ts); else loaded. */
  readonly _sources?: SourceRow[];
  /** Link lists compiled into the statement that read the row, by `linkSlot`; else loaded. */
  readonly _links?: Readonly<Record<string, LinkRow[]>>;
  /** Compiled link lists none of whose link properties were selected: the far nodes only. */
  readonly _nodes?: Readonly<Record<string, NodeRow[]>>;
}

/**
 * Who reported a published project (and its report document) and who accepted it; absent on
 * what the documents state. Written by the reporting area.
 */
export interface ReportProvenanceRow {
  readonly reportedBy?: string | null;
  readonly reportSubmittedBy?: string | null;
  readonly reportedAt?: string | null;
  readonly reportAcceptedBy?: string | null;
  readonly reportAcceptedAt?: string | null;
  readonly reportVersion?: number | null;
  readonly reportSubmission?: string | null;
}

export interface ProjectRow extends BaseRow, ReportProvenanceRow {
  readonly label: 'Project';
  readonly title: string;
  readonly aliases: string[];
  readonly codes: string[];
  readonly pillars: string[];
  readonly summary: string | null;
  readonly startYear: number | null;
  readonly endYear: number | null;
  readonly periodAsWritten: string | null;
  readonly status: string;
  readonly statusValues: string[];
  readonly statusAsWritten: string[];
  readonly statusAsOf: string[];
  readonly statusDocuments: string[];
  readonly statusParagraphs: string[];
  readonly budgetAmounts: number[];
  readonly budgetCurrencies: string[];
  readonly budgetKinds: string[];
  readonly budgetYears: number[];
  readonly budgetDocuments: string[];
  readonly budgetParagraphs: string[];
  readonly global: boolean;
  readonly scopeAsWritten: string | null;
}

export interface RecommendationRow extends BaseRow {
  readonly label: 'Recommendation';
  readonly title: string;
  readonly summary: string;
  readonly audience: string;
  readonly pillars: string[];
  readonly paragraph: string;
  readonly heading: string | null;
  readonly document: string | null;
  readonly responseKind?: string | null;
  readonly responseReason?: string | null;
  readonly responseSummaries?: string[];
  readonly responseDocuments?: string[];
  readonly responseParagraphs?: string[];
  /** The inference's candidates, best first, as parallel lists (see src/inference/). */
  readonly candidateProjects?: string[];
  readonly candidateScores?: number[];
  readonly candidateReasons?: string[];
  readonly candidateIllustrative?: boolean[];
  readonly candidateInferred?: boolean[];
  readonly candidateNone?: string | null;
  readonly candidateRulesVersion?: string | null;
}

export interface EntityRow extends BaseRow {
  readonly label: 'Entity';
  readonly name: string;
  readonly nameZh: string | null;
  readonly aliases: string[];
  readonly kind: string;
  readonly compactMember: boolean | null;
}

export interface MemberStateRow extends BaseRow {
  readonly label: 'MemberState';
  readonly name: string;
  readonly nameZh: string | null;
  readonly aliases: string[];
  readonly observer: boolean;
}

export interface RegionRow extends BaseRow {
  readonly label: 'Region';
  readonly name: string;
  readonly nameZh: string | null;
  readonly aliases: string[];
  readonly kind: string;
}

export interface ResolutionRow extends BaseRow {
  readonly label: 'Resolution';
  readonly kind: string;
  readonly body: 'SC' | 'GA' | 'HRC';
  readonly number: string;
  readonly year: number;
  readonly topic: string;
  readonly asWritten: string[];
  readonly correction: string | null;
}

export interface LegalInstrumentRow extends BaseRow {
  readonly label: 'LegalInstrument';
  readonly name: string;
  readonly shortName: string | null;
  readonly year: number;
}

export interface ThematicAreaRow extends BaseRow {
  readonly label: 'ThematicArea';
  readonly name: string;
  readonly nameZh: string | null;
  readonly description: string;
  readonly workingGroup: string | null;
}

export interface DocumentRow extends BaseRow, ReportProvenanceRow {
  readonly label: 'Document';
  readonly title: string;
  readonly symbol: string | null;
  readonly symbolPrinted: boolean;
  readonly date: string | null;
  readonly dateNote: string | null;
  readonly language: string;
  readonly publisher: string | null;
  readonly role: string;
  readonly reconciliationScopes: string[] | null;
  readonly reconciliationStated: string[] | null;
  readonly reconciliationParsed: string[] | null;
  readonly reconciliationNotes: string[] | null;
}

/** Any node row; `label` tells which (the `Node` interface resolves its type from it). */
export type NodeRow =
  | ProjectRow
  | RecommendationRow
  | EntityRow
  | MemberStateRow
  | RegionRow
  | ResolutionRow
  | LegalInstrumentRow
  | ThematicAreaRow
  | DocumentRow;

/** A place in a document; the document is loaded by key when asked for. */
export interface SourceRow {
  readonly document: string;
  readonly paragraph: string;
  /** The document itself, when the statement that read the source projected it. */
  readonly doc?: NodeRow;
}

export interface StatusReportRow {
  readonly status: string;
  readonly asWritten: string | null;
  readonly asOf: string | null;
  readonly source: SourceRow;
}

export interface BudgetRow {
  readonly amount: number;
  readonly currency: string;
  readonly kind: string | null;
  readonly year: number | null;
  readonly source: SourceRow;
}

/** Relationship properties as stored (every document-derived link has the two source lists). */
export interface LinkProps {
  /** For a reported link: why the reporting entity says it holds. */
  readonly justification?: string | null;
  readonly sourceDocuments?: string[];
  readonly sourceParagraphs?: string[];
  readonly illustrative?: boolean;
  readonly how?: string | null;
  readonly rule?: string | null;
  readonly role?: string | null;
  readonly basis?: string | null;
  readonly [other: string]: unknown;
}

/** One link from a node: the node at the other end and the relationship's properties. */
export interface LinkRow {
  /** Key of the node the link was loaded from (set by the loaders, which batch many nodes). */
  readonly key?: string;
  readonly props: LinkProps;
  readonly node: NodeRow;
}

export interface ContributionRow {
  readonly contributor: NodeRow;
  readonly recipient: NodeRow;
  readonly props: LinkProps;
}

/** A page of a list: the rows of the page, the total and where the page starts. */
export interface ConnectionRow<Row extends NodeRow = NodeRow> {
  /** Counted only when the query selects `totalCount` or `pageInfo`; 0 otherwise. */
  readonly total: number;
  readonly offset: number;
  readonly nodes: Row[];
}

/** The node rows of one label (`RowOf<'Entity'>` is `EntityRow`). */
export type RowOf<L extends NodeRow['label']> = Extract<NodeRow, { label: L }>;

/** Whether `row` has one of `labels`: narrows a link's far end to the row type the field promises. */
export function hasLabel<L extends NodeRow['label']>(
  row: NodeRow,
  labels: readonly L[],
): row is RowOf<L> {
  return (labels as readonly string[]).includes(row.label);
}

/** The row if it has `label` (a loader's answer narrowed to the type a field promises), else null. */
export function asLabel<L extends NodeRow['label']>(
  row: NodeRow | null | Error,
  label: L,
): RowOf<L> | null {
  return row !== null && !(row instanceof Error) && hasLabel(row, [label]) ? row : null;
}

// The mappers of the connection types: a page of one label's rows.
export type ProjectConnectionRow = ConnectionRow<ProjectRow>;
export type RecommendationConnectionRow = ConnectionRow<RecommendationRow>;
export type ResolutionConnectionRow = ConnectionRow<ResolutionRow>;
export type LegalInstrumentConnectionRow = ConnectionRow<LegalInstrumentRow>;
export type MemberStateConnectionRow = ConnectionRow<MemberStateRow>;
export type RegionConnectionRow = ConnectionRow<RegionRow>;
export type EntityConnectionRow = ConnectionRow<EntityRow>;
export type ThematicAreaConnectionRow = ConnectionRow<ThematicAreaRow>;
export type DocumentConnectionRow = ConnectionRow<DocumentRow>;

export type { Label };
