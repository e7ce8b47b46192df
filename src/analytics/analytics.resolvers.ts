import { keyArg } from '../core/arguments.js';
import { parseNodeId } from '../core/ids.js';
import { parsePage } from '../core/paging.js';
import type { Context } from '../graphql/context.js';
import type { Resolvers } from '../graphql/generated.js';
import { int } from '../db/values.js';
import type { ConnectionRow } from '../nodes/rows.js';
import {
  candidateMatches,
  coverage,
  memberStatesByUnaddressedRecommendations,
  overlappingProjects,
  resolutionsWithoutProjects,
  type CoverageDimension,
} from './analytics.cypher.js';
import { rankCandidates } from './candidates.js';

/** `first` for the ranked lists (no cursor): 0 … the server's page limit. */
function firstArg(first: number | null | undefined, ctx: Context): number {
  return parsePage(first, null, ctx.limits.maxPage).first;
}

/** The resolution gap page (the export streams the same match: `resolutionsWithoutProjectsRows`). */
export async function readResolutionsWithoutProjects(
  ctx: Pick<Context, 'db'>,
  args: { skip: number; first: number; body: string | null; includeIllustrative: boolean },
): Promise<ConnectionRow> {
  const [row] = await ctx.db.read(resolutionsWithoutProjects, {
    skip: int(args.skip),
    first: int(args.first),
    body: args.body,
    includeIllustrative: args.includeIllustrative,
  });
  return row ?? { total: 0, offset: args.skip, nodes: [] };
}

/** The coverage rows of one dimension (one round trip). */
export function readCoverage(
  ctx: Pick<Context, 'db'>,
  by: CoverageDimension,
  includeIllustrative: boolean,
) {
  return ctx.db.read(coverage.get(by)!, { includeIllustrative });
}

export const analyticsResolvers: Resolvers = {
  Query: {
    resolutionsWithoutProjects: (_root, { first, after, body, includeIllustrative }, ctx) => {
      const page = parsePage(first, after, ctx.limits.maxPage);
      return readResolutionsWithoutProjects(ctx, {
        skip: page.offset,
        first: page.first,
        body: body ?? null,
        includeIllustrative: includeIllustrative ?? false,
      });
    },
    coverage: (_root, { by, includeIllustrative }, ctx) =>
      readCoverage(ctx, by, includeIllustrative ?? false),
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
