import { toEnum } from '../core/enums.js';
import { InputError } from '../core/errors.js';
import { evidenceArg } from '../core/arguments.js';
import { linkEvidenceField } from '../core/evidence.js';
import { parseNodeId } from '../core/ids.js';
import type { Evidence, Resolvers } from '../graphql/generated.js';
import type { SourceRow } from '../core/rows.js';
import { MAX_HOPS, RELATIONSHIP_TYPES } from './explorer.cypher.js';
import {
  readEdgesAmong,
  readMeta,
  readNeighborhood,
  readPaths,
  readSearch,
} from './explorer.reads.js';
import { buildSearchQueries } from './lucene.js';
import { neighborhoodSelection } from './neighborhood-selection.js';
import type { EdgeRow } from './rows.js';

const MAX_TEXT = 200;
const MAX_FIRST = 100;
const MAX_DEPTH = 2;
const MAX_LIMIT_PER_TYPE = 100;
const MAX_IDS = 200;
// Provenance links make any two nodes cited by one document two hops apart: paths skip them by default.
const PATH_TYPES = RELATIONSHIP_TYPES.filter((type) => type !== 'CITED_IN');
const TYPE_SET: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);
// The provenance lists are exposed as `sources`, not repeated among the properties.
const PROVENANCE = new Set(['sourceDocuments', 'sourceParagraphs']);
// Not links between facts, so no evidence level: a citation is itself the provenance (the loader
// stores `evidence` on it all the same), a contribution is an entry of a printed list.
const WITHOUT_EVIDENCE: ReadonlySet<string> = new Set(['CITED_IN', 'CONTRIBUTES_TO']);

/** An integer argument within [min, max] (its default when null); InputError naming it, its value and the limit. */
function intArg(
  value: number | null | undefined,
  fallback: number,
  field: string,
  min: number,
  max: number,
): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`"${field}" must be between ${min} and ${max}; got ${n}`, field, {
      value: n,
      limit: max,
    });
  }
  return n;
}

/** Relationship types from the closed list, or null for "all"; InputError naming the first unknown one. */
function relationshipTypes(
  values: readonly string[] | null | undefined,
  field = 'relationshipTypes',
): string[] | null {
  if (values === null || values === undefined) return null;
  for (const value of values) {
    if (!TYPE_SET.has(value)) {
      throw new InputError(
        `Unknown relationship type "${value}" in "${field}"; expected one of ${RELATIONSHIP_TYPES.join(', ')}`,
        field,
        {
          value,
        },
      );
    }
  }
  return [...new Set(values)];
}

function edgeSources(edge: EdgeRow): SourceRow[] {
  if (edge.type === 'CITED_IN') {
    // The provenance of a citation is the citation itself: the cited document and paragraph.
    const document = edge.target.slice(edge.target.indexOf(':') + 1);
    const paragraph = edge.props['paragraph'];
    return [{ document, paragraph: typeof paragraph === 'string' ? paragraph : '' }];
  }
  const documents = (edge.props['sourceDocuments'] as string[] | undefined) ?? [];
  const paragraphs = (edge.props['sourceParagraphs'] as string[] | undefined) ?? [];
  return documents.map((document, i) => ({ document, paragraph: paragraphs[i] ?? '' }));
}

/**
 * The explorer area: search, neighbourhood, relationships among nodes, paths and graph counts.
 * Each root field validates its arguments first (InputError naming argument, value and limit) and
 * then costs one statement (two for a two-hop neighbourhood); node fields resolve through the node
 * area's loaders.
 */
