import {
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { REL_TYPES } from '../core/ids.js';

/** Largest list a field can return, by `Type.field`, for lists without a `first` argument. */
export type ListCaps = ReadonlyMap<string, number>;

export interface CostOptions {
  readonly schema: GraphQLSchema;
  /** The server's page limit: a `first` above it is rejected at run time, so it weighs at most this. */
  readonly maxPage: number;
  /** Measured caps of the relationship lists (`Entity.projects` …), refreshed from the graph. */
  readonly listCaps: () => ListCaps;
}

/**
 * What each root field that runs a database statement costs on its own, beyond its fields: it is
 * a round trip and a transaction, whatever it returns.
 */
export const STATEMENT_COST = 50;
/** `__schema` / `__type`: bounded by the schema, not the data; a few hundred objects each. */
export const INTROSPECTION_COST = 200;

/**
 * Caps of list fields that are neither paged by `first` nor relationship lists: the explorer's
 * answers are capped by the server (10 paths of at most 6 hops, 200 ids), and the rest are short
 * lists on one record. Neighbourhoods are weighed by their arguments (see innerWeights).
 */
const STATIC_CAPS: ReadonlyMap<string, number> = new Map([
  // A node has at most 8 (type, direction) pairs: 7 relationship fields on Project, plus CITED_IN.
  ['NodeDegree.byType', 8],
  ['Query.paths', 10],
  ['Path.nodes', 7],
  ['Path.edges', 6],
  ['Query.edgesAmong', 1000],
  ['Query.nodes', 200],
  ['Query.coverage', 200],
  ['Meta.labels', 20],
  ['Meta.relationshipTypes', 30],
  // The most properties one relationship carries (role, how, rule, basis, amount …).
  ['Edge.properties', 10],
]);
/** Any other list (sources, aliases, status history …): short lists on one record. */
const DEFAULT_LIST_CAP = 10;
/** The argument that pages a list or a connection. */
const PAGE_ARGUMENT = 'first';

/** How many items the lists of a connection or neighbourhood hold; `key` tells memo entries apart. */
interface Inner {
  readonly key: string;
  readonly weight: (
    name: string,
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
  ) => number | undefined;
}

/** Relationship types a neighbourhood follows when none are given (core/ids REL_TYPES). */
const RELATIONSHIP_TYPE_COUNT = REL_TYPES.length;
/** The neighbourhood's caps (explorer/neighborhood.ts). */
const MAX_NEIGHBORHOOD_NODES = 500;
const MAX_NEIGHBORHOOD_EDGES = 1000;

/** The measured worst case of one operation. */
export interface Cost {
  readonly cost: number;
  /** Root fields that run a statement. */
  readonly statements: number;
}

/**
 * Measures the worst case an operation can make the server do, before it runs: every field counts
 * 1, every list multiplies what is selected below it by the most it can return (`first` with
 * variables resolved and defaults applied, measured caps for relationship lists), and every root
 * field that runs a statement adds STATEMENT_COST. Fragments are measured once per type, so a
 * document that spreads fragments into each other costs linear time to measure, not exponential.
 */
export function measureCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  options: CostOptions,
): Cost {
  const { schema } = options;
  const caps = options.listCaps();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  /** An argument's value: the literal, the variable's value, or else the argument's default. */
  const argument = (
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
    name: string,
  ): unknown => {
    const definition = field.args.find((a) => a.name === name);
    if (!definition) return undefined;
    const given = node.arguments?.find((a) => a.name.value === name);
    // valueFromAST resolves variables (undefined when one is missing: its default then applies).
    const value = given ? valueFromAST(given.value, definition.type, variables) : undefined;
    return value ?? definition.defaultValue;
  };
  const argumentValue = (node: FieldNode, field: GraphQLField<unknown, unknown>, name: string) => {
    const value = argument(node, field, name);
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  const argumentLength = (node: FieldNode, field: GraphQLField<unknown, unknown>, name: string) => {
    const value = argument(node, field, name);
    return Array.isArray(value) ? value.length : null;
  };

  const listWeight = (
    parent: GraphQLCompositeType,
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
  ): number => {
    const page = argumentValue(node, field, PAGE_ARGUMENT);
    if (page !== null) return clamp(Math.floor(page), 1, options.maxPage);
    // `nodes(ids:)` returns one entry per id given.
    const ids = field.name === 'nodes' ? argumentLength(node, field, 'ids') : null;
    if (ids !== null) return Math.max(1, ids);
    const key = `${parent.name}.${field.name}`;
    return caps.get(key) ?? STATIC_CAPS.get(key) ?? DEFAULT_LIST_CAP;
  };

  const isList = (type: GraphQLOutputType): boolean =>
    isListType(isNonNullType(type) ? type.ofType : type);

  // A connection (`projects(first:)`) is an object whose lists (`nodes`) hold `first` items; a
  // neighbourhood's lists hold what its depth, limitPerType and types can reach (capped at 500).
  const innerWeights = (
    parent: GraphQLCompositeType,
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
  ): Inner | undefined => {
    if (field.args.some((a) => a.name === PAGE_ARGUMENT)) {
      const page = listWeight(parent, node, field);
      return { key: `p${page}`, weight: () => page };
    }
    if (`${parent.name}.${field.name}` !== 'Query.neighborhood') return undefined;
    // Out-of-range values are refused by the resolver (BAD_USER_INPUT); weigh the valid range.
    const depth = clamp(argumentValue(node, field, 'depth') ?? 1, 1, 2);
    const perType = clamp(argumentValue(node, field, 'limitPerType') ?? 25, 1, 100);
    const types = argumentLength(node, field, 'relationshipTypes') ?? RELATIONSHIP_TYPE_COUNT;
    // Each expanded node follows up to limitPerType links of each type.
    const fanOut = perType * types;
    const nodes = Math.min(MAX_NEIGHBORHOOD_NODES, 1 + fanOut * (depth >= 2 ? 1 + fanOut : 1));
    const edges = Math.min(MAX_NEIGHBORHOOD_EDGES, depth >= 2 ? fanOut * (1 + fanOut) : fanOut);
    return {
      key: `n${nodes}-${edges}`,
      weight: (name, list, listField) => {
        if (name === 'edges') return edges;
        if (name === 'truncatedTypes') return undefined;
        // `degrees(ids:)` lists at most the ids given.
        if (name === 'degrees')
          return Math.min(nodes, argumentLength(list, listField, 'ids') ?? nodes);
        return nodes;
      },
    };
  };

  /** `inner`: inside a connection or a neighbourhood, how many items each of its lists holds. */
  const measureSet = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    inner?: Inner,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += measureField(selection, parent, inner);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (type && isCompositeType(type)) total += measureSet(selection.selectionSet, type, inner);
      } else {
        total += measureFragment(selection.name.value, inner);
      }
    }
    return total;
  };

  const measureFragment = (name: string, inner?: Inner): number => {
    const memoKey = inner === undefined ? name : `${name}@${inner.key}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // Unknown or cyclic fragments are rejected by graphql-js's own rules; they weigh nothing here.
    if (!fragment || inProgress.has(name)) return 0;
    const type = schema.getType(fragment.typeCondition.name.value);
    if (!type || !isCompositeType(type)) return 0;
    inProgress.add(name);
    const cost = measureSet(fragment.selectionSet, type, inner);
    inProgress.delete(name);
    memo.set(memoKey, cost);
    return cost;
  };

  const measureField = (node: FieldNode, parent: GraphQLCompositeType, inner?: Inner): number => {
    const name = node.name.value;
    if (name === '__typename') return 0;
    if (name === '__schema' || name === '__type') return INTROSPECTION_COST;
    if (!('getFields' in parent)) return 1;
    const field = parent.getFields()[name];
    if (!field) return 1;
    if (!node.selectionSet) return 1;
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return 1;
    if (isList(field.type)) {
      // A list inside a connection or neighbourhood holds what that says; any other its own cap.
      const weight = inner?.weight(field.name, node, field) ?? listWeight(parent, node, field);
      return 1 + weight * measureSet(node.selectionSet, type);
    }
    const around = innerWeights(parent, node, field);
    if (around) return 1 + measureSet(node.selectionSet, type, around);
    return 1 + measureSet(node.selectionSet, type);
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, statements: 0 };
  let cost = 0;
  let statements = 0;
  for (const field of rootFields(operation.selectionSet, fragments)) {
    if (field.name.value.startsWith('__')) {
      cost += measureField(field, root);
    } else {
      statements += 1; // each root field runs at least one statement
      cost += measureField(field, root) + STATEMENT_COST;
    }
  }
  return { cost, statements };
}

/** The root fields of an operation, fragments at the root expanded (each fragment once). */
function rootFields(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return rootFields(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
