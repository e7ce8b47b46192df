// `coverage` against its definition: on random graphs (links outside the model and illustrative
// records, links and groups included) every statement gives the rows of a plain per-group reading,
// and reads each label in one pass.
import type { ProfiledPlan } from 'neo4j-driver';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  COVERAGE_DIMENSIONS,
  coverage,
  coverageAsOf,
  type CoverageDimension,
} from '../../src/analytics/analytics.cypher.js';
import type { CoverageGroupRow } from '../../src/analytics/analytics.rows.js';
import { cypher, type Cypher } from '../../src/db/cypher.js';
import { storeMissingDerived } from '../../src/records/index.js';
import { resetGraph, testDb, testDriver } from '../support/neo4j.js';

// The definition, read group by group: a group's projects, its recommendations, and for each
// recommendation whether a counting project implements it through a counting link.
const PILLARS = `
  UNWIND [['I', 'Pillar I: conditions conducive to terrorism'], ['II', 'Pillar II: preventing and combating terrorism'],
          ['III', "Pillar III: States' capacity and the UN system"], ['IV', 'Pillar IV: human rights and the rule of law']] AS pillar
  WITH allProjects, pillar[0] AS n, pillar[0] AS key, pillar[1] AS label`;
const nodes = (label: string) => `
  MATCH (n:${label}) WHERE $includeIllustrative OR NOT coalesce(n.illustrative, false)
  WITH allProjects, n, n.key AS key, coalesce(n.name, n.key) AS label`;

const DEFINITION: Record<
  CoverageDimension,
  [groups: string, projects: string, recommendations: string]
> = {
  PILLAR: [
    PILLARS,
    `MATCH (p:Project) WHERE n IN p.pillars RETURN p`,
    `MATCH (r:Recommendation) WHERE n IN r.pillars`,
  ],
  REGION: [
    nodes('Region'),
    `MATCH (p:Project)-[:COVERS]->(n) RETURN p
     UNION
     MATCH (p:Project)-[:BENEFITS]->(:MemberState)-[:MEMBER_OF]->(n) RETURN p`,
    `MATCH (r:Recommendation)-[:ADDRESSED_TO]->(:MemberState)-[:MEMBER_OF]->(n)`,
  ],
  MEMBER_STATE: [
    nodes('MemberState'),
    `MATCH (p:Project)-[:BENEFITS]->(n) RETURN p`,
    `MATCH (r:Recommendation)-[:ADDRESSED_TO]->(n)`,
  ],
  ENTITY: [
    nodes('Entity'),
    `MATCH (p:Project)-[:IMPLEMENTED_BY]->(n) RETURN p`,
    `MATCH (r:Recommendation)-[:ADDRESSED_TO]->(n)`,
  ],
  THEMATIC_AREA: [
    nodes('ThematicArea'),
    `MATCH (p:Project)-[:ADDRESSES]->(n) RETURN p`,
    `MATCH (r:Recommendation)-[:ADDRESSES]->(n)`,
  ],
};

