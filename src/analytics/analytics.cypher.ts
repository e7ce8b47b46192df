import { trustedCypher, type Cypher } from '../db/cypher.js';
import { nodeProjection, pageTail, rowsTail } from '../db/fragments.js';
import type { Int } from '../db/values.js';
import type { ConnectionRow, ResolutionRow } from '../nodes/rows.js';
import type {
  CandidateMatchesRow,
  CoverageGroupRow,
  MemberStateGapRow,
  ProjectOverlapRow,
} from './analytics.rows.js';

// An implementation counts only if neither the link nor the project is illustrative, unless
// illustrative data is asked for (the same rule as `recommendationsWithoutProjects`).
const implemented = (r: string) => `EXISTS {
    (q:Project)-[i:IMPLEMENTS]->(${r})
    WHERE $includeIllustrative OR (NOT coalesce(i.illustrative, false) AND NOT coalesce(q.illustrative, false)) }`;

const node = nodeProjection;

export type ResolutionGapParams = {
  skip: Int;
  first: Int;
  body: string | null;
  includeIllustrative: boolean;
};

// The resolution gap: shared by the GraphQL page and the export, so they cannot disagree.
const resolutionGapMatch = `
  MATCH (x:Resolution)
  WHERE ($includeIllustrative OR NOT coalesce(x.illustrative, false))
    AND ($body IS NULL OR x.body = $body)
    AND NOT EXISTS {
      (p:Project)-[s:SUPPORTS]->(x)
      WHERE $includeIllustrative OR (NOT coalesce(s.illustrative, false) AND NOT coalesce(p.illustrative, false)) }`;

/** Resolutions that no counting project SUPPORTS, as one page row (year, key order). */
export const resolutionsWithoutProjects = trustedCypher<ResolutionGapParams, ConnectionRow>(
  'resolutionsWithoutProjects',
  resolutionGapMatch + pageTail('x', 'x.year, x.key'),
);

export type ResolutionGapFilter = Omit<ResolutionGapParams, 'skip' | 'first'>;

/**
 * The resolution gap for the export: one record per resolution, in the order of
 * `resolutionsWithoutProjects` (year, key), at most `$limit`, streamed rather than paged.
 */
export const resolutionsWithoutProjectsRows = trustedCypher<
  ResolutionGapFilter & { limit: Int },
  ResolutionRow
>('resolutionsWithoutProjectsRows', resolutionGapMatch + rowsTail('x', 'x.year, x.key'));

/** How many resolutions the gap matches (its `totalCount`), as one row. */
export const resolutionsWithoutProjectsCount = trustedCypher<ResolutionGapFilter, number>(
  'resolutionsWithoutProjectsCount',
  resolutionGapMatch +
    `
  RETURN count(x) AS row`,
);

export const COVERAGE_DIMENSIONS = [
  'PILLAR',
  'REGION',
  'MEMBER_STATE',
  'ENTITY',
  'THEMATIC_AREA',
] as const;
export type CoverageDimension = (typeof COVERAGE_DIMENSIONS)[number];

interface CoverageParts {
  /** Yields one row per group: `n` (node or pillar value), `key`, `label`, and passes `allProjects` on. */
  readonly groups: string;
  /** Matches the projects `p` of group `n` (may repeat a project; counted distinct). */
  readonly projects: string;
  /** Matches the recommendations `r` of group `n`. */
  readonly recommendations: string;
}

const nodeGroups = (label: string) => `
  MATCH (n:${label}) WHERE $includeIllustrative OR NOT coalesce(n.illustrative, false)
  WITH allProjects, n, n.key AS key, coalesce(n.name, n.key) AS label`;

const COVERAGE_PARTS: Record<CoverageDimension, CoverageParts> = {
  PILLAR: {
    groups: `
  UNWIND [['I', 'Pillar I: conditions conducive to terrorism'], ['II', 'Pillar II: preventing and combating terrorism'],
          ['III', "Pillar III: States' capacity and the UN system"], ['IV', 'Pillar IV: human rights and the rule of law']] AS pillar
  WITH allProjects, pillar[0] AS n, pillar[0] AS key, pillar[1] AS label`,
    // Four groups: a label scan per pillar is cheaper than any index here.
    projects: `MATCH (p:Project) WHERE n IN p.pillars`,
    recommendations: `MATCH (r:Recommendation) WHERE n IN r.pillars`,
  },
  REGION: {
    groups: nodeGroups('Region'),
    // UNION: a project covering the region and one benefiting a member State are both in it.
    projects: `MATCH (p:Project)-[:COVERS]->(n) RETURN p
      UNION
      MATCH (p:Project)-[:BENEFITS]->(:MemberState)-[:MEMBER_OF]->(n) RETURN p`,
    recommendations: `MATCH (r:Recommendation)-[:ADDRESSED_TO]->(:MemberState)-[:MEMBER_OF]->(n)`,
  },
  MEMBER_STATE: {
    groups: nodeGroups('MemberState'),
    projects: `MATCH (p:Project)-[:BENEFITS]->(n) RETURN p`,
    recommendations: `MATCH (r:Recommendation)-[:ADDRESSED_TO]->(n)`,
  },
  ENTITY: {
    groups: nodeGroups('Entity'),
    projects: `MATCH (p:Project)-[:IMPLEMENTED_BY]->(n) RETURN p`,
    recommendations: `MATCH (r:Recommendation)-[:ADDRESSED_TO]->(n)`,
  },
  THEMATIC_AREA: {
    groups: nodeGroups('ThematicArea'),
    projects: `MATCH (p:Project)-[:ADDRESSES]->(n) RETURN p`,
    recommendations: `MATCH (r:Recommendation)-[:ADDRESSES]->(n)`,
  },
};

