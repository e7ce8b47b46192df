import { fromEnum } from '../core/enums.js';
import { InputError } from '../core/errors.js';
import { pageInfo, parsePage } from '../core/paging.js';
import type { Context } from '../graphql/context.js';
import type { Resolvers } from '../graphql/generated.js';
import { int, intOrNull } from '../db/values.js';
import type { ConnectionRow } from '../nodes/rows.js';
import {
  basicList,
  projectList,
  recommendationList,
  recommendationsWithoutProjects,
  resolutionList,
  type BasicLabel,
  type RecommendationListParams,
} from './lists.cypher.js';

const MAX_FILTER_VALUES = 200;
const MAX_TEXT = 200;

/** A list filter: null when absent; an InputError naming the field when too long or empty. */
function list(
  values: readonly string[] | null | undefined,
  field: string,
  map: (v: string) => string = (v) => v,
): string[] | null {
  if (values === null || values === undefined) return null;
  if (values.length > MAX_FILTER_VALUES) {
    throw new InputError(
      `"${field}" takes at most ${MAX_FILTER_VALUES} values; got ${values.length}`,
      field,
      { limit: MAX_FILTER_VALUES },
    );
  }
  return values.map(map);
}

function text(value: string | null | undefined, field = 'where.text'): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (value.length > MAX_TEXT)
    throw new InputError(`"${field}" is longer than ${MAX_TEXT} characters`, field, {
      limit: MAX_TEXT,
    });
  return value.trim();
}

function page(first: number | null | undefined, after: string | null | undefined, ctx: Context) {
  const p = parsePage(first, after, ctx.limits.maxPage);
  return { skip: int(p.offset), first: int(p.first) };
}

/** Adds `pageInfo` and `totalCount` to a page row (the mapper of every connection type). */
export const connectionFields = {
  totalCount: (c: ConnectionRow) => c.total,
  pageInfo: (c: ConnectionRow) => pageInfo(c.offset, c.nodes.length, c.total),
  nodes: (c: ConnectionRow) => c.nodes as never[],
};

async function one(rows: Promise<ConnectionRow[]>): Promise<ConnectionRow> {
  const [row] = await rows;
  return row ?? { total: 0, offset: 0, nodes: [] };
}

type GapWhere = {
  issuers?: readonly string[] | null;
  addressees?: readonly string[] | null;
  memberStates?: readonly string[] | null;
  regions?: readonly string[] | null;
  thematicAreas?: readonly string[] | null;
  pillars?: readonly string[] | null;
  documents?: readonly string[] | null;
};

/** Parameters of the recommendation list and the gap query, validated. */
export function recommendationParams(
  where: GapWhere | null | undefined,
  includeIllustrative: boolean,
): Omit<RecommendationListParams, 'skip' | 'first' | 'implemented' | 'text'> {
  return {
    includeIllustrative,
    issuers: list(where?.issuers, 'where.issuers'),
    addressees: list(where?.addressees, 'where.addressees'),
    memberStates: list(where?.memberStates, 'where.memberStates'),
    regions: list(where?.regions, 'where.regions'),
    thematicAreas: list(where?.thematicAreas, 'where.thematicAreas'),
    pillars: list(where?.pillars, 'where.pillars'),
    documents: list(where?.documents, 'where.documents'),
  };
}

export const listResolvers: Resolvers = {
  Query: {
    projects: (_root, { first, after, where, orderBy, includeIllustrative }, ctx) =>
      one(
        ctx.db.read(projectList.get(orderBy ?? 'KEY')!, {
          ...page(first, after, ctx),
          includeIllustrative: includeIllustrative ?? false,
          regions: list(where?.regions, 'where.regions'),
          memberStates: list(where?.memberStates, 'where.memberStates'),
          thematicAreas: list(where?.thematicAreas, 'where.thematicAreas'),
          implementers: list(where?.implementers, 'where.implementers'),
          pillars: list(where?.pillars, 'where.pillars'),
          statuses: list(where?.statuses, 'where.statuses', fromEnum),
          activeIn: intOrNull(where?.activeIn),
          resolutions: list(where?.resolutions, 'where.resolutions'),
          text: text(where?.text),
        }),
      ),
    recommendations: (_root, { first, after, where, includeIllustrative }, ctx) =>
      one(
        ctx.db.read(recommendationList, {
          ...page(first, after, ctx),
          ...recommendationParams(where, includeIllustrative ?? false),
          implemented: where?.implemented ?? null,
          text: text(where?.text),
        }),
      ),
    recommendationsWithoutProjects: (_root, { first, after, where, includeIllustrative }, ctx) =>
      one(
        ctx.db.read(recommendationsWithoutProjects, {
          ...page(first, after, ctx),
          ...recommendationParams(where, includeIllustrative ?? false),
          implemented: false,
          text: null,
        }),
      ),
    resolutions: (_root, { first, after, where }, ctx) =>
      one(
        ctx.db.read(resolutionList, {
          ...page(first, after, ctx),
          body: where?.body ?? null,
          yearFrom: intOrNull(where?.yearFrom),
          yearTo: intOrNull(where?.yearTo),
          supported: where?.supported ?? null,
          text: text(where?.text),
        }),
      ),
    legalInstruments: (_root, args, ctx) => basic('LegalInstrument', args, ctx),
    memberStates: (_root, args, ctx) => basic('MemberState', args, ctx),
    regions: (_root, args, ctx) => basic('Region', args, ctx),
    thematicAreas: (_root, args, ctx) => basic('ThematicArea', args, ctx),
    documents: (_root, args, ctx) => basic('Document', args, ctx),
    entities: (_root, { first, after, where, orderBy }, ctx) =>
      one(
        ctx.db.read(basicList.get(`Entity:${orderBy ?? 'KEY'}`)!, {
          ...page(first, after, ctx),
          keys: null,
          text: text(where?.text),
          kinds: list(where?.kinds, 'where.kinds', fromEnum),
          compactMember: where?.compactMember ?? null,
        }),
      ),
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

function basic(
  label: BasicLabel,
  args: {
    first?: number | null;
    after?: string | null;
    where?: { keys?: readonly string[] | null; text?: string | null } | null;
    orderBy?: 'KEY' | 'NAME' | null;
  },
  ctx: Context,
) {
  return one(
    ctx.db.read(basicList.get(`${label}:${args.orderBy ?? 'KEY'}`)!, {
      ...page(args.first, args.after, ctx),
      keys: list(args.where?.keys, 'where.keys'),
      text: text(args.where?.text),
      kinds: null,
      compactMember: null,
    }),
  );
}
