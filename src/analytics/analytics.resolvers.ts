import { evidenceArg, keyArg } from '../core/arguments.js';
import { DEFAULT_EVIDENCE } from '../core/evidence.js';
import { selectsField } from '../core/selection.js';
import { parseNodeId } from '../core/ids.js';
import { hasLabel } from '../core/rows.js';
import { parsePage } from '../core/paging.js';
import type { Context } from '../graphql/context.js';
import type { Resolvers } from '../graphql/generated.js';
import { int } from '../db/values.js';
import {
  memberStatesByUnaddressedRecommendations,
  overlappingProjects,
} from './analytics.cypher.js';
import { resolveList } from '../lists/index.js';
import { readCoverage, readStatedFigures } from './analytics.reads.js';

import { resolutionGapSpec } from './resolution-gap.js';
import { candidatesOf, implementationEvidence } from './candidates.js';

/** `first` for the ranked lists (no cursor): 0 … the server's page limit. */
function firstArg(first: number | null | undefined, ctx: Context): number {
  return parsePage(first, null, ctx.limits.maxPage).first;
}

export const analyticsResolvers: Resolvers = {
  Query: {
    resolutionsWithoutProjects: (_root, { body, evidence, asOf, ...args }, ctx, info) =>
      resolveList(
        resolutionGapSpec,
        'YEAR',
        {
          ...args,
          where: { body, unsupported: true, evidence: evidence ?? null, asOf: asOf ?? null },
        },
        ctx,
        info,
      ),
    coverage: async (_root, { by, evidence, asOf, includeIllustrative }, ctx, info) => {
      const groups = await readCoverage(
        ctx.db,
        by,
        includeIllustrative ?? false,
        evidenceArg(evidence, 'evidence'),
        keyArg(asOf, 'asOf'),
      );
      // The stated figures cost a statement of their own, read only when asked for.
      if (!selectsField(info, 'stated')) return groups;
      const figures = await readStatedFigures(ctx.db, { document: null, dimension: by });
      return groups.map((g) => ({ ...g, stated: figures.filter((f) => f.group === g.key) }));
    },
    statedFigures: (_root, { document, dimension }, ctx) =>
      readStatedFigures(ctx.db, {
        document: keyArg(document, 'document'),
        dimension: keyArg(dimension, 'dimension'),
      }),
    memberStatesByUnaddressedRecommendations: (_root, { first, includeIllustrative }, ctx) =>
      ctx.db.read(memberStatesByUnaddressedRecommendations, {
        first: int(firstArg(first, ctx)),
        includeIllustrative: includeIllustrative ?? false,
        evidence: DEFAULT_EVIDENCE,
      }),
    overlappingProjects: (_root, { memberState, thematicArea, first, includeIllustrative }, ctx) =>
      ctx.db.read(overlappingProjects, {
        memberState: keyArg(memberState, 'memberState'),
        thematicArea: keyArg(thematicArea, 'thematicArea'),
        first: int(firstArg(first, ctx)),
        includeIllustrative: includeIllustrative ?? false,
      }),
    candidateProjects: async (_root, { recommendationId, first, includeIllustrative }, ctx) => {
      const { key } = parseNodeId(recommendationId, 'Recommendation', 'recommendationId');
      const size = firstArg(first, ctx);
      const row = await ctx.loaders.nodeByKey('Recommendation').load(key);
      if (!row || !hasLabel(row, ['Recommendation'])) return null;
      return candidatesOf(row, size, includeIllustrative ?? false, ctx);
    },
  },
  // The inference's view of a recommendation: fields of the node type, answered by this area.
  Recommendation: {
    candidates: (r, { first, includeIllustrative }, ctx) =>
      candidatesOf(r, firstArg(first, ctx), includeIllustrative ?? false, ctx),
    implementationEvidence: (r, _args, ctx) => implementationEvidence(r, ctx),
  },
  CoverageGroup: { stated: (g) => g.stated ?? [] },
  StatedFigure: {
    source: (f) => ({ document: f.document, paragraph: f.paragraph }),
  },
};
