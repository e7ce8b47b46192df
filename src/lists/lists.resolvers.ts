import { getNamedType, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Label } from '../core/ids.js';
import { pageInfo, parsePage } from '../core/paging.js';
import { fieldsOn } from '../core/selection.js';
import type { Context } from '../graphql/context.js';
import type { BasicFilter, NameOrder, Resolvers } from '../graphql/generated.js';
import { selectionProjection } from '../nodes/index.js';
import type { ConnectionRow, NodeRow, RowOf } from '../core/rows.js';
import { listMatch, readPage, type PageParts } from './lists.reads.js';
import {
  basicSpec,
  entitySpec,
  projectSpec,
  recommendationSpec,
  resolutionSpec,
  type BasicLabel,
  type ListSpec,
} from './lists.specs.js';

/** Adds `pageInfo` and `totalCount` to a page row (the mapper of every connection type). */
export const connectionFields = {
  totalCount: (c: ConnectionRow) => c.total,
  pageInfo: (c: ConnectionRow) => pageInfo(c.offset, c.nodes.length, c.total),
  nodes: <Row extends NodeRow>(c: ConnectionRow<Row>) => c.nodes,
};

/** What the connection's selection needs: the total, and the nodes projected as selected. */
function pageParts(
  info: GraphQLResolveInfo,
  spec: Pick<ListSpec<unknown, string>, 'v' | 'label'>,
): PageParts {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) throw new Error(`${info.fieldName} does not return a connection`);
  const fields = fieldsOn(info, connection, info.fieldNodes);
  const paging = fields.has('pageInfo');
  const nodes = fields.get('nodes');
  return {
    total: paging || fields.has('totalCount'),
    projection:
      nodes || paging ? selectionProjection(info, spec.v, [spec.label], nodes ?? []) : null,
  };
}

interface ListArgs<W, O> {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly where?: W | null;
  readonly orderBy?: O | null;
  readonly includeIllustrative?: boolean | null;
}

/** A list root field: one statement, named after the field, whatever was selected below it. */
export function resolveList<W, O extends string, L extends Label>(
  spec: ListSpec<W, O, L>,
  defaultOrder: O,
  args: ListArgs<Partial<W>, O>,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<ConnectionRow<RowOf<L>>> {
  const page = parsePage(args.first, args.after, ctx.limits.maxPage);
  const match = listMatch(spec, args.where, args.includeIllustrative ?? false);
  const order = spec.orders[args.orderBy ?? defaultOrder];
  return readPage(ctx.db, info.fieldName, match, order, page, pageParts(info, spec));
}

const basic =
  <L extends BasicLabel>(label: L) =>
  (
    _root: unknown,
    args: ListArgs<Partial<BasicFilter>, NameOrder>,
    ctx: Context,
    info: GraphQLResolveInfo,
  ) =>
    resolveList(basicSpec(label), 'KEY', args, ctx, info);

export const listResolvers: Resolvers = {
  Query: {
    projects: (_root, args, ctx, info) => resolveList(projectSpec, 'KEY', args, ctx, info),
    recommendations: (_root, args, ctx, info) =>
      resolveList(recommendationSpec, 'KEY', args, ctx, info),
    // The headline gap query: the recommendation list without an implementing project.
    recommendationsWithoutProjects: (
      _root,
      { where, evidence, projectAnswerableOnly, asOf, ...args },
      ctx,
      info,
    ) =>
      resolveList(
        recommendationSpec,
        'KEY',
        {
          ...args,
          where: {
            ...where,
            implemented: false,
            evidence: evidence ?? null,
            asOf: asOf ?? null,
            projectAnswerable: projectAnswerableOnly === false ? null : true,
          },
        },
        ctx,
        info,
      ),
    resolutions: (_root, args, ctx, info) => resolveList(resolutionSpec, 'YEAR', args, ctx, info),
    legalInstruments: basic('LegalInstrument'),
    memberStates: basic('MemberState'),
    regions: basic('Region'),
    thematicAreas: basic('ThematicArea'),
    documents: basic('Document'),
    entities: (_root, args, ctx, info) => resolveList(entitySpec, 'KEY', args, ctx, info),
  },
  ProjectConnection: connectionFields,
  RecommendationConnection: connectionFields,
  ResolutionConnection: connectionFields,
  LegalInstrumentConnection: connectionFields,
  MemberStateConnection: connectionFields,
  RegionConnection: connectionFields,
  EntityConnection: connectionFields,
  ThematicAreaConnection: connectionFields,
  DocumentConnection: connectionFields,
};