export const explorerResolvers: Resolvers = {
  Query: {
    search: async (_root, { text, labels, first, includeIllustrative, prefix }, ctx) => {
      const trimmed = text.trim();
      if (trimmed === '') throw new InputError('"text" must not be empty', 'text', { value: text });
      if (trimmed.length > MAX_TEXT) {
        throw new InputError(`"text" is longer than ${MAX_TEXT} characters`, 'text', {
          limit: MAX_TEXT,
        });
      }
      const size = intArg(first, 20, 'first', 0, MAX_FIRST);
      const { query, queryZh } = buildSearchQueries(trimmed, { prefix: prefix ?? false });
      if (size === 0 || (query === null && queryZh === null)) return [];
      return readSearch(ctx.db, {
        query,
        queryZh,
        exact: trimmed.toLowerCase(),
        labels: labels ?? null,
        includeIllustrative: includeIllustrative ?? false,
        first: size,
      });
    },

    neighborhood: (_root, args, ctx, info) => {
      const start = parseNodeId(args.id, undefined, 'id');
      // Only what the query selects is read (see neighborhood-selection.ts).
      const selection = neighborhoodSelection(info, `${start.label}:${start.key}`);
      return readNeighborhood(ctx.db, start, {
        depth: intArg(args.depth, 1, 'depth', 1, MAX_DEPTH) === 2 ? 2 : 1,
        types: relationshipTypes(args.relationshipTypes),
        direction: args.direction ?? 'BOTH',
        limitPerType: intArg(args.limitPerType, 25, 'limitPerType', 1, MAX_LIMIT_PER_TYPE),
        includeIllustrative: args.includeIllustrative ?? false,
        neighbourDegrees: selection.degrees === 'all',
        bareNodes: selection.bareNodes,
        bareEdges: selection.bareEdges,
      });
    },

    edgesAmong: async (_root, { ids, includeIllustrative }, ctx) => {
      if (ids.length > MAX_IDS) {
        throw new InputError(`"ids" takes at most ${MAX_IDS} ids; got ${ids.length}`, 'ids', {
          limit: MAX_IDS,
        });
      }
      if (ids.length < 2) return [];
      const parsed = ids.map((id) => parseNodeId(id, undefined, 'ids'));
      return readEdgesAmong(ctx.db, parsed, includeIllustrative ?? false);
    },

    paths: async (_root, args, ctx) => {
      const from = parseNodeId(args.from, undefined, 'from');
      const to = parseNodeId(args.to, undefined, 'to');
      const maxHops = intArg(args.maxHops, 4, 'maxHops', 1, MAX_HOPS);
      const types = relationshipTypes(args.relationshipTypes) ?? PATH_TYPES;
      if (args.from === args.to || types.length === 0) return [];
      return readPaths(ctx.db, from, to, {
        maxHops,
        types,
        includeIllustrative: args.includeIllustrative ?? false,
        evidence: args.evidence ? evidenceArg(args.evidence, 'evidence') : null,
      });
    },

    meta: (_root, _args, ctx) => readMeta(ctx.db),
  },

  Edge: {
    properties: (edge) =>
      Object.entries(edge.props)
        .filter(([name]) => !PROVENANCE.has(name))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, value]) => ({ name, value: JSON.stringify(value ?? null) })),
    sources: (edge) => edgeSources(edge),
    illustrative: (edge) => edge.props['illustrative'] === true,
    // Decoded as the node area's `Link` fields decode the same stored properties.
    evidence: ({ type, props }) =>
      WITHOUT_EVIDENCE.has(type) ? null : toEnum<Evidence>(linkEvidenceField.evidence(props)),
    score: ({ props }) => linkEvidenceField.score(props),
    reasons: ({ props }) => linkEvidenceField.reasons(props),
    rulesVersion: ({ props }) => linkEvidenceField.rulesVersion(props),
  },

  NodeDegree: {
    total: (degree) => degree.byType.reduce((sum, c) => sum + c.count, 0),
    byType: (degree) => [...degree.byType],
  },

  Neighborhood: {
    nodes: (n) => [...n.nodes],
    edges: (n) => [...n.edges],
    degrees: (n, { ids }) => {
      if (ids === null || ids === undefined) return [...n.degrees];
      const wanted = new Set(ids);
      return n.degrees.filter((degree) => wanted.has(degree.id));
    },
    truncated: (n) => n.truncatedTypes.length > 0,
    truncatedTypes: (n) => [...n.truncatedTypes],
  },

  Path: {
    length: (path) => path.edges.length,
    nodes: (path) => [...path.nodes],
    edges: (path) => [...path.edges],
  },

  Meta: {
    labels: (meta) => [...meta.labels],
    relationshipTypes: (meta) => [...meta.relationshipTypes],
  },
};
