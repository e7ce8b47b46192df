// Compiles what a query selects below a node into one Cypher map projection: exactly the
// properties the selected fields read, and the selected relationship fields and sources as
// COLLECT subqueries, nested down to MAX_DEPTH. The text is built from the closed catalogues
// (labels, RELATIONS, the schema's field names) and never holds input: aliases and argument
// values choose fragments, they are not written into the statement.
import {
  getArgumentValues,
  getNamedType,
  isLeafType,
  isObjectType,
  visit as visitAst,
  type ASTNode,
  type FieldNode,
  type GraphQLField,
} from 'graphql';
import { isLabel, type Label } from '../core/ids.js';
import type { LinkProps, LinkRow, NodeRow } from '../core/rows.js';
import { fieldsOn, objectType, type FieldsByName, type SelectionScope } from '../core/selection.js';
import { evidenceLiteral } from '../core/evidence.js';
import { allProperties } from '../db/fragments.js';
import { ALL_LINKS, linkScope, linkSlot, type LinkScope } from './link-scope.js';
import { RELATIONS, type Relation } from './relations.js';

/** Link levels compiled into one statement; below them the per-request DataLoaders take over. */
export const MAX_DEPTH = 3;
/**
 * Subqueries compiled into one statement. Planning time grows with the statement, so a selection
 * wider than this reads its remaining links through the loaders instead.
 */
export const MAX_SUBQUERIES = 32;

/** Where the compiler stands: the operation, the link level, the subqueries still allowed. */
interface At {
  readonly scope: SelectionScope;
  readonly depth: number;
  readonly budget: { left: number };
}

const deeper = (at: At): At => ({ ...at, depth: at.depth + 1 });

/** Fields whose resolvers read several stored properties. */
const COMPOSITE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  id: ['key'],
  period: ['startYear', 'endYear', 'periodAsWritten'],
  statusHistory: [
    'statusValues',
    'statusAsWritten',
    'statusAsOf',
    'statusDocuments',
    'statusParagraphs',
  ],
  budgets: [
    'budgetAmounts',
    'budgetCurrencies',
    'budgetKinds',
    'budgetYears',
    'budgetDocuments',
    'budgetParagraphs',
  ],
  reconciliation: [
    'reconciliationScopes',
    'reconciliationStated',
    'reconciliationParsed',
    'reconciliationNotes',
  ],
  projectAnswerable: ['responseKind'],
  report: [
    'reportedBy',
    'reportSubmittedBy',
    'reportedAt',
    'reportAcceptedBy',
    'reportAcceptedAt',
    'reportVersion',
    'reportSubmission',
  ],
  responses: ['responseSummaries', 'responseDocuments', 'responseParagraphs'],
  // On links: the two parallel provenance lists.
  sources: ['sourceDocuments', 'sourceParagraphs'],
  source: ['sourceDocuments', 'sourceParagraphs'],
};

/** Every node row carries its key (ids, and the loaders below the compiled depth) and its label. */
const ALWAYS = ['key'] as const;

const relationOf = new Map(
  (Object.values(RELATIONS) as readonly Relation[]).map((rel) => [`${rel.from}.${rel.field}`, rel]),
);

/** The links a field node asks for; a field without arguments (issuer, contributions) keeps all. */
const scopeOf = (
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  scope: SelectionScope,
): LinkScope => {
  if (field.args.length === 0) return ALL_LINKS;
  const args = getArgumentValues(field, node, scope.variableValues);
  return linkScope({
    includeIllustrative: args['includeIllustrative'] === true,
    evidence: Array.isArray(args['evidence']) ? (args['evidence'] as string[]) : null,
  });
};

const isNodeTypeName = (name: string): boolean =>
  isLabel(name) ||
  name === 'Node' ||
  name === 'Addressee' ||
  name === 'Reference' ||
  name === 'Contributor';

/**
 * The projection of node variable `v`, which has one of `labels`, for the field nodes that
 * select it. With several labels, a CASE picks each label's own projection.
 */
export function selectionProjection(
  scope: SelectionScope,
  v: string,
  labels: readonly Label[],
  fieldNodes: readonly FieldNode[],
): string {
  const compile = () =>
    projection({ scope, depth: 0, budget: { left: MAX_SUBQUERIES } }, v, labels, fieldNodes);
  const [node] = fieldNodes;
  if (node === undefined || fieldNodes.length > 1) return compile();
  // The text depends on the selection below `node` (the same objects each time Apollo serves a
  // document from its cache) and on the values of the variables it reads, nothing else.
  const key = `${v}|${labels.join()}|${JSON.stringify(variablesBelow(scope, node).map((name) => scope.variableValues[name]))}`;
  let byVariables = compiled.get(node);
  if (byVariables === undefined) compiled.set(node, (byVariables = new Map<string, string>()));
  let text = byVariables.get(key);
  if (text === undefined) {
    text = compile();
    if (byVariables.size >= MAX_COMPILED_VARIANTS) byVariables.clear();
    byVariables.set(key, text);
  }
  return text;
}