function coverageText(parts: CoverageParts): string {
  const projects = parts.projects.includes('RETURN p')
    ? parts.projects
    : `${parts.projects} RETURN p`;
  return `
  CALL () {
    MATCH (p:Project) WHERE $includeIllustrative OR NOT coalesce(p.illustrative, false)
    RETURN count(p) AS allProjects
  }
  ${parts.groups}
  CALL (n) {
    CALL (n) { ${projects} }
    WITH DISTINCT p WHERE $includeIllustrative OR NOT coalesce(p.illustrative, false)
    RETURN count(p) AS projects
  }
  CALL (n) {
    ${parts.recommendations}
    WITH DISTINCT r WHERE $includeIllustrative OR NOT coalesce(r.illustrative, false)
    RETURN count(r) AS recommendations, count(CASE WHEN ${implemented('r')} THEN 1 END) AS recommendationsWithProject
  }
  WITH key, label, projects, recommendations, recommendationsWithProject, allProjects
  WHERE projects > 0 OR recommendations > 0
  RETURN { key: key, label: label, projects: projects, recommendations: recommendations,
           recommendationsWithProject: recommendationsWithProject,
           ratio: CASE recommendations WHEN 0 THEN null ELSE toFloat(recommendationsWithProject) / recommendations END,
           share: CASE allProjects WHEN 0 THEN null ELSE toFloat(projects) / allProjects END } AS row
  ORDER BY key`;
}

/** One coverage statement per dimension, built at module load from the closed map above. */
export const coverage: ReadonlyMap<
  CoverageDimension,
  Cypher<{ includeIllustrative: boolean }, CoverageGroupRow>
> = new Map(
  COVERAGE_DIMENSIONS.map((d) => [
    d,
    trustedCypher<{ includeIllustrative: boolean }, CoverageGroupRow>(
      `coverageBy${d
        .toLowerCase()
        .split('_')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('')}`,
      coverageText(COVERAGE_PARTS[d]),
    ),
  ]),
);

/** Member States by the addressed recommendations nothing implements; most first, ties by key. */
export const memberStatesByUnaddressedRecommendations = trustedCypher<
  { first: Int; includeIllustrative: boolean },
  MemberStateGapRow
>(
  'memberStatesByUnaddressedRecommendations',
  `
  MATCH (s:MemberState)<-[:ADDRESSED_TO]-(r:Recommendation)
  WHERE $includeIllustrative OR (NOT coalesce(s.illustrative, false) AND NOT coalesce(r.illustrative, false))
  WITH DISTINCT s, r
  // One existence check per (State, recommendation) pair: a degree-bounded probe, not an expansion.
  WITH s, r, ${implemented('r')} AS done
  ORDER BY r.key
  WITH s, count(r) AS recommendations, collect(CASE WHEN NOT done THEN r END) AS open
  WHERE size(open) > 0
  WITH s, recommendations, open ORDER BY size(open) DESC, s.key LIMIT $first
  RETURN { memberState: ${node('s', 'MemberState')}, recommendations: recommendations, unaddressed: size(open),
           unaddressedRecommendations: [x IN open | ${node('x', 'Recommendation')}] } AS row
  ORDER BY row.unaddressed DESC, row.memberState.key`,
);

export type OverlapParams = {
  memberState: string | null;
  thematicArea: string | null;
  first: Int;
  includeIllustrative: boolean;
};

