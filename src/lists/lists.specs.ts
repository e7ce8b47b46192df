// The lists of the API as data: per list, its label, the rule that leaves illustrative records
// out, one fixed Cypher condition per filter and one ORDER BY per sort order. Each filter table is
// checked against the generated GraphQL input type: a filter added to the schema does not compile
// until it has its condition here, and a statement holds only the conditions of the filters given.
import { fromEnum } from '../core/enums.js';
import { DEFAULT_EVIDENCE, evidenceLiteral, type Evidence } from '../core/evidence.js';
import { evidenceArg, keyArg, listArg, textArg } from '../core/arguments.js';
import { linkKnownBy, madeBy, realLink } from '../db/fragments.js';
import type { Label } from '../core/ids.js';
import { int } from '../db/values.js';
import type {
  BasicFilter,
  EntityFilter,
  NameOrder,
  ProjectFilter,
  ProjectOrder,
  RecommendationFilter,
  ResolutionFilter,
} from '../graphql/generated.js';

export interface Filter<T> {
  /** The statement parameter (named like the filter) for a given value; null drops the filter. */
  readonly param: (given: NonNullable<T>, field: string) => unknown;
  /**
   * The condition on the list's variable; a function when the value (or the illustrative mode)
   * picks between fixed fragments, e.g. EXISTS or NOT EXISTS, which the planner can turn into a
   * (anti-)semi-join where `$flag = EXISTS {…}` would be tested row by row.
   */
  readonly where:
    | string
    | ((
        value: NonNullable<T>,
        includeIllustrative: boolean,
        /** Every given filter's validated parameter, for a condition that reads another's. */
        params: Readonly<Record<string, unknown>>,
      ) => string);
  /**
   * A clause that yields the list's variable from an index, when this filter is a better start
   * than the label scan (the first such filter given is used; the others stay conditions).
   */
  readonly start?: string;
}

export type Filters<W> = { readonly [K in keyof W]-?: Filter<W[K]> };

export interface ListSpec<W, O extends string, L extends Label = Label> {
  readonly label: L;
  /** The list's Cypher variable. */
  readonly v: string;
  /** The condition leaving illustrative records out, unless `includeIllustrative`; null: none. */
  readonly real: string | null;
  readonly filters: Filters<W>;
  readonly orders: Readonly<Record<O, string>>;
}

const keys = (given: readonly string[], field: string) => listArg(given, field);
const enums = (given: readonly string[], field: string) => listArg(given, field, fromEnum);
const text = (given: string, field: string) => textArg(given, field);
const same = <T>(given: T) => given;

/** The evidence levels a gap question counts at, as a Cypher literal (documented and reported by default). */
const levelsAsked = (all: Readonly<Record<string, unknown>>): string =>
  evidenceLiteral((all['evidence'] as readonly Evidence[] | undefined) ?? DEFAULT_EVIDENCE);

/**
 * When link `l` from project `p` counts for a gap question: at the evidence levels asked
 * (documented and reported by default), real unless illustrative data is asked for, and known by
 * `$asOf` when one is given. `all` holds the validated parameters (the levels as stored); the
 * levels are a closed set written as a literal. Shared by the recommendation and resolution gaps.
 */
export const countingLink = (
  l: string,
  p: string,
  includeIllustrative: boolean,
  all: Readonly<Record<string, unknown>>,
): string =>
  [
    `${l}.evidence IN ${levelsAsked(all)}`,
    ...(includeIllustrative ? [] : [realLink(l, p)]),
    ...(typeof all['asOf'] === 'string' ? [linkKnownBy(l, p)] : []),
  ].join(' AND ');

// An implementation counts as countingLink says: absence is exact in real-data mode. Without
// `asOf`, the levels the loader stored (src/records/write.ts) answer: one property, no link followed.
const implemented = (
  wanted: boolean,
  includeIllustrative: boolean,
  all: Readonly<Record<string, unknown>>,
) => {
  const not = wanted ? '' : 'NOT ';
  if (typeof all['asOf'] !== 'string') {
    const stored = includeIllustrative ? 'r.allImplementedAt' : 'r.realImplementedAt';
    return `${not}any(level IN ${stored} WHERE level IN ${levelsAsked(all)})`;
  }
  return `${not}EXISTS {
      (q:Project)-[i:IMPLEMENTS]->(r)
      WHERE ${countingLink('i', 'q', includeIllustrative, all)} }`;
};

