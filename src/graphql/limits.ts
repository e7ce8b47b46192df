import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Validation rule: rejects operations nested deeper than `maxDepth` or selecting more than
 * `maxCost` fields in total (fragments expanded, list fields weighted by their `first`).
 * Runs before execution, so a hostile query costs no database work.
 */
export function createLimitRule(maxDepth: number, maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }

    // Returns [depth, cost] of a selection set; `seen` stops fragment cycles (reported by graphql-js itself).
    const measure = (set: SelectionSetNode, depth: number, seen: Set<string>): [number, number] => {
      let maxSeen = depth;
      let cost = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          // Introspection (GraphiQL's schema query is 14 levels deep) reads the schema, not the
          // database: it is bounded by the schema and left out of depth and cost.
          if (selection.name.value.startsWith('__')) continue;
          const multiplier = selection.arguments?.find(
            (a) => a.name.value === 'first' || a.name.value === 'limitPerType',
          );
          const weight =
            multiplier?.value.kind === Kind.INT ? Math.max(1, Number(multiplier.value.value)) : 1;
          cost += 1;
          if (selection.selectionSet) {
            const [d, c] = measure(selection.selectionSet, depth + 1, seen);
            maxSeen = Math.max(maxSeen, d);
            cost += c * Math.min(weight, 100);
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const [d, c] = measure(selection.selectionSet, depth, seen);
          maxSeen = Math.max(maxSeen, d);
          cost += c;
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue;
          const [d, c] = measure(fragment.selectionSet, depth, new Set([...seen, name]));
          maxSeen = Math.max(maxSeen, d);
          cost += c;
        }
        if (cost > maxCost * 10) break; // already far over: stop walking a hostile document
      }
      return [maxSeen, cost];
    };

    return {
      OperationDefinition(operation) {
        const [depth, cost] = measure(operation.selectionSet, 0, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_COMPLEX', limit: maxDepth, depth },
            }),
          );
        }
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}`, {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_COMPLEX', limit: maxCost, cost },
            }),
          );
        }
      },
    };
  };
}
