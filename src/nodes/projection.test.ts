import {
  buildSchema,
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { SelectionScope } from '../core/selection.js';
import { loadTypeDefs } from '../graphql/schema.js';
import { listMatch, pageStatement } from '../lists/lists.reads.js';
import { projectSpec, recommendationSpec } from '../lists/lists.specs.js';
import type { LinkRow, NodeRow } from '../core/rows.js';
import { compiledLinks, MAX_SUBQUERIES, selectionProjection } from './projection.js';
import { RELATIONS } from './relations.js';

const schema = buildSchema(loadTypeDefs().join('\n'));

/** The scope and the root field nodes of a one-field query, as a resolver's `info` gives them. */
function rootOf(query: string, variableValues: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const scope: SelectionScope = { schema, fragments, variableValues };
  const [field] = operation.selectionSet.selections as FieldNode[];
  return { scope, fieldNodes: [field!] };
}

/** The `nodes` field nodes below a connection field. */
const nodesOf = (field: FieldNode) =>
  field.selectionSet!.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'nodes',
  );

describe('compiled projections', () => {
  it('projects only the selected properties of one node, with its links', () => {
    const { scope, fieldNodes } = rootOf(`{ node(id: "Project:P-1") { id ... on Project { title
      period { start } implementers { role entity { name } } themes(includeIllustrative: true) { thematicArea { key } } } } }`);
    expect(selectionProjection(scope, 'n', ['Project'], fieldNodes)).toMatchSnapshot();
  });

  it('compiles the gap list: total, page, issuer and addressees (a union) in one statement', () => {
    const { scope, fieldNodes } = rootOf(`{ recommendationsWithoutProjects(first: 50) { totalCount
      nodes { key title issuer { key name } addressedTo { addressee { ... on MemberState { key name } ... on Entity { key name } } } } } }`);
    const match = listMatch(
      recommendationSpec,
      { implemented: false, projectAnswerable: true },
      false,
    );
    const projection = selectionProjection(scope, 'r', ['Recommendation'], nodesOf(fieldNodes[0]!));
    expect(
      pageStatement('recommendationsWithoutProjects', match, 'r.key', { total: true, projection })
        .text,
    ).toMatchSnapshot();
  });

  it('starts a region-filtered project list from the region index, conditions for the rest', () => {
    const { scope, fieldNodes } =
      rootOf(`{ projects(first: 50, where: { regions: ["sahel"], statuses: [ONGOING] }) {
      nodes { key sources { paragraph document { symbol } } } } }`);
    const match = listMatch(projectSpec, { regions: ['sahel'], statuses: ['ONGOING'] }, false);
    expect(match.params).toEqual({
      includeIllustrative: false,
      regions: ['sahel'],
      statuses: ['ongoing'],
    });
    const projection = selectionProjection(scope, 'p', ['Project'], nodesOf(fieldNodes[0]!));
    expect(
      pageStatement('projects', match, 'p.key', { total: false, projection }).text,
    ).toMatchSnapshot();
  });

  it('follows fragments, variables and @skip/@include, and never writes an alias into Cypher', () => {
    const { scope, fieldNodes } = rootOf(
      `query($all: Boolean!, $skip: Boolean!) { node(id: "Entity:UNODC") { ...E } }
       fragment E on Entity { INJECT_HERE: name projects(includeIllustrative: $all) { project { key } }
         mandatedBy @skip(if: $skip) { resolution { key } } sources @include(if: false) { paragraph } }`,
      { all: true, skip: true },
    );
    const text = selectionProjection(scope, 'n', ['Entity'], fieldNodes);
    expect(text).toContain('projects_1: COLLECT');
    expect(text).not.toContain('mandatedBy');
    expect(text).not.toContain('_sources');
    expect(text).not.toContain('INJECT_HERE');
    expect(text).toMatchSnapshot();
  });

  it('hands links past the depth and subquery budget to the loaders, from full rows', () => {
    const deep = `{ node(id: "Project:P-1") { ... on Project { implementers { entity { projects { project {
      implementers { entity { projects { project { key } } } } } } } } } } }`;
    const { scope, fieldNodes } = rootOf(deep);
    const text = selectionProjection(scope, 'n', ['Project'], fieldNodes);
    expect(text.match(/COLLECT/g)).toHaveLength(3);
    expect(text).toContain('.*, searchText: null'); // the third level's entities, read in full

    // Both illustrative modes of every link of the implementers and the beneficiaries: 34 lists.
    const both = (fields: string[]) =>
      fields
        .map((f) => `${f} { __typename } ${f}All: ${f}(includeIllustrative: true) { __typename }`)
        .join(' ');
    const entityLinks = both([
      'projects',
      'recommendationsIssued',
      'recommendationsReceived',
      'mandatedBy',
    ]);
    const stateLinks = both(['projects', 'recommendations', 'regions']);
    const wide = rootOf(`{ node(id: "Project:P-1") { ... on Project {
      i: implementers { entity { ${entityLinks} } } iAll: implementers(includeIllustrative: true) { entity { ${entityLinks} } }
      b: beneficiaries { memberState { ${stateLinks} contributions { fund } } }
      bAll: beneficiaries(includeIllustrative: true) { memberState { ${stateLinks} contributions { fund } } } } } }`);
    const wideText = selectionProjection(wide.scope, 'n', ['Project'], wide.fieldNodes);
    expect(wideText.match(/COLLECT/g)).toHaveLength(MAX_SUBQUERIES);
    expect(wideText).toContain('.*, searchText: null');
  });

  it('gives a repeated selection its own text per value of the variables read below it', () => {
    const query = `query($id: ID!, $all: Boolean!, $skip: Boolean!) { node(id: $id) { ...E } }
      fragment E on Entity { projects(includeIllustrative: $all) { project { key } }
        mandatedBy @skip(if: $skip) { resolution { key } } }`;
    const document = rootOf(query);
    // The same field nodes, as Apollo hands them out for a document it has cached.
    const at = (variableValues: Record<string, unknown>) =>
      selectionProjection(
        { ...document.scope, variableValues },
        'n',
        ['Entity'],
        document.fieldNodes,
      );
    const real = at({ id: 'Entity:A', all: false, skip: false });
    const all = at({ id: 'Entity:A', all: true, skip: false });
    const skipped = at({ id: 'Entity:A', all: false, skip: true });
    expect(new Set([real, all, skipped]).size).toBe(3);
    expect(all).toContain('projects_1: COLLECT');
    expect(skipped).not.toContain('mandatedBy');
    // The field's own argument does not reach the projection: another id reuses the text.
    expect(at({ id: 'Entity:B', all: false, skip: false })).toBe(real);
    // And each text is what a fresh compilation of the same selection gives.
    const fresh = rootOf(query, { id: 'Entity:C', all: true, skip: false });
    expect(selectionProjection(fresh.scope, 'n', ['Entity'], fresh.fieldNodes)).toBe(all);
  });
});

describe('compiled link lists', () => {
  // The statement leaves each list unordered; the API promises links in their far nodes' key order.
  const entity = (key: string) => ({ key, name: key }) as unknown as NodeRow;
  const keys = (links: LinkRow[] | undefined) => links?.map((l) => l.node.key);

  it('come back ordered by far-node key, with link properties or bare', () => {
    const parent = {
      _links: {
        implementers_0: ['UNODC', 'CTED', 'UNOCT'].map((key) => ({
          props: { role: 'lead' },
          node: entity(key),
        })),
      },
      _nodes: { implementers_1: ['b-2', 'B-1', 'a'].map(entity) },
    };
    const relation = RELATIONS.projectImplementers;
    expect(keys(compiledLinks(parent, 'implementers_0', relation))).toEqual([
      'CTED',
      'UNOCT',
      'UNODC',
    ]);
    // Code-unit order, as Cypher's ORDER BY: capitals first.
    const bare = compiledLinks(parent, 'implementers_1', relation);
    expect(keys(bare)).toEqual(['B-1', 'a', 'b-2']);
    expect(bare?.every((l) => l.node.label === 'Entity')).toBe(true);
    expect(compiledLinks(parent, 'implementers_2', relation)).toBeUndefined();
  });
});