/** Compiled projections per field node, then per `v`, labels and variable values. */
const compiled = new WeakMap<FieldNode, Map<string, string>>();
/** Variable values a selection is compiled for before its cache starts again. */
const MAX_COMPILED_VARIANTS = 64;
const variableNames = new WeakMap<FieldNode, readonly string[]>();

/** The variables read below `node` (not by its own arguments): in arguments and directives, through fragments. */
function variablesBelow(scope: SelectionScope, node: FieldNode): readonly string[] {
  let names = variableNames.get(node);
  if (names === undefined) {
    const found = new Set<string>();
    const fragments = new Set<string>();
    const visit = (ast: ASTNode) =>
      visitAst(ast, {
        Variable: (variable) => void found.add(variable.name.value),
        FragmentSpread: (spread) => {
          const fragment = scope.fragments[spread.name.value];
          if (fragment && !fragments.has(spread.name.value)) {
            fragments.add(spread.name.value);
            visit(fragment);
          }
        },
      });
    if (node.selectionSet) visit(node.selectionSet);
    names = [...found].sort();
    variableNames.set(node, names);
  }
  return names;
}

function projection(
  at: At,
  v: string,
  labels: readonly Label[],
  fieldNodes: readonly FieldNode[],
  /** Properties read by the link above (its `illustrative` reads the node's too). */
  extra: readonly string[] = [],
  /** False when the reader knows the label (a link with one target label: see compiledLinks). */
  withLabel = true,
): string {
  const one = (label: Label) =>
    labelProjection(
      at,
      v,
      label,
      fieldsOn(at.scope, objectType(at.scope, label), fieldNodes),
      extra,
      withLabel || labels.length > 1,
    );
  const [only] = labels;
  if (labels.length === 1 && only !== undefined) return one(only);
  return `CASE ${labels.map((label) => `WHEN ${v}:${label} THEN ${one(label)}`).join(' ')} END`;
}

function labelProjection(
  at: At,
  v: string,
  label: Label,
  fields: FieldsByName,
  extra: readonly string[],
  withLabel: boolean,
): string {
  const { scope } = at;
  const compiles = () => at.depth < MAX_DEPTH && at.budget.left-- > 0;
  const type = objectType(scope, label);
  const properties = new Set<string>([...ALWAYS, ...extra]);
  const subqueries: string[] = [];
  const links: string[] = [];
  const bareLinks: string[] = [];
  let everything = false;

  for (const [name, nodes] of fields) {
    if (name.startsWith('__')) continue;
    const field = type.getFields()[name];
    if (!field) continue;
    const relation = relationOf.get(`${label}.${name}`);
    if (name === 'sources') {
      if (compiles()) subqueries.push(`_sources: ${sources(deeper(at), v, nodes)}`);
    } else if (relation) {
      // A contribution's own end is the parent row itself: give it every property.
      if (getNamedType(field.type).name === 'Contribution') everything = true;
      const byScope = new Map<string, { linkScope: LinkScope; group: FieldNode[] }>();
      for (const node of nodes) {
        const linkScope = scopeOf(field, node, scope);
        const slot = linkSlot(name, linkScope);
        const seen = byScope.get(slot) ?? { linkScope, group: [] };
        seen.group.push(node);
        byScope.set(slot, seen);
      }
      for (const [slot, { linkScope, group }] of byScope) {
        if (compiles()) {
          const list = linkList(deeper(at), v, relation, linkScope, group);
          (list.bare ? bareLinks : links).push(`${slot}: ${list.text}`);
        } else everything = true; // the loaders answer from full rows
      }
    } else if (COMPOSITE_PROPERTIES[name]) {
      COMPOSITE_PROPERTIES[name].forEach((p) => properties.add(p));
    } else if (isLeafType(getNamedType(field.type))) {
      properties.add(name);
    } else {
      everything = true; // a field this compiler does not know reads the full row
    }
  }

  const base = everything
    ? `${v} {${allProperties(v, label)}`
    : `${v} {${[...properties].map((p) => `.${p}`).join(', ')}${withLabel ? `, label: '${label}'` : ''}`;
  const entries = [
    ...subqueries,
    ...(links.length > 0 ? [`_links: {${links.join(', ')}}`] : []),
    ...(bareLinks.length > 0 ? [`_nodes: {${bareLinks.join(', ')}}`] : []),
  ];
  return `${base}${entries.map((e) => `, ${e}`).join('')}}`;
}

