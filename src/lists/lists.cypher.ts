import { cypher, trustedCypher, type Cypher } from '../db/cypher.js';
import { pageTail, rowsTail } from '../db/fragments.js';
import type { Int } from '../db/values.js';
import type { ConnectionRow, RecommendationRow } from '../nodes/rows.js';

type PageParams = { skip: Int; first: Int };

export type ProjectListParams = PageParams & {
  includeIllustrative: boolean;
  regions: string[] | null;
  memberStates: string[] | null;
  thematicAreas: string[] | null;
  implementers: string[] | null;
  pillars: string[] | null;
  statuses: string[] | null;
  activeIn: Int | null;
  resolutions: string[] | null;
  text: string | null;
};

// Every optional filter is `$x IS NULL OR …`, so one plan serves every combination.
const projectMatch = `
  MATCH (p:Project)
  WHERE ($includeIllustrative OR NOT p.illustrative)
    AND ($pillars IS NULL OR any(x IN p.pillars WHERE x IN $pillars))
    AND ($statuses IS NULL OR p.status IN $statuses)
    AND ($activeIn IS NULL OR (p.startYear <= $activeIn AND coalesce(p.endYear, p.startYear) >= $activeIn))
    AND ($text IS NULL OR toLower(p.searchText) CONTAINS toLower($text))
    AND ($implementers IS NULL OR EXISTS { (p)-[:IMPLEMENTED_BY]->(e:Entity) WHERE e.key IN $implementers })
    AND ($memberStates IS NULL OR EXISTS { (p)-[:BENEFITS]->(s:MemberState) WHERE s.key IN $memberStates })
    AND ($regions IS NULL
         OR EXISTS { (p)-[:COVERS]->(g:Region) WHERE g.key IN $regions }
         OR EXISTS { (p)-[:BENEFITS]->(:MemberState)-[:MEMBER_OF]->(g:Region) WHERE g.key IN $regions })
    AND ($thematicAreas IS NULL OR EXISTS { (p)-[:ADDRESSES]->(t:ThematicArea) WHERE t.key IN $thematicAreas })
    AND ($resolutions IS NULL OR EXISTS { (p)-[:SUPPORTS]->(x:Resolution) WHERE x.key IN $resolutions })`;

const PROJECT_ORDERS = {
  KEY: 'p.key',
  TITLE: 'toLower(p.title), p.key',
  START_YEAR: 'p.startYear, p.key',
  END_YEAR: 'p.endYear, p.key',
} as const;

/** One statement per sort order (ORDER BY cannot take a parameter), built from the closed enum. */
export const projectList = new Map(
  Object.entries(PROJECT_ORDERS).map(([order, by]) => [
    order,
    trustedCypher<ProjectListParams, Omit<ConnectionRow, 'offset'> & { offset: number }>(
      `projectList${order}`,
      projectMatch + pageTail('p', by),
    ),
  ]),
) as ReadonlyMap<keyof typeof PROJECT_ORDERS, Cypher<ProjectListParams, ConnectionRow>>;

export type RecommendationListParams = PageParams & {
  includeIllustrative: boolean;
  issuers: string[] | null;
  addressees: string[] | null;
  memberStates: string[] | null;
  regions: string[] | null;
  thematicAreas: string[] | null;
  pillars: string[] | null;
  documents: string[] | null;
  implemented: boolean | null;
  text: string | null;
};

// An implementation counts only if neither the link nor the project is illustrative, unless
// illustrative data is asked for: absence is exact in real-data mode.
const recommendationMatch = `
  MATCH (r:Recommendation)
  WHERE ($includeIllustrative OR NOT r.illustrative)
    AND ($pillars IS NULL OR any(x IN r.pillars WHERE x IN $pillars))
    AND ($documents IS NULL OR r.document IN $documents)
    AND ($text IS NULL OR toLower(r.searchText) CONTAINS toLower($text))
    AND ($issuers IS NULL OR EXISTS { (r)-[:ISSUED_BY]->(e:Entity) WHERE e.key IN $issuers })
    AND ($addressees IS NULL OR EXISTS { (r)-[:ADDRESSED_TO]->(a) WHERE a.key IN $addressees })
    AND ($memberStates IS NULL OR EXISTS { (r)-[:ADDRESSED_TO]->(s:MemberState) WHERE s.key IN $memberStates })
    AND ($regions IS NULL OR EXISTS { (r)-[:ADDRESSED_TO]->(:MemberState)-[:MEMBER_OF]->(g:Region) WHERE g.key IN $regions })
    AND ($thematicAreas IS NULL OR EXISTS { (r)-[:ADDRESSES]->(t:ThematicArea) WHERE t.key IN $thematicAreas })
    AND ($implemented IS NULL OR $implemented = EXISTS {
          (q:Project)-[i:IMPLEMENTS]->(r)
          WHERE $includeIllustrative OR (NOT coalesce(i.illustrative, false) AND NOT coalesce(q.illustrative, false)) })`;

