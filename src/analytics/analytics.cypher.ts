import { cypher, trustedCypher, type Cypher } from '../db/cypher.js';
import { knownBy, linkKnownBy, madeBy, nodeProjection, realLink } from '../db/fragments.js';
import type { Int } from '../db/values.js';
import type {
  CoverageGroupRow,
  MemberStateGapRow,
  ProjectOverlapRow,
  StatedFigureRow,
} from './analytics.rows.js';

// An implementation counts only if neither the link nor the project is illustrative, unless
// illustrative data is asked for, and only at the evidence levels asked (the same rules as
// `recommendationsWithoutProjects`).
const implemented = (r: string) => `EXISTS {
    (q:Project)-[i:IMPLEMENTS]->(${r})
    WHERE i.evidence IN $evidence
      AND ($includeIllustrative OR (${realLink('i', 'q')})) }`;

/**
 * What coverage needs of a recommendation: whether a project can answer it and the evidence
 * levels of its implementation links (every level; the counts pick the ones asked). `now`: without
 * a cut-off, the levels the loader stored (src/records/write.ts), as the gap lists read them.
 */
const answering = (
  r: string,
  now: boolean,
) => `{answerable: coalesce(${r}.responseKind, 'project') = 'project',
    levels: ${
      now
        ? `CASE WHEN $includeIllustrative THEN ${r}.allImplementedAt ELSE ${r}.realImplementedAt END`
        : `COLLECT { MATCH (q:Project)-[i:IMPLEMENTS]->(${r})
      WHERE ($includeIllustrative OR (${realLink('i', 'q')}))
        AND ${linkKnownBy('i', 'q')}
      RETURN DISTINCT i.evidence }`
    }}`;

/** The counts of a group's recommendations, each a test of one recommendation's `answering` map. */
const ANSWER_COUNTS: readonly (readonly [string, (x: string) => string])[] = [
  ['projectAnswerable', (x) => `${x}.answerable`],
  [
    'recommendationsWithProject',
    (x) => `${x}.answerable AND any(l IN ${x}.levels WHERE l IN $evidence)`,
  ],
  ['documented', (x) => `${x}.answerable AND 'documented' IN ${x}.levels`],
  [
    'reported',
    (x) => `${x}.answerable AND 'reported' IN ${x}.levels AND NOT 'documented' IN ${x}.levels`,
  ],
  [
    'inferred',
    (x) =>
      `${x}.answerable AND 'inferred' IN ${x}.levels AND NOT 'documented' IN ${x}.levels AND NOT 'reported' IN ${x}.levels`,
  ],
];

const ANSWER_NAMES = ANSWER_COUNTS.map(([name]) => name);

/** `a: a, b: b`: variables gathered into a map under their own names. */
const entries = (names: readonly string[]) => names.map((name) => `${name}: ${name}`).join(', ');
/** `m.a AS a, m.b AS b`: a map's entries back into variables. */
const unpacked = (m: string, names: readonly string[]) =>
  names.map((name) => `${m}.${name} AS ${name}`).join(', ');

/** The counts over a list of `answering` maps. */
const answered = (list: string) =>
  ANSWER_COUNTS.map(([name, holds]) => `size([x IN ${list} WHERE ${holds('x')}]) AS ${name}`).join(
    ',\n       ',
  );

/** The same counts as aggregations over rows of one `answering` map `x`. */
const answeredRows = (x: string) =>
  ANSWER_COUNTS.map(([name, holds]) => `count(CASE WHEN ${holds(x)} THEN 1 END) AS ${name}`).join(
    ',\n         ',
  );

const node = nodeProjection;

export const COVERAGE_DIMENSIONS = [
  'PILLAR',
  'REGION',
  'MEMBER_STATE',
  'ENTITY',
  'THEMATIC_AREA',
] as const;
export type CoverageDimension = (typeof COVERAGE_DIMENSIONS)[number];

export interface CoverageParams {
  readonly includeIllustrative: boolean;
  readonly evidence: readonly string[];
  /** A document key or a date: the portfolio known then; null for now. */
  readonly asOf: string | null;
}

const groupRow = `{ key: key, label: label, projects: projects, recommendations: recommendations,
           projectAnswerable: projectAnswerable, recommendationsWithProject: recommendationsWithProject,
           byEvidence: {documented: documented, reported: reported, inferred: inferred},
           ratio: CASE projectAnswerable WHEN 0 THEN null ELSE toFloat(recommendationsWithProject) / projectAnswerable END,
           share: CASE allProjects WHEN 0 THEN null ELSE toFloat(projects) / allProjects END } AS row`;

