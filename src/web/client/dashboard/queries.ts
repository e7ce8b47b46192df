// The dashboard's GraphQL operations (schema/analytics.graphql and schema/lists.graphql) and the
// export URLs the README documents, built from the same filters.
import type { Evidence } from '../shared/vocab.js';

/** The coverage dimensions the dashboard charts (`CoverageDimension`). */
export type Dimension = 'PILLAR' | 'REGION' | 'MEMBER_STATE' | 'ENTITY' | 'THEMATIC_AREA';

export const COVERAGE = `query DashboardCoverage($by: CoverageDimension!, $evidence: [Evidence!], $asOf: String, $ill: Boolean!) {
  coverage(by: $by, evidence: $evidence, asOf: $asOf, includeIllustrative: $ill) {
    key label projects recommendations projectAnswerable recommendationsWithProject
    byEvidence { documented reported inferred }
    ratio share
    stated { measure dimension group value unit asWritten asOf note computed source { document { id key title } paragraph } }
  }
}`;

export interface StatedFigure {
  measure: string;
  dimension: string;
  group: string | null;
  value: number;
  unit: string;
  asWritten: string;
  asOf: string | null;
  note: string | null;
  computed: number | null;
  source: { document: { id: string; key: string; title: string }; paragraph: string };
}

export interface CoverageGroup {
  key: string;
  label: string;
  projects: number;
  recommendations: number;
  projectAnswerable: number;
  recommendationsWithProject: number;
  byEvidence: { documented: number; reported: number; inferred: number };
  ratio: number | null;
  share: number | null;
  stated: StatedFigure[];
}

export interface CoverageData {
  coverage: CoverageGroup[];
}

export const STATED_TOTALS = `query DashboardStatedTotals {
  statedFigures(dimension: "TOTAL") { measure dimension group value unit asWritten asOf note computed source { document { id key title } paragraph } }
}`;
export interface StatedTotalsData {
  statedFigures: StatedFigure[];
}

/** Filter choices: source documents (for `asOf`), regions, themes; issuers come from the recommendations. */
export const CHOICES = `query DashboardChoices {
  documents(first: 100) { nodes { id key title date role } }
  regions(first: 100, orderBy: NAME) { nodes { key name nameZh } }
  thematicAreas(first: 100, orderBy: NAME) { nodes { key name nameZh } }
}`;
export interface ChoicesData {
  documents: {
    nodes: { id: string; key: string; title: string; date: string | null; role: string }[];
  };
  regions: { nodes: { key: string; name: string; nameZh: string | null }[] };
  thematicAreas: { nodes: { key: string; name: string; nameZh: string | null }[] };
}

export const ISSUERS = `query DashboardIssuers($after: String, $ill: Boolean!) {
  recommendations(first: 100, after: $after, includeIllustrative: $ill) {
    pageInfo { hasNextPage endCursor }
    nodes { issuer { key name } }
  }
}`;
export interface IssuersData {
  recommendations: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { issuer: { key: string; name: string } | null }[];
  };
}

export const GAPS = `query DashboardGaps($after: String, $where: GapFilter, $evidence: [Evidence!], $answerable: Boolean!, $asOf: String, $ill: Boolean!) {
  recommendationsWithoutProjects(first: 20, after: $after, where: $where, evidence: $evidence, projectAnswerableOnly: $answerable, asOf: $asOf, includeIllustrative: $ill) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id key title summary paragraph illustrative responseKind pillars
      issuer { key name }
      sources { document { id key title } paragraph }
      implementationEvidence { documented reported inferred candidates documentedResponses noCandidateReason }
      candidates(first: 5, includeIllustrative: $ill) { project { id key title } score inferred reasons }
    }
  }
}`;

export interface GapItem {
  id: string;
  key: string;
  title: string;
  summary: string;
  paragraph: string;
  illustrative: boolean;
  responseKind: string | null;
  pillars: string[];
  issuer: { key: string; name: string } | null;
  sources: { document: { id: string; key: string; title: string }; paragraph: string }[];
  implementationEvidence: {
    documented: number;
    reported: number;
    inferred: number;
    candidates: number;
    documentedResponses: number;
    noCandidateReason: string | null;
  };
  candidates: {
    project: { id: string; key: string; title: string };
    score: number;
    inferred: boolean;
    reasons: string[];
  }[];
}

export interface GapsData {
  recommendationsWithoutProjects: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: GapItem[];
  };
}

export const RESOLUTIONS = `query DashboardResolutions($after: String, $body: Body, $evidence: [Evidence!], $asOf: String, $ill: Boolean!) {
  resolutionsWithoutProjects(first: 20, after: $after, body: $body, evidence: $evidence, asOf: $asOf, includeIllustrative: $ill) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id key body year topic illustrative }
  }
}`;
export interface ResolutionsData {
  resolutionsWithoutProjects: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: {
      id: string;
      key: string;
      body: string;
      year: number;
      topic: string;
      illustrative: boolean;
    }[];
  };
}

/** The filters every coverage and gap question shares. */
export interface CommonFilter {
  evidence: readonly Evidence[];
  asOf: string | null;
  illustrative: boolean;
}

/** The gap list's own filters (`GapFilter`), each a list of keys. */
export interface GapFilter {
  issuers: string[];
  addressees: string[];
  regions: string[];
  thematicAreas: string[];
  pillars: string[];
  documents: string[];
}

const DEFAULT_EVIDENCE = 'DOCUMENTED,REPORTED';

/** The parameters of an export URL that differ from its defaults, in a stable order. */
function query(params: Record<string, string | string[] | boolean | null>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === false) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text === '') continue;
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text).replace(/%2C/g, ',')}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

const evidenceParam = (evidence: readonly Evidence[]) => {
  const text = evidence.join(',');
  return text === DEFAULT_EVIDENCE ? null : text;
};

/** `/export/coverage.<format>?by=…` with the dashboard's filters. */
export function coverageExport(
  format: 'csv' | 'json' | 'manifest.json',
  by: Dimension,
  filter: CommonFilter,
): string {
  return `/export/coverage.${format}${query({
    by,
    evidence: evidenceParam(filter.evidence),
    asOf: filter.asOf,
    includeIllustrative: filter.illustrative,
  })}`;
}

/** `/export/recommendations-without-projects.<format>?…` with the gap list's filters. */
export function gapsExport(
  format: 'csv' | 'json' | 'manifest.json',
  filter: CommonFilter,
  where: GapFilter,
  answerableOnly: boolean,
): string {
  return `/export/recommendations-without-projects.${format}${query({
    ...where,
    evidence: evidenceParam(filter.evidence),
    projectAnswerableOnly: answerableOnly ? null : 'false',
    asOf: filter.asOf,
    includeIllustrative: filter.illustrative,
  })}`;
}

/** `/export/resolutions-without-projects.<format>?…` with the dashboard's filters. */
export function resolutionsExport(
  format: 'csv' | 'json' | 'manifest.json',
  body: string | null,
  filter: CommonFilter,
): string {
  return `/export/resolutions-without-projects.${format}${query({
    body,
    evidence: evidenceParam(filter.evidence),
    asOf: filter.asOf,
    includeIllustrative: filter.illustrative,
  })}`;
}