export const recommendationList = trustedCypher<RecommendationListParams, ConnectionRow>(
  'recommendationList',
  recommendationMatch + pageTail('r', 'r.key'),
);

/** The headline gap query: the recommendation list with `implemented = false`, under its own name for the logs and plans. */
export const recommendationsWithoutProjects = trustedCypher<
  RecommendationListParams,
  ConnectionRow
>('recommendationsWithoutProjects', recommendationMatch + pageTail('r', 'r.key'));

export type RecommendationGapParams = Omit<RecommendationListParams, 'skip' | 'first'>;

/**
 * The gap query for the export: one record per recommendation, in the order of
 * `recommendationsWithoutProjects` (key), at most `$limit`, streamed rather than paged.
 */
export const recommendationsWithoutProjectsRows = trustedCypher<
  RecommendationGapParams & { limit: Int },
  RecommendationRow
>('recommendationsWithoutProjectsRows', recommendationMatch + rowsTail('r', 'r.key'));

/** How many recommendations the gap query matches (its `totalCount`), as one row. */
export const recommendationsWithoutProjectsCount = trustedCypher<RecommendationGapParams, number>(
  'recommendationsWithoutProjectsCount',
  recommendationMatch +
    `
  RETURN count(r) AS row`,
);

export type ResolutionListParams = PageParams & {
  body: string | null;
  yearFrom: Int | null;
  yearTo: Int | null;
  supported: boolean | null;
  text: string | null;
};

export const resolutionList = cypher<ResolutionListParams, ConnectionRow>('resolutionList')`
  MATCH (x:Resolution)
  WHERE ($body IS NULL OR x.body = $body)
    AND ($yearFrom IS NULL OR x.year >= $yearFrom)
    AND ($yearTo IS NULL OR x.year <= $yearTo)
    AND ($text IS NULL OR toLower(x.searchText) CONTAINS toLower($text))
    AND ($supported IS NULL OR $supported = EXISTS {
          (p:Project)-[:SUPPORTS]->(x) WHERE NOT coalesce(p.illustrative, false) })
  WITH x ORDER BY x.year, x.key
  WITH collect(x) AS matched
  RETURN { total: size(matched), offset: $skip,
           nodes: [n IN matched[$skip..($skip + $first)] | n {.*, searchText: null, label: 'Resolution'}] } AS row`;

export type BasicListParams = PageParams & {
  keys: string[] | null;
  text: string | null;
  kinds: string[] | null;
  compactMember: boolean | null;
};

const BASIC_LABELS = [
  'LegalInstrument',
  'MemberState',
  'Region',
  'Entity',
  'ThematicArea',
  'Document',
] as const;
export type BasicLabel = (typeof BASIC_LABELS)[number];

/** Simple lists: one statement per label and order, from closed lists. `kinds`/`compactMember` apply to entities. */
export const basicList = new Map(
  BASIC_LABELS.flatMap((label) =>
    (['KEY', 'NAME'] as const).map((order) => [
      `${label}:${order}`,
      trustedCypher<BasicListParams, ConnectionRow>(
        `${label.charAt(0).toLowerCase()}${label.slice(1)}List${order}`,
        `MATCH (n:${label})
         WHERE NOT coalesce(n.illustrative, false)
           AND ($keys IS NULL OR n.key IN $keys)
           AND ($text IS NULL OR toLower(n.searchText) CONTAINS toLower($text) OR n.nameZh CONTAINS $text)
           AND ($kinds IS NULL OR n.kind IN $kinds)
           AND ($compactMember IS NULL OR n.compactMember = $compactMember)` +
          pageTail(
            'n',
            order === 'KEY' ? 'n.key' : `toLower(coalesce(n.name, n.title, n.key)), n.key`,
          ),
      ),
    ]),
  ),
);
