// Profiles every gap query on the real seed data. `UPDATE_PLANS=1` rewrites docs/plans/<query>.txt.
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfiledPlan } from 'neo4j-driver';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  coverage,
  coverageAsOf,
  memberStatesByUnaddressedRecommendations,
  overlappingProjects,
  statedFigures,
} from '../../src/analytics/analytics.cypher.js';
import { resolutionGapSpec } from '../../src/analytics/resolution-gap.js';

import { type Cypher } from '../../src/db/cypher.js';
import { int } from '../../src/db/values.js';
import { nodeProjection } from '../../src/db/fragments.js';
import { listMatch, pageStatement } from '../../src/lists/lists.reads.js';
import { recommendationSpec } from '../../src/lists/lists.specs.js';
import { loadSeed, SEED_DATA_DIR } from '../../seed/load.js';
import { resetGraph, testDb, testDriver } from '../support/neo4j.js';

const PLANS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/plans');

interface Profiled {
  readonly text: string;
  readonly operators: string[];
  readonly dbHits: number;
  readonly rows: number;
}

function walk(plan: ProfiledPlan, depth: number, lines: string[], operators: string[]): number {
  operators.push(plan.operatorType);
  const details = plan.arguments['Details'] ?? '';
  const estimated = Number(plan.arguments['EstimatedRows'] ?? NaN);
  lines.push(
    `${'  '.repeat(depth)}+ ${plan.operatorType.replace(/@.*$/, '')}  rows=${plan.rows}  dbHits=${plan.dbHits}` +
      `${Number.isNaN(estimated) ? '' : `  est=${Math.round(estimated)}`}${details ? `  | ${String(details).replace(/\s+/g, ' ').slice(0, 160)}` : ''}`,
  );
  return (
    plan.dbHits +
    plan.children.reduce((sum, child) => sum + walk(child, depth + 1, lines, operators), 0)
  );
}

/**
 * Runs the statement under PROFILE. The plan is only in the result summary, which Db deliberately
 * does not expose, so this test helper (never src/) talks to the driver directly.
 */
async function profile<P extends object>(query: Cypher<P, unknown>, params: P): Promise<Profiled> {
  // eslint-disable-next-line no-restricted-syntax -- PROFILE plans live in the summary; see above
  const result = await testDriver().executeQuery(`PROFILE ${query.text}`, params, {
    database: inject('neo4j').database,
  });
  const plan = result.summary.profile;
  if (plan === false) throw new Error(`no profile for ${query.name}`);
  const lines: string[] = [];
  const operators: string[] = [];
  const dbHits = walk(plan, 0, lines, operators);
  const header = [
    `${query.name} — PROFILE on the seed data (seed/data), Neo4j ${result.summary.server.agent ?? ''}`,
    `parameters: ${JSON.stringify(params, (_k, v: unknown) => (typeof v === 'object' && v !== null && 'low' in v ? Number((v as { low: number }).low) : v))}`,
    `result rows: ${result.records.length}; total db hits: ${dbHits}`,
    '',
  ];
  return {
    text: `${header.join('\n')}${lines.join('\n')}\n`,
    operators,
    dbHits,
    rows: result.records.length,
  };
}

describe('query plans on the seed data', () => {
  const db = testDb();
  const plans = new Map<string, Profiled>();

  beforeAll(async () => {
    await resetGraph(db, {});
    await loadSeed(db, [SEED_DATA_DIR], { replace: true });
    const page = { skip: int(0), first: int(20) };
    // The gap page as the API sends it: total and page in one statement, nodes fully projected.
    const gapMatch = listMatch(recommendationSpec, { implemented: false }, false);
    const gapPage = pageStatement('recommendationsWithoutProjects', gapMatch, 'r.key', {
      total: true,
      projection: nodeProjection('r', 'Recommendation'),
    });
    const resolutionGapMatch = listMatch(resolutionGapSpec, { unsupported: true }, false);
    const resolutionGapPage = pageStatement(
      'resolutionsWithoutProjects',
      resolutionGapMatch,
      resolutionGapSpec.orders.YEAR,
      { total: true, projection: nodeProjection('x', 'Resolution') },
    );
    const runs: [Cypher<never, unknown>, object][] = [
      [gapPage as never, { ...page, ...gapMatch.params }],
      [resolutionGapPage as never, { ...page, ...resolutionGapMatch.params }],
      ...[...coverage.values()].map(
        (q) =>
          [
            q as never,
            { includeIllustrative: false, evidence: ['documented', 'reported'], asOf: null },
          ] as [Cypher<never, unknown>, object],
      ),
      // At a cut-off: the portfolio the documents of 2019 and before knew.
      ...[...coverageAsOf.values()].map(
        (q) =>
          [
            q as never,
            { includeIllustrative: false, evidence: ['documented', 'reported'], asOf: '2019' },
          ] as [Cypher<never, unknown>, object],
      ),
      // The seed's only recommendations to named States are CTED's illustrative ones: profile with them.
      [
        memberStatesByUnaddressedRecommendations as never,
        { first: int(20), includeIllustrative: true, evidence: ['documented', 'reported'] },
      ],
      [
        overlappingProjects as never,
        { memberState: null, thematicArea: null, first: int(20), includeIllustrative: false },
      ],
      [statedFigures as never, { document: null, dimension: 'PILLAR' }],
    ];
    for (const [query, params] of runs)
      plans.set(query.name, await profile(query, params as never));
    if (process.env['UPDATE_PLANS'] === '1') {
      for (const [name, plan] of plans) await writeFile(join(PLANS_DIR, `${name}.txt`), plan.text);
    }
  });

  it('profiles every gap query', () => {
    expect([...plans.keys()].sort()).toEqual([
      'coverageByEntity',
      'coverageByEntityAsOf',
      'coverageByMemberState',
      'coverageByMemberStateAsOf',
      'coverageByPillar',
      'coverageByPillarAsOf',
      'coverageByRegion',
      'coverageByRegionAsOf',
      'coverageByThematicArea',
      'coverageByThematicAreaAsOf',
      'memberStatesByUnaddressedRecommendations',
      'overlappingProjects',
      'recommendationsWithoutProjects',
      'resolutionsWithoutProjects',
      'statedFigures',
    ]);
  });

  it('profiles the two State-based queries on rows, not on an empty match', () => {
    expect(plans.get('memberStatesByUnaddressedRecommendations')!.rows).toBeGreaterThan(0);
    expect(plans.get('statedFigures')!.rows).toBeGreaterThan(0);
  });

  it('never plans a Cartesian product', () => {
    for (const [name, plan] of plans)
      expect(
        plan.operators.filter((o) => o.startsWith('CartesianProduct')),
        name,
      ).toEqual([]);
  });
});