/** Pairs of projects with different leads, a common State and theme, and overlapping known periods. */
export const overlappingProjects = trustedCypher<OverlapParams, ProjectOverlapRow>(
  'overlappingProjects',
  `
  MATCH (a:Project)-[:BENEFITS]->(s:MemberState)<-[:BENEFITS]-(b:Project)
  WHERE a.key < b.key
    AND ($includeIllustrative OR (NOT coalesce(a.illustrative, false) AND NOT coalesce(b.illustrative, false)))
    // Unknown periods cannot be shown to overlap: both ends must be known.
    AND a.startYear IS NOT NULL AND a.endYear IS NOT NULL AND b.startYear IS NOT NULL AND b.endYear IS NOT NULL
    AND a.startYear <= b.endYear AND b.startYear <= a.endYear
  WITH a, b, s ORDER BY s.key
  WITH a, b, collect(s) AS states
  WHERE $memberState IS NULL OR any(x IN states WHERE x.key = $memberState)
  MATCH (a)-[:ADDRESSES]->(t:ThematicArea)<-[:ADDRESSES]-(b)
  WITH a, b, states, t ORDER BY t.key
  WITH a, b, states, collect(DISTINCT t) AS themes
  WHERE $thematicArea IS NULL OR any(x IN themes WHERE x.key = $thematicArea)
  WITH a, b, states, themes,
       COLLECT { MATCH (a)-[:IMPLEMENTED_BY {role: 'lead'}]->(e:Entity) RETURN DISTINCT e ORDER BY e.key } AS leadsA,
       COLLECT { MATCH (b)-[:IMPLEMENTED_BY {role: 'lead'}]->(e:Entity) RETURN DISTINCT e ORDER BY e.key } AS leadsB
  WHERE size(leadsA) > 0 AND size(leadsB) > 0 AND none(e IN leadsA WHERE e IN leadsB)
  WITH a, b, states, themes, leadsA, leadsB ORDER BY a.key, b.key LIMIT $first
  RETURN { project: ${node('a', 'Project')}, otherProject: ${node('b', 'Project')},
           projectLeads: [e IN leadsA | ${node('e', 'Entity')}], otherProjectLeads: [e IN leadsB | ${node('e', 'Entity')}],
           memberStates: [x IN states | ${node('x', 'MemberState')}], thematicAreas: [x IN themes | ${node('x', 'ThematicArea')}],
           overlapStart: CASE WHEN a.startYear > b.startYear THEN a.startYear ELSE b.startYear END,
           overlapEnd: CASE WHEN a.endYear < b.endYear THEN a.endYear ELSE b.endYear END } AS row
  ORDER BY row.project.key, row.otherProject.key`,
);

/**
 * Every project that shares a place (a Member State the recommendation is addressed to, or a region
 * containing one) and a thematic area with the recommendation and is not linked to it. One row;
 * `found` is false when the recommendation does not exist. Scoring happens in candidates.ts.
 */
export const candidateMatches = trustedCypher<
  { key: string; includeIllustrative: boolean },
  CandidateMatchesRow
>(
  'candidateMatches',
  `
  OPTIONAL MATCH (r:Recommendation {key: $key})
  WITH r,
       COLLECT { MATCH (r)-[:ADDRESSES]->(t:ThematicArea) RETURN t.key } AS themes,
       COLLECT { MATCH (r)-[:ADDRESSED_TO]->(s:MemberState)<-[:BENEFITS]-(p:Project)
                 RETURN {p: p.key, key: s.key, name: s.name, state: null} } +
       COLLECT { MATCH (r)-[:ADDRESSED_TO]->(s:MemberState)-[:MEMBER_OF]->(g:Region)<-[:COVERS]-(p:Project)
                 RETURN {p: p.key, key: g.key, name: g.name, state: s.key} } AS hits
  CALL (r, themes, hits) {
    UNWIND hits AS hit
    WITH hit.p AS pkey, collect(hit) AS places
    MATCH (p:Project {key: pkey})
    WHERE ($includeIllustrative OR NOT coalesce(p.illustrative, false))
      AND NOT EXISTS {
        (p)-[i:IMPLEMENTS]->(r)
        WHERE $includeIllustrative OR NOT coalesce(i.illustrative, false) }
    WITH r, p, places, [k IN COLLECT { MATCH (p)-[:ADDRESSES]->(t:ThematicArea) RETURN t.key ORDER BY t.key } WHERE k IN themes] AS shared
    WHERE size(shared) > 0
    RETURN collect({
      project: ${node('p', 'Project')},
      states: [x IN places WHERE x.state IS NULL | {key: x.key, name: x.name}],
      regions: [x IN places WHERE x.state IS NOT NULL | {key: x.key, name: x.name, state: x.state}],
      themes: shared,
      pillars: [x IN p.pillars WHERE x IN r.pillars],
      illustrativeLink: EXISTS { (p)-[:IMPLEMENTS]->(r) }
    }) AS candidates
  }
  RETURN { found: r IS NOT NULL, candidates: candidates } AS row`,
);