const definition = (
  d: CoverageDimension,
): Cypher<{ includeIllustrative: boolean; evidence: string[]; asOf: null }, CoverageGroupRow> => {
  const [groups, projects, recommendations] = DEFINITION[d];
  return {
    name: `testCoverageDefinition${d}`,
    text: `
  CALL () {
    MATCH (p:Project) WHERE $includeIllustrative OR NOT coalesce(p.illustrative, false)
    RETURN count(p) AS allProjects
  }
  ${groups}
  CALL (n) {
    CALL (n) { ${projects} }
    WITH DISTINCT p WHERE $includeIllustrative OR NOT coalesce(p.illustrative, false)
    RETURN count(p) AS projects
  }
  CALL (n) {
    ${recommendations}
    WITH DISTINCT r WHERE $includeIllustrative OR NOT coalesce(r.illustrative, false)
    WITH r, coalesce(r.responseKind, 'project') = 'project' AS answerable,
         [level IN ['documented', 'reported', 'inferred'] WHERE EXISTS {
           (q:Project)-[i:IMPLEMENTS {evidence: level}]->(r)
           WHERE $includeIllustrative OR (NOT coalesce(i.illustrative, false) AND NOT coalesce(q.illustrative, false)) }] AS levels
    RETURN count(r) AS recommendations,
           count(CASE WHEN answerable THEN 1 END) AS projectAnswerable,
           count(CASE WHEN answerable AND any(l IN levels WHERE l IN $evidence) THEN 1 END) AS recommendationsWithProject,
           count(CASE WHEN answerable AND levels[0] = 'documented' THEN 1 END) AS documented,
           count(CASE WHEN answerable AND levels[0] = 'reported' THEN 1 END) AS reported,
           count(CASE WHEN answerable AND levels[0] = 'inferred' THEN 1 END) AS inferred
  }
  WITH key, label, projects, recommendations, projectAnswerable, recommendationsWithProject,
       documented, reported, inferred, allProjects
  WHERE projects > 0 OR recommendations > 0
  RETURN { key: key, label: label, projects: projects, recommendations: recommendations,
           projectAnswerable: projectAnswerable, recommendationsWithProject: recommendationsWithProject,
           byEvidence: {documented: documented, reported: reported, inferred: inferred},
           ratio: CASE projectAnswerable WHEN 0 THEN null ELSE toFloat(recommendationsWithProject) / projectAnswerable END,
           share: CASE allProjects WHEN 0 THEN null ELSE toFloat(projects) / allProjects END } AS row
  ORDER BY key`,
  };
};

interface RandomNode {
  label: string;
  props: Record<string, unknown>;
}
interface RandomLink {
  from: string;
  to: string;
  type: string;
  props: Record<string, unknown>;
}

const writeGraph = cypher<{ nodes: RandomNode[]; links: RandomLink[] }, number>(
  'testCoverageGraph',
)`
  UNWIND $nodes AS n
  CREATE (x:$(n.label)) SET x = n.props
  WITH count(*) AS created
  UNWIND $links AS l
  MATCH (a {key: l.from}), (b {key: l.to})
  CREATE (a)-[x:$(l.type)]->(b) SET x = l.props
  RETURN count(*) AS row`;

const SIZES: Record<string, number> = {
  Project: 30,
  Recommendation: 25,
  MemberState: 12,
  Region: 5,
  Entity: 6,
  ThematicArea: 5,
  Resolution: 3,
};

// [from, type, to, how many]; the last group is links the model never makes, which must not count.
const LINKS: [string, string, string, number][] = [
  ['Project', 'BENEFITS', 'MemberState', 40],
  ['Project', 'COVERS', 'Region', 15],
  ['Project', 'IMPLEMENTED_BY', 'Entity', 35],
  ['Project', 'ADDRESSES', 'ThematicArea', 40],
  ['Project', 'IMPLEMENTS', 'Recommendation', 30],
  ['Recommendation', 'ADDRESSED_TO', 'MemberState', 25],
  ['Recommendation', 'ADDRESSED_TO', 'Entity', 15],
  ['Recommendation', 'ADDRESSES', 'ThematicArea', 30],
  ['MemberState', 'MEMBER_OF', 'Region', 15],
  ['Project', 'ADDRESSED_TO', 'MemberState', 3],
  ['Recommendation', 'BENEFITS', 'MemberState', 3],
  ['Recommendation', 'IMPLEMENTED_BY', 'Entity', 2],
  ['Resolution', 'ADDRESSES', 'ThematicArea', 3],
  ['Region', 'MEMBER_OF', 'MemberState', 3],
  ['MemberState', 'COVERS', 'Region', 2],
  ['Project', 'MEMBER_OF', 'Region', 2],
  ['Entity', 'IMPLEMENTS', 'Recommendation', 2],
  ['MemberState', 'BENEFITS', 'MemberState', 2],
];