const keepNode = (n: string) => `$includeIllustrative OR NOT coalesce(${n}.illustrative, false)`;

/**
 * The projects that count: now, the count store less the `projectIllustrative` index
 * (`illustrative` is a boolean or absent, so this is the number `keepNode` lets through, without a
 * pass over them); at a cut-off, those known by then.
 */
const allProjects = (now: boolean) =>
  now
    ? `COUNT { (:Project) } -
       CASE WHEN $includeIllustrative THEN 0 ELSE COUNT { (p:Project) WHERE p.illustrative = true } END`
    : `COUNT { (p:Project) WHERE (${keepNode('p')}) AND ${knownBy('p')} }`;

/** ` AND <condition>` at a cut-off; nothing now, when it would hold for every record. */
const atCutOff = (now: boolean, condition: string) => (now ? '' : ` AND ${condition}`);

/** The four pillars of the Global Counter-Terrorism Strategy, by code. */
const PILLARS: readonly (readonly [code: string, label: string])[] = [
  ['I', 'Pillar I: conditions conducive to terrorism'],
  ['II', 'Pillar II: preventing and combating terrorism'],
  ['III', "Pillar III: States' capacity and the UN system"],
  ['IV', 'Pillar IV: human rights and the rule of law'],
];
const pillarList = (values: readonly string[]) => `[${values.map((v) => `"${v}"`).join(', ')}]`;
const PILLAR_CODES = pillarList(PILLARS.map(([code]) => code));

/**
 * By pillar, a property of projects and recommendations: one pass over each label, each record
 * counted once in each of the four pillars it lists (values outside them, and repeats, left out).
 * Projects are counted per pillar as they stream by, without a row per pillar.
 */
const pillarCoverage = (now: boolean) => `
  CALL () {
    MATCH (p:Project) WHERE (${keepNode('p')})${atCutOff(now, knownBy('p'))}
    RETURN count(p) AS allProjects,
           [${PILLARS.map(([code]) => `count(CASE WHEN '${code}' IN p.pillars THEN 1 END)`).join(', ')}] AS projectCounts
  }
  WITH allProjects, projectCounts, ${PILLAR_CODES} AS codes
  CALL (codes) {
    MATCH (r:Recommendation) WHERE (${keepNode('r')})${atCutOff(now, madeBy('r'))}
    WITH r, [code IN codes WHERE code IN r.pillars] AS keys WHERE size(keys) > 0
    WITH keys, ${answering('r', now)} AS x
    UNWIND keys AS key
    WITH key, count(*) AS recommendations,
         ${answeredRows('x')}
    RETURN collect({key: key, recommendations: recommendations, ${entries(ANSWER_NAMES)}}) AS recommendationCounts
  }
  UNWIND range(0, size(codes) - 1) AS i
  WITH allProjects, codes[i] AS key, ${pillarList(PILLARS.map(([, label]) => label))}[i] AS label,
       projectCounts[i] AS projects, recommendationCounts
  WITH allProjects, key, label, projects,
       coalesce(head([c IN recommendationCounts WHERE c.key = key]),
                {recommendations: 0, ${ANSWER_NAMES.map((name) => `${name}: 0`).join(', ')}}) AS c
  WITH allProjects, key, label, projects, c.recommendations AS recommendations,
       ${unpacked('c', ANSWER_NAMES)}
  WHERE projects > 0 OR recommendations > 0
  RETURN ${groupRow}
  ORDER BY key`;

/** The counts of a group, in the order of its row. */
const GROUP_COUNTS = ['projects', 'recommendations', ...ANSWER_NAMES];

/**
 * By a node label. `links` yields one row per link of a group `n` to a node `x`, with its `kind`:
 * 'project', 'recommendation', or null for a link that is neither; `keepGroup`, if given, filters
 * the groups after counting. Each group's links are read once, and each of its recommendations is
 * asked whether it is implemented in the group: a recommendation in several groups is asked once
 * per group, which costs in proportion to the links, where matching every group against one list
 * of distinct recommendations cost groups × recommendations.
 */
