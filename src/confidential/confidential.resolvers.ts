import { AuthenticationError } from '../core/errors.js';
import { toEnum } from '../core/enums.js';
import { connection, parsePage } from '../core/paging.js';
import type { Label } from '../core/ids.js';
import { asLabel } from '../core/rows.js';
import type { Context } from '../graphql/context.js';
import type { Audience, Resolvers } from '../graphql/generated.js';
import { confidentialFor, confidentialTotal } from './confidential.cypher.js';

/** The public nodes of `label` a confidential record names, in its order; unknown keys dropped. */
async function nodes<L extends Label>(ctx: Context, label: L, keys: readonly string[]) {
  const rows = await ctx.loaders.nodeByKey(label).loadMany(keys);
  return rows.map((row) => asLabel(row, label)).filter((row) => row !== null);
}

const POLICY = {
  exclude:
    'Confidential records are left out of every public list, search, export, explorer query and count; only credentials scoped to an entitled Member State read them.',
  count:
    'Confidential records are left out of every public list, search, export, explorer query and per-group count; only their total number is published here.',
} as const;

export const confidentialResolvers: Resolvers = {
  Query: {
    confidentialRecommendations: async (_root, args, ctx) => {
      if (ctx.principal.kind === 'anonymous')
        throw new AuthenticationError(
          'confidentialRecommendations needs a credential scoped to a Member State',
        );
      const page = parsePage(args.first, args.after, ctx.limits.maxPage);
      const states = [...ctx.principal.memberStates];
      if (states.length === 0) return connection(page, { total: 0, items: [] });
      const [result] = await ctx.db.read(confidentialFor, {
        states,
        skip: page.offset,
        limit: page.first,
      });
      return connection(page, result);
    },
    confidentialPolicy: async (_root, _args, ctx) => ({
      aggregates: ctx.confidentialAggregates === 'count' ? 'COUNTED' : 'EXCLUDED',
      total:
        ctx.confidentialAggregates === 'count'
          ? ((await ctx.db.read(confidentialTotal, {}))[0] ?? 0)
          : null,
      description: POLICY[ctx.confidentialAggregates],
    }),
  },
  ConfidentialRecommendation: {
    audience: (r) => toEnum<Audience>(r.audience),
    issuer: async (r, _args, ctx) => (await nodes(ctx, 'Entity', [r.issuer]))[0] ?? null,
    addressedStates: (r, _args, ctx) => nodes(ctx, 'MemberState', r.addressedStates),
    addressedEntities: (r, _args, ctx) => nodes(ctx, 'Entity', r.addressedEntities),
    themes: (r, _args, ctx) => nodes(ctx, 'ThematicArea', r.themes),
    sources: (r) =>
      r.sourceDocuments.map((document, i) => ({
        document,
        paragraph: r.sourceParagraphs[i] ?? '',
      })),
  },
};
