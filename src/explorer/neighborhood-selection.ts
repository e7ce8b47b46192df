// What a `neighborhood` query selects, read ahead of execution, so that its statement reads only
// that: a node's id rather than all its properties, a link without its properties, and the
// degrees of the nodes the caller asked about.
import {
  getArgumentValues,
  isAbstractType,
  type FieldNode,
  type GraphQLResolveInfo,
} from 'graphql';
import { fieldsOn, objectType, type SelectionScope } from '../core/selection.js';

// Fields answered from a node's label and key alone (and `__typename` from its label).
const ID_FIELDS: ReadonlySet<string> = new Set(['id', 'key', '__typename']);
// Fields of `Edge` answered without the relationship's properties.
const BARE_EDGE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'type',
  'source',
  'target',
  '__typename',
]);

/** Which nodes' degrees a query reads: none, the start node's only, or every node's. */
export type DegreeScope = 'none' | 'start' | 'all';

export interface NeighborhoodSelection {
  /** Only ids are selected below `nodes`, whatever the node's type. */
  readonly bareNodes: boolean;
  /** Nothing below `edges` needs the relationship's properties. */
  readonly bareEdges: boolean;
  readonly degrees: DegreeScope;
}

const only = (names: Iterable<string>, allowed: ReadonlySet<string>) =>
  [...names].every((name) => allowed.has(name));

/**
 * Reads the selection below the `neighborhood` field being resolved. `startId` is the id asked
 * for: `degrees(ids: [startId])` needs no neighbour's degree.
 */
export function neighborhoodSelection(
  info: GraphQLResolveInfo,
  startId: string,
): NeighborhoodSelection {
  const scope: SelectionScope = info;
  const neighborhood = objectType(info, 'Neighborhood');
  const below = fieldsOn(scope, neighborhood, info.fieldNodes);
  const nodeFields: readonly FieldNode[] = below.get('nodes') ?? [];
  const nodeInterface = info.schema.getType('Node');
  if (!isAbstractType(nodeInterface)) throw new Error('schema has no interface Node');
  const nodeNames = new Set<string>();
  for (const type of info.schema.getPossibleTypes(nodeInterface)) {
    for (const name of fieldsOn(scope, type, nodeFields).keys()) nodeNames.add(name);
  }
  const edgeNames = fieldsOn(scope, objectType(info, 'Edge'), below.get('edges') ?? []).keys();
  const degreesField = neighborhood.getFields()['degrees']!;
  let degrees: DegreeScope = 'none';
  for (const node of below.get('degrees') ?? []) {
    // Aliases may ask twice: the widest wins.
    const { ids } = getArgumentValues(degreesField, node, info.variableValues) as {
      ids?: readonly string[] | null;
    };
    if (ids === null || ids === undefined || ids.some((id) => id !== startId)) degrees = 'all';
    else if (degrees === 'none') degrees = 'start';
  }
  return {
    bareNodes: only(nodeNames, ID_FIELDS),
    bareEdges: only(edgeNames, BARE_EDGE_FIELDS),
    degrees,
  };
}
