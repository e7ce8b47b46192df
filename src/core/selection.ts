import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  isAbstractType,
  isObjectType,
  Kind,
  typeFromAST,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Whether the field being resolved selects `name` directly below it, through fragments and
 * inline fragments (look-ahead, so a resolver can skip work nobody asked for). `@skip` and
 * `@include` are not evaluated: a conditionally selected field counts as selected.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      const fragmentName = selection.name.value;
      if (seen.has(fragmentName)) return false;
      seen.add(fragmentName);
      return visit(info.fragments[fragmentName]?.selectionSet);
    }) ?? false;
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/** What reading a selection ahead of execution needs from the operation. */
export interface SelectionScope {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variableValues: Readonly<Record<string, unknown>>;
}

/** The object type `name` of the operation's schema (the SDL defines it: a missing one is a bug). */
export function objectType(scope: SelectionScope, name: string): GraphQLObjectType {
  const type = scope.schema.getType(name);
  if (!isObjectType(type)) throw new Error(`schema has no object type ${name}`);
  return type;
}

/** Field nodes selected below `fieldNodes` on objects of `type`, grouped by field name. */
export type FieldsByName = ReadonlyMap<string, readonly FieldNode[]>;

/**
 * The fields graphql-js will execute below `fieldNodes` for an object of `type`: fragments
 * applied when their condition matches the type, `@skip`/`@include` evaluated. Grouped by field
 * name rather than response key: a statement is built per field (and its arguments), so aliases
 * never reach Cypher.
 */
export function fieldsOn(
  scope: SelectionScope,
  type: GraphQLObjectType,
  fieldNodes: readonly FieldNode[],
): FieldsByName {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const included = (node: { readonly directives?: readonly DirectiveNode[] }) =>
    getDirectiveValues(GraphQLSkipDirective, node, scope.variableValues)?.['if'] !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, scope.variableValues)?.['if'] !== false;
  const applies = (condition: InlineFragmentNode['typeCondition']) => {
    if (!condition) return true;
    const conditionType = typeFromAST(scope.schema, condition);
    if (conditionType === type) return true;
    return (
      conditionType !== undefined &&
      isAbstractType(conditionType) &&
      scope.schema.isSubType(conditionType, type)
    );
  };
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const list = fields.get(name);
        if (list) list.push(selection);
        else fields.set(name, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition)) visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = scope.fragments[name];
        if (visited.has(name) || !fragment || !applies(fragment.typeCondition)) continue;
        visited.add(name);
        visit(fragment.selectionSet);
      }
    }
  };
  for (const node of fieldNodes) visit(node.selectionSet);
  return fields;
}