const nodeCoverage = (now: boolean, links: string, keepGroup?: string) => `${links}
  WITH DISTINCT n, kind, x WHERE kind IS NOT NULL AND (${keepNode('x')})${atCutOff(
    now,
    `CASE kind WHEN 'project' THEN ${knownBy('x')} ELSE ${madeBy('x')} END`,
  )}
  WITH n, count(CASE kind WHEN 'project' THEN 1 END) AS projects,
       collect(CASE kind WHEN 'recommendation' THEN x END) AS groupRecommendations${
         keepGroup
           ? `
  WHERE ${keepGroup}`
           : ''
       }
  CALL (groupRecommendations) {
    UNWIND groupRecommendations AS r
    RETURN collect(${answering('r', now)}) AS inGroup
  }
  WITH n.key AS key, coalesce(n.name, n.key) AS label, projects, size(inGroup) AS recommendations,
       ${answered('inGroup')}
  // The groups are gathered so that the projects that count are counted once.
  WITH collect({key: key, label: label, ${entries(GROUP_COUNTS)}}) AS groups
  WITH groups, ${allProjects(now)} AS allProjects
  UNWIND groups AS g
  WITH allProjects, g.key AS key, g.label AS label, ${unpacked('g', GROUP_COUNTS)}
  RETURN ${groupRow}
  ORDER BY key`;

/**
 * The links of the groups of `label`, read in one expansion per group: projects by the link type
 * `projects`, recommendations by `recommendations`.
 */
const directLinks = (label: string, projects: string, recommendations: string) => `
  MATCH (n:${label}) WHERE ${keepNode('n')}
  ${
    projects === recommendations
      ? `MATCH (n)<-[:${projects}]-(x)
  WITH n, x, CASE WHEN x:Project THEN 'project' WHEN x:Recommendation THEN 'recommendation' END AS kind`
      : `MATCH (n)<-[link:${projects}|${recommendations}]-(x)
  WITH n, x, type(link) AS type
  WITH n, x, CASE WHEN type = '${projects}' AND x:Project THEN 'project'
                  WHEN type = '${recommendations}' AND x:Recommendation THEN 'recommendation' END AS kind`
  }`;

/**
 * A region holds the projects covering it, and the projects benefiting and the recommendations
 * addressed to its member States. One pass over the member States reads each one's links once
 * (regions, projects and recommendations together, whatever the number of its regions) and hands
 * them to each of its regions; one pass over the regions reads the covering projects. Illustrative
 * regions are left out after grouping, once per region rather than once per link.
 */
const regionLinks = `
  CALL () {
    MATCH (s:MemberState)-[link:MEMBER_OF|BENEFITS|ADDRESSED_TO]-(x)
    WITH s, x, type(link) AS type, startNode(link) = s AS outgoing, endNode(link) = s AS incoming
    WITH s, x, CASE WHEN type = 'MEMBER_OF' AND outgoing AND x:Region THEN 'region'
                    WHEN type = 'BENEFITS' AND incoming AND x:Project THEN 'project'
                    WHEN type = 'ADDRESSED_TO' AND incoming AND x:Recommendation THEN 'recommendation' END AS kind
    WITH s, collect(CASE kind WHEN 'region' THEN x END) AS regions,
         collect(CASE WHEN kind IN ['project', 'recommendation'] THEN {kind: kind, x: x} END) AS links
    UNWIND regions AS n
    UNWIND links AS l
    RETURN n, l.kind AS kind, l.x AS x
    UNION ALL
    MATCH (n:Region)<-[:COVERS]-(x:Project)
    RETURN n, 'project' AS kind, x
  }`;

const coverageText = (now: boolean): Record<CoverageDimension, string> => ({
  PILLAR: pillarCoverage(now),
  REGION: nodeCoverage(now, regionLinks, keepNode('n')),
  MEMBER_STATE: nodeCoverage(now, directLinks('MemberState', 'BENEFITS', 'ADDRESSED_TO')),
  ENTITY: nodeCoverage(now, directLinks('Entity', 'IMPLEMENTED_BY', 'ADDRESSED_TO')),
  THEMATIC_AREA: nodeCoverage(now, directLinks('ThematicArea', 'ADDRESSES', 'ADDRESSES')),
});

/** One statement per dimension, built at module load from the closed maps above. */
function coverageStatements(
  now: boolean,
): ReadonlyMap<CoverageDimension, Cypher<CoverageParams, CoverageGroupRow>> {
  const texts = coverageText(now);
  return new Map(
    COVERAGE_DIMENSIONS.map((d) => [
      d,
      trustedCypher<CoverageParams, CoverageGroupRow>(
        `coverageBy${d
          .toLowerCase()
          .split('_')
          .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
          .join('')}${now ? '' : 'AsOf'}`,
        texts[d],
      ),
    ]),
  );
}