export const projectSpec: ListSpec<ProjectFilter, ProjectOrder, 'Project'> = {
  label: 'Project',
  v: 'p',
  real: 'NOT p.illustrative',
  filters: {
    // A region's projects: those covering it and those benefiting one of its States, found from
    // the region's key index rather than by testing every project.
    regions: {
      param: keys,
      where: `(EXISTS { (p)-[:COVERS]->(g:Region) WHERE g.key IN $regions }
         OR EXISTS { (p)-[:BENEFITS]->(:MemberState)-[:MEMBER_OF]->(g:Region) WHERE g.key IN $regions })`,
      start: `CALL {
    MATCH (g:Region) WHERE g.key IN $regions MATCH (g)<-[:COVERS]-(p:Project) RETURN p
    UNION
    MATCH (g:Region) WHERE g.key IN $regions MATCH (g)<-[:MEMBER_OF]-(:MemberState)<-[:BENEFITS]-(p:Project) RETURN p
  }`,
    },
    statuses: { param: enums, where: 'p.status IN $statuses' },
    pillars: { param: keys, where: 'any(x IN p.pillars WHERE x IN $pillars)' },
    activeIn: {
      param: (year) => int(year),
      where: 'p.startYear <= $activeIn AND coalesce(p.endYear, p.startYear) >= $activeIn',
    },
    text: { param: text, where: 'toLower(p.searchText) CONTAINS toLower($text)' },
    implementers: {
      param: keys,
      where: 'EXISTS { (p)-[:IMPLEMENTED_BY]->(e:Entity) WHERE e.key IN $implementers }',
    },
    memberStates: {
      param: keys,
      where: 'EXISTS { (p)-[:BENEFITS]->(s:MemberState) WHERE s.key IN $memberStates }',
    },
    thematicAreas: {
      param: keys,
      where: 'EXISTS { (p)-[:ADDRESSES]->(t:ThematicArea) WHERE t.key IN $thematicAreas }',
    },
    resolutions: {
      param: keys,
      where: 'EXISTS { (p)-[:SUPPORTS]->(x:Resolution) WHERE x.key IN $resolutions }',
    },
  },
  orders: {
    KEY: 'p.key',
    TITLE: 'toLower(p.title), p.key',
    START_YEAR: 'p.startYear, p.key',
    END_YEAR: 'p.endYear, p.key',
  },
};

export const recommendationSpec: ListSpec<RecommendationFilter, 'KEY', 'Recommendation'> = {
  label: 'Recommendation',
  v: 'r',
  real: 'NOT r.illustrative',
  filters: {
    pillars: { param: keys, where: 'any(x IN r.pillars WHERE x IN $pillars)' },
    documents: { param: keys, where: 'r.document IN $documents' },
    text: { param: text, where: 'toLower(r.searchText) CONTAINS toLower($text)' },
    issuers: {
      param: keys,
      where: 'EXISTS { (r)-[:ISSUED_BY]->(e:Entity) WHERE e.key IN $issuers }',
    },
    addressees: {
      param: keys,
      where: 'EXISTS { (r)-[:ADDRESSED_TO]->(a) WHERE a.key IN $addressees }',
    },
    memberStates: {
      param: keys,
      where: 'EXISTS { (r)-[:ADDRESSED_TO]->(s:MemberState) WHERE s.key IN $memberStates }',
    },
    regions: {
      param: keys,
      where:
        'EXISTS { (r)-[:ADDRESSED_TO]->(:MemberState)-[:MEMBER_OF]->(g:Region) WHERE g.key IN $regions }',
    },
    thematicAreas: {
      param: keys,
      where: 'EXISTS { (r)-[:ADDRESSES]->(t:ThematicArea) WHERE t.key IN $thematicAreas }',
    },
    implemented: { param: same, where: implemented },
    // Read by `implemented`; no condition of its own.
    evidence: { param: evidenceArg, where: 'true' },
    projectAnswerable: {
      param: same,
      where: (wanted) => `${wanted ? '' : 'NOT '}coalesce(r.responseKind, 'project') = 'project'`,
    },
    responseKinds: { param: enums, where: 'r.responseKind IN $responseKinds' },
    // Made by then; `implemented` then counts only the links known by then.
    asOf: { param: keyArg, where: madeBy('r') },
  },
  orders: { KEY: 'r.key' },
};

export const resolutionSpec: ListSpec<ResolutionFilter, 'YEAR', 'Resolution'> = {
  label: 'Resolution',
  v: 'x',
  real: null,
  filters: {
    body: { param: same, where: 'x.body = $body' },
    yearFrom: { param: (year) => int(year), where: 'x.year >= $yearFrom' },
    yearTo: { param: (year) => int(year), where: 'x.year <= $yearTo' },
    text: { param: text, where: 'toLower(x.searchText) CONTAINS toLower($text)' },
    supported: {
      param: same,
      where: (wanted) =>
        `${wanted ? '' : 'NOT '}EXISTS { (p:Project)-[:SUPPORTS]->(x) WHERE NOT coalesce(p.illustrative, false) }`,
    },
  },
  orders: { YEAR: 'x.year, x.key' },
};

const nameOrders: Readonly<Record<NameOrder, string>> = {
  KEY: 'n.key',
  NAME: 'toLower(coalesce(n.name, n.title, n.key)), n.key',
};

const basicFilters: Filters<BasicFilter> = {
  keys: { param: keys, where: 'n.key IN $keys' },
  text: {
    param: text,
    where: '(toLower(n.searchText) CONTAINS toLower($text) OR n.nameZh CONTAINS $text)',
  },
};

/** The lists that take the basic filter: every record real, by key or name. */
export const BASIC_LABELS = [
  'LegalInstrument',
  'MemberState',
  'Region',
  'ThematicArea',
  'Document',
] as const;
export type BasicLabel = (typeof BASIC_LABELS)[number];

/** The spec of a list that takes the basic filter. */
export const basicSpec = <L extends BasicLabel>(label: L): ListSpec<BasicFilter, NameOrder, L> => ({
  label,
  v: 'n',
  real: 'NOT coalesce(n.illustrative, false)',
  filters: basicFilters,
  orders: nameOrders,
});

export const entitySpec: ListSpec<EntityFilter, NameOrder, 'Entity'> = {
  label: 'Entity',
  v: 'n',
  real: 'NOT coalesce(n.illustrative, false)',
  filters: {
    text: basicFilters.text,
    kinds: { param: enums, where: 'n.kind IN $kinds' },
    compactMember: { param: same, where: 'n.compactMember = $compactMember' },
  },
  orders: nameOrders,
};