/** A node's CITED_IN sources, with the cited document projected when `document` is selected. */
function sources(at: At, v: string, nodes: readonly FieldNode[]): string {
  const { scope, depth } = at;
  const c = `c${depth}`;
  const d = `d${depth}`;
  const sourceType = scope.schema.getType('Source');
  const documentNodes = isObjectType(sourceType)
    ? (fieldsOn(scope, sourceType, nodes).get('document') ?? [])
    : [];
  const document =
    documentNodes.length > 0
      ? `, document: ${d}.key, doc: ${projection(at, d, ['Document'], documentNodes)}`
      : `, document: ${d}.key`;
  return `COLLECT { MATCH (${v})-[${c}:CITED_IN]->(${d}:Document) WITH ${c}, ${d} ORDER BY ${d}.key, ${c}.paragraph RETURN {paragraph: ${c}.paragraph${document}} }`;
}

/**
 * One relationship field: its links, each `{props, node}`, or, when no
 * property of the link is selected (`bare`), each the node alone. A node reached over a link with
 * one target label is projected without its label. Every key of a row costs a string in the
 * answer and in decoding it, once per link; compiledLinks restores the rows the resolvers read.
 */
function linkList(
  at: At,
  v: string,
  relation: Relation,
  { includeIllustrative, evidence }: LinkScope,
  nodes: readonly FieldNode[],
): { text: string; bare: boolean } {
  const { scope, depth } = at;
  const r = `r${depth}`;
  const m = `m${depth}`;
  const field = objectType(scope, relation.from).getFields()[relation.field];
  const named = field ? getNamedType(field.type) : undefined;
  const props = new Set<string>();
  const nodeSelections: FieldNode[] = [];
  if (named && isNodeTypeName(named.name)) {
    nodeSelections.push(...nodes); // a field that returns the node itself (`issuer`)
  } else if (isObjectType(named)) {
    for (const [name, fieldNodes] of fieldsOn(scope, named, nodes)) {
      const linkField = named.getFields()[name];
      if (name.startsWith('__') || !linkField) continue;
      if (isNodeTypeName(getNamedType(linkField.type).name)) nodeSelections.push(...fieldNodes);
      else (COMPOSITE_PROPERTIES[name] ?? [name]).forEach((p) => props.add(p));
    }
  }

  const arrow =
    relation.direction === 'out' ? `-[${r}:${relation.type}]->` : `<-[${r}:${relation.type}]-`;
  // One target label goes into the pattern; several are a condition.
  const [only] = relation.to;
  const pattern = relation.to.length === 1 ? `${m}:${only}` : m;
  const conditions = [
    ...(relation.to.length === 1 ? [] : [`(${relation.to.map((l) => `${m}:${l}`).join(' OR ')})`]),
    ...(includeIllustrative
      ? []
      : [
          `coalesce(${r}.illustrative, false) = false`,
          `coalesce(${m}.illustrative, false) = false`,
        ]),
    ...(evidence === null ? [] : [`${r}.evidence IN ${evidenceLiteral(evidence)}`]),
  ];
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  // A link is illustrative when it or the node it reaches is: its field reads both.
  const node = projection(
    at,
    m,
    relation.to,
    nodeSelections,
    props.has('illustrative') ? ['illustrative'] : [],
    false,
  );
  const bare = props.size === 0;
  const row = bare
    ? node
    : `{props: ${r} {${[...props].map((p) => `.${p}`).join(', ')}}, node: ${node}}`;
  // Unordered: compiledLinks orders each list by key. A sort per list in Neo4j cost a two-hop
  // statement (a hub's projects and each one's States) about 15 % of its database CPU.
  return { text: `COLLECT { MATCH (${v})${arrow}(${pattern})${where} RETURN ${row} }`, bare };
}

const NO_PROPS: LinkProps = Object.freeze({});

/** A compiled row of one target label gets that label back (see linkList), in place. */
function labelled(node: NodeRow, labels: readonly Label[]): NodeRow {
  const [only] = labels;
  if (labels.length === 1 && only !== undefined && node.label === undefined)
    (node as { label: Label }).label = only;
  return node;
}

/** Key order as Cypher's ORDER BY has it: both compare strings by UTF-16 code units. */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The links of a relationship field that the parent's statement compiled (`slot` as linkSlot
 * names it), in the order of their far nodes' keys, as the rows the resolvers read; undefined
 * when they were not compiled.
 */
export function compiledLinks(
  parent: Pick<NodeRow, '_links' | '_nodes'>,
  slot: string,
  relation: Relation,
): LinkRow[] | undefined {
  const links = parent._links?.[slot];
  if (links) {
    for (const link of links) labelled(link.node, relation.to);
    return links.sort((a, b) => byKey(a.node.key, b.node.key));
  }
  return parent._nodes?.[slot]
    ?.sort((a, b) => byKey(a.key, b.key))
    .map((node) => ({ props: NO_PROPS, node: labelled(node, relation.to) }));
}
