import { keyArg } from '../core/arguments.js';
import { parseNodeId } from '../core/ids.js';
import { parsePage } from '../core/paging.js';
import type { Context } from '../graphql/context.js';
import type { Resolvers } from '../graphql/generated.js';
import { int } from '../db/values.js';
import {
  candidateMatches,
  memberStatesByUnaddressedRecommendations,
  overlappingProjects,
} from './analytics.cypher.js';
import { resolveList } from '../lists/index.js';
import { readCoverage } from './analytics.reads.js';
import { resolutionGapSpec } from './resolution-gap.js';
import { rankCandidates } from './candidates.js';

/** `first` for the ranked lists (no cursor): 0 … the server's page limit. */
function firstArg(first: number | null | undefined, ctx: Context): number {
  return parsePage(first, null, ctx.limits.maxPage).first;
}

export const analyticsResolvers: Resolvers = {
  Query: {
    resolutionsWithoutProjects: (_root, { body, ...args }, ctx, info) =>
      resolveList(
        resolutionGapSpec,
        'YEAR',
        { ...args, where: { body, unsupported: true } },
        ctx,
        info,
      ),
    coverage: (_root, { by, includeIllustrative }, ctx) =>
      readCoverage(ctx.db, by, includeIllustrative ?? false),
    memberStatesByUnaddressedRecommendations: (_root, { first, includeIllustrative }, ctx) =>
      ctx.db.read(memberStatesByUnaddressedRecommendations, {
        first: int(firstArg(first, ctx)),
        includeIllustrative: includeIllustrative ?? false,
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
      const [row] = await ctx.db.read(candidateMatches, {
        key,
        includeIllustrative: includeIllustrative ?? false,
      });
      if (row === undefined || !row.found) return null;
      return rankCandidates(row.candidates, size);
    },
  },
};