/** Coverage now (`asOf` null): stored implementation levels, no cut-off tests. */
export const coverage = coverageStatements(true);
/** Coverage at a cut-off: the links and records known by then, read from the graph. */
export const coverageAsOf = coverageStatements(false);

/** The statement for coverage by `by`, now or at the cut-off `asOf`. */
export const coverageStatement = (by: CoverageDimension, asOf: string | null) =>
  (asOf === null ? coverage : coverageAsOf).get(by)!;

/** Member States by the addressed recommendations nothing implements; most first, ties by key. */
export const memberStatesByUnaddressedRecommendations = trustedCypher<
  { first: Int; includeIllustrative: boolean; evidence: readonly string[] },
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
 * The portfolio figures the documents state, each beside the same figure computed from the graph
 * where the graph itemises the set it counts (`countedIn`): the real projects citing the document
 * at a paragraph that starts so, counted in the figure's group.
 */
// One figure per row; `computed` only for project counts and shares over an itemised set, and for
// the dimensions whose groups are nodes or pillars (SCOPE groups have no rule in the graph).
export const statedFigures = cypher<
  { document: string | null; dimension: string | null },
  StatedFigureRow
>('statedFigures')`
  MATCH (d:Document)
  WHERE size(coalesce(d.statedKeys, [])) > 0 AND ($document IS NULL OR d.key = $document)
  // The document's real citing projects, read once, and only when one of its figures needs them.
  WITH d, CASE WHEN any(x IN d.statedCountedIn WHERE x <> '')
    THEN COLLECT { MATCH (p:Project)-[c:CITED_IN]->(d) WHERE NOT coalesce(p.illustrative, false)
                   RETURN {p: p, paragraph: c.paragraph} }
    ELSE [] END AS citing
  UNWIND range(0, size(d.statedKeys) - 1) AS i
  WITH d, citing, i, d.statedDimensions[i] AS dimension, d.statedGroups[i] AS grp,
       d.statedMeasures[i] AS measure, d.statedCountedIn[i] AS countedIn
  WHERE $dimension IS NULL OR dimension = $dimension
  CALL (citing, dimension, grp, measure, countedIn) {
    WITH citing, dimension, grp, measure, countedIn
    WHERE countedIn <> '' AND measure IN ['projects', 'project-share'] AND dimension <> 'SCOPE'
    UNWIND [x IN citing WHERE x.paragraph STARTS WITH countedIn | x.p] AS p
    WITH DISTINCT dimension, grp, measure, p
    WITH dimension, grp, measure, count(p) AS all,
         count(CASE
           WHEN dimension = 'TOTAL' THEN 1
           WHEN dimension = 'PILLAR' AND grp IN p.pillars THEN 1
           WHEN dimension = 'ENTITY' AND EXISTS { (p)-[:IMPLEMENTED_BY]->(:Entity {key: grp}) } THEN 1
           WHEN dimension = 'THEMATIC_AREA' AND EXISTS { (p)-[:ADDRESSES]->(:ThematicArea {key: grp}) } THEN 1
           WHEN dimension = 'MEMBER_STATE' AND EXISTS { (p)-[:BENEFITS]->(:MemberState {key: grp}) } THEN 1
           WHEN dimension = 'REGION' AND (EXISTS { (p)-[:COVERS]->(:Region {key: grp}) }
             OR EXISTS { (p)-[:BENEFITS]->(:MemberState)-[:MEMBER_OF]->(:Region {key: grp}) }) THEN 1
         END) AS inGroup
    RETURN CASE measure WHEN 'projects' THEN toFloat(inGroup)
                        ELSE CASE all WHEN 0 THEN null ELSE 100.0 * inGroup / all END END AS computed
  }
  RETURN {
    key: d.statedKeys[i], document: d.key, paragraph: d.statedParagraphs[i], measure: measure,
    dimension: dimension, group: CASE grp WHEN '' THEN null ELSE grp END,
    value: toFloat(d.statedValues[i]), unit: d.statedUnits[i], asWritten: d.statedAsWritten[i],
    asOf: CASE d.statedAsOf[i] WHEN '' THEN null ELSE d.statedAsOf[i] END,
    note: CASE d.statedNotes[i] WHEN '' THEN null ELSE d.statedNotes[i] END,
    computed: computed
  } AS row
  ORDER BY row.document, row.key`;