/** A random graph from `seed` (a linear congruential generator: the same seed, the same graph). */
function randomGraph(seed: number): { nodes: RandomNode[]; links: RandomLink[] } {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  // true, false or absent: absent counts as not illustrative.
  const flag = (props: Record<string, unknown>) => {
    const value = pick([true, false, undefined]);
    return value === undefined ? props : { ...props, illustrative: value };
  };
  const nodes: RandomNode[] = [];
  for (const [label, size] of Object.entries(SIZES)) {
    const count = Math.floor(size * (0.3 + random()));
    for (let i = 0; i < count; i++) {
      let props: Record<string, unknown> = flag({ key: `${label}-${i}` });
      if (random() < 0.7) props = { ...props, name: `${label} ${i}` };
      if ((label === 'Project' || label === 'Recommendation') && random() < 0.85) {
        const pillars = Array.from({ length: Math.floor(random() * 4) }, () =>
          pick(['I', 'II', 'III', 'IV', 'V']),
        );
        props = { ...props, pillars };
      }
      // Response kinds: unclassified counts as answerable by a project.
      if (label === 'Recommendation' && random() < 0.7)
        props = {
          ...props,
          responseKind: pick(['project', 'project', 'coordination', 'reporting']),
        };
      nodes.push({ label, props });
    }
  }
  const keys = (label: string) =>
    nodes.filter((n) => n.label === label).map((n) => n.props['key'] as string);
  const links: RandomLink[] = [];
  for (const [from, type, to, count] of LINKS) {
    const starts = keys(from);
    const ends = keys(to);
    if (starts.length === 0 || ends.length === 0) continue;
    for (let i = 0; i < count; i++) {
      const evidence =
        type === 'IMPLEMENTS' ? { evidence: pick(['documented', 'reported', 'inferred']) } : {};
      links.push({ from: pick(starts), to: pick(ends), type, props: flag(evidence) });
    }
  }
  return { nodes, links };
}

function walk(plan: ProfiledPlan, visit: (plan: ProfiledPlan) => void): void {
  visit(plan);
  for (const child of plan.children) walk(child, visit);
}

const labelCount = cypher<Record<string, never>, { label: string; count: number }>(
  'testCoverageLabelCounts',
)`
  MATCH (n) UNWIND labels(n) AS label
  WITH label, count(*) AS count
  RETURN { label: label, count: count } AS row`;

describe('coverage on random graphs', () => {
  const db = testDb();
  const driver = testDriver();

  beforeAll(async () => {
    await resetGraph(db, {});
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`gives the rows of the definition (graph ${seed})`, async () => {
      await resetGraph(db, {});
      await db.write(writeGraph, randomGraph(seed * 7919 + 17));
      // The implementation levels coverage reads now, as the loader and start-up store them.
      expect(await storeMissingDerived(db)).toBeGreaterThan(0);
      for (const d of COVERAGE_DIMENSIONS)
        for (const includeIllustrative of [false, true])
          for (const evidence of [['documented', 'reported'], ['inferred']]) {
            const params = { includeIllustrative, evidence, asOf: null };
            const expected = await db.read(definition(d), params);
            // Now, and the cut-off statement without a cut-off: both follow the definition.
            for (const statements of [coverage, coverageAsOf]) {
              const actual = await db.read(statements.get(d)!, params);
              expect(actual, `${statements.get(d)!.name}, ${JSON.stringify(params)}`).toEqual(
                expected,
              );
            }
          }
    });
  }

  it('scans each label at most once per statement', async () => {
    await resetGraph(db, {});
    await db.write(writeGraph, randomGraph(42));
    const counts = new Map(
      (await db.read(labelCount, {})).map(({ label, count }) => [label, count]),
    );
    // Now, that is: at a cut-off, counting the projects known then is a pass of its own.
    for (const [d, query] of coverage)
      for (const includeIllustrative of [false, true]) {
        // eslint-disable-next-line no-restricted-syntax -- PROFILE plans live in the summary, which Db does not expose
        const result = await driver.executeQuery(
          `PROFILE ${query.text}`,
          { includeIllustrative, evidence: ['documented', 'reported'], asOf: null },
          { database: inject('neo4j').database },
        );
        const plan = result.summary.profile;
        if (plan === false) throw new Error(`no profile for ${query.name}`);
        const scans: string[] = [];
        walk(plan, (op) => {
          if (!op.operatorType.startsWith('NodeByLabelScan')) return;
          const label = /:(\w+)/.exec(String(op.arguments['Details'] ?? ''))?.[1] ?? '?';
          scans.push(label);
          // One pass: the scan produced each node of its label once, not once per group.
          expect(op.rows, `${d}: scan of ${label}`).toBeLessThanOrEqual(counts.get(label) ?? 0);
        });
        expect(new Set(scans).size, `${d}: ${scans.join(', ')}`).toBe(scans.length);
      }
  });
});
