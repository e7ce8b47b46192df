import {
  buildSchema,
  getIntrospectionQuery,
  getOperationAST,
  parse,
  validate,
  type GraphQLError,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { QueryTooComplexError } from '../core/errors.js';
import { INTROSPECTION_COST, measureCost, STATEMENT_COST } from './cost.js';
import { createLimitRules } from './limits.js';

const schema = buildSchema(`
  type Link { item: Item! }
  type Item { id: ID!, name: String, links: [Link!]!, children(first: Int = 10): [Item!]! }
  type Page { total: Int!, nodes: [Item!]! }
  type Hood { nodes: [Item!]!, edges: [Link!]!, degrees(ids: [ID!]): [Item!]! }
  type Query {
    items(first: Int = 20): Page!
    item(id: ID!): Item
    nodes(ids: [ID!]!): [Item]!
    neighborhood(id: ID!, depth: Int = 1, limitPerType: Int = 25, relationshipTypes: [String!]): Hood!
  }
`);

const LIMITS = { maxDepth: 4, maxAliases: 3, maxDirectives: 2, maxCost: 1000, maxPage: 100 };

const check = (query: string) =>
  validate(schema, parse(query), createLimitRules(LIMITS)).map((e: GraphQLError) => ({
    message: e.message,
    extensions: e.extensions,
    coded: e instanceof QueryTooComplexError || e.extensions['code'] !== undefined,
  }));

const cost = (query: string, variables: Record<string, unknown> = {}, caps = new Map()) => {
  const document = parse(query);
  return measureCost(document, getOperationAST(document)!, variables, {
    schema,
    maxPage: 100,
    listCaps: () => caps,
  }).cost;
};

describe('createLimitRules', () => {
  it('accepts a query within every limit', () => {
    expect(check('{ items(first: 5) { nodes { id children { id } } } }')).toEqual([]);
  });

  it('rejects depth beyond the limit, through fragments, naming limit and depth', () => {
    const query = `{ items { ...F } } fragment F on Page { nodes { children { children { children { id } } } } }`;
    const [error] = check(query);
    expect(error?.message).toBe('Query depth limit of 4 exceeded, found 6.');
    expect(error?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limitName: 'maxDepth',
      limit: 4,
      measured: 6,
    });
  });

  it('rejects too many aliases, counted through fragment spreads', () => {
    const query = `{ ...F ...F } fragment F on Query { a: item(id: 1) { id } b: item(id: 2) { id } }`;
    expect(check(query)[0]?.extensions).toMatchObject({ limitName: 'maxAliases', measured: 4 });
  });

  it('rejects too many directives', () => {
    const query = `{ item(id: 1) { id @skip(if: false) name @skip(if: false) n2: name @include(if: true) } }`;
    expect(check(query)[0]?.extensions).toMatchObject({ limitName: 'maxDirectives', limit: 2 });
  });

  it('rejects subscriptions and mutations on a schema without them, with a code', () => {
    for (const operation of ['subscription { items { total } }', 'mutation { items { total } }']) {
      const [error] = check(operation);
      expect(error?.extensions['code']).toBe('OPERATION_NOT_SUPPORTED');
    }
  });

  it('leaves introspection out of depth, so GraphiQL can read the schema', () => {
    expect(check(getIntrospectionQuery())).toEqual([]);
  });

  it('measures a fragment fan-out (each level spreading the next twice) once per fragment', () => {
    const levels = Array.from(
      { length: 24 },
      (_, i) => `fragment F${i} on Item { ${i === 0 ? 'id' : `...F${i - 1} ...F${i - 1}`} }`,
    );
    const query = `{ item(id: 1) { ...F23 } } ${levels.join(' ')}`;
    const started = performance.now();
    check(query);
    expect(cost(query)).toBeGreaterThan(0);
    // 2^23 spreads expanded: measured per spread this would take minutes, not a second.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('measureCost', () => {
  it('counts each field, and a root field as a statement', () => {
    expect(cost('{ item(id: 1) { id name } }')).toBe(1 + 2 + STATEMENT_COST);
  });

  it('multiplies what a paged list selects by its first, with defaults and variables resolved', () => {
    // items { nodes { id } }: items 1, nodes 1, and `first` ids.
    const page = (first: number) => 1 + 1 + first + STATEMENT_COST;
    expect(cost('{ items(first: 10) { nodes { id } } }')).toBe(page(10));
    expect(cost('{ items { nodes { id } } }')).toBe(page(20));
    expect(cost('query($n: Int) { items(first: $n) { nodes { id } } }', { n: 50 })).toBe(page(50));
    // A variable left out takes the argument's default; a page past the limit weighs the limit.
    expect(cost('query($n: Int) { items(first: $n) { nodes { id } } }')).toBe(page(20));
    expect(cost('{ items(first: 100000) { nodes { id } } }')).toBe(page(100));
    // Fields of the connection itself count once; nested paged lists multiply.
    expect(cost('{ items(first: 10) { total nodes { children(first: 5) { id } } } }')).toBe(
      1 + 1 + 1 + 10 * (1 + 5) + STATEMENT_COST,
    );
  });

  it('weighs unpaged lists by their measured cap, nested weights multiplied', () => {
    const caps = new Map([['Item.links', 7]]);
    const query = '{ item(id: 1) { links { item { links { item { id } } } } } }';
    // item → links(7) → item → links(7) → item → id
    const inner = 1 + 7 * (1 + 1); // links { item { id } }
    const outer = 1 + 7 * (1 + inner);
    expect(cost(query, {}, caps)).toBe(1 + outer + STATEMENT_COST);
    expect(cost(query, {}, new Map([['Item.links', 70]]))).toBeGreaterThan(
      cost(query, {}, caps) * 50,
    );
  });

  it('weighs nodes(ids:) by the number of ids given', () => {
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id } }')).toBe(1 + 3 + STATEMENT_COST);
  });

  it('counts every aliased root field as its own statement', () => {
    const one = cost('{ a: item(id: 1) { id } }');
    expect(cost('{ a: item(id: 1) { id } b: item(id: 2) { id } }')).toBe(2 * one);
  });

  it('gives introspection a fixed, schema-bounded weight', () => {
    expect(cost('{ __schema { types { name } } }')).toBe(INTROSPECTION_COST);
  });

  it('weighs a neighbourhood by what its depth, limitPerType and types can reach', () => {
    // 2 types × 2 per type: 4 links from the start node, so 5 nodes and 4 relationships.
    const hood = (args: string) =>
      cost(`{ neighborhood(id: 1, ${args}) { nodes { id } edges { item { id } } } }`);
    expect(hood('limitPerType: 2, relationshipTypes: ["A", "B"]')).toBe(
      1 + (1 + 5 * 1) + (1 + 4 * (1 + 1)) + STATEMENT_COST,
    );
    // Two hops reach 4 × 5 relationships; an out-of-range depth weighs as the deepest allowed.
    const twoHops = hood('depth: 2, limitPerType: 2, relationshipTypes: ["A", "B"]');
    expect(twoHops).toBe(1 + (1 + 21 * 1) + (1 + 20 * (1 + 1)) + STATEMENT_COST);
    expect(hood('depth: 3, limitPerType: 2, relationshipTypes: ["A", "B"]')).toBe(twoHops);
    // Every type, at the default limit: capped at 500 nodes and 1,000 relationships.
    expect(hood('depth: 2')).toBe(1 + (1 + 500) + (1 + 1000 * 2) + STATEMENT_COST);
  });

  it('weighs the degrees of a neighbourhood by its nodes, or by the ids asked for', () => {
    const degrees = (list: string, variables = {}) =>
      cost(
        `query($ids: [ID!]) { neighborhood(id: 1, limitPerType: 2, relationshipTypes: ["A", "B"]) { ${list} { id } } }`,
        variables,
      );
    expect(degrees('degrees')).toBe(1 + (1 + 5) + STATEMENT_COST);
    expect(degrees('degrees(ids: [1])')).toBe(1 + (1 + 1) + STATEMENT_COST);
    expect(degrees('degrees(ids: $ids)', { ids: ['a', 'b', 'c'] })).toBe(
      1 + (1 + 3) + STATEMENT_COST,
    );
    // No more than the neighbourhood's nodes, however many ids.
    expect(degrees('degrees(ids: $ids)', { ids: Array(50).fill('a') })).toBe(
      1 + (1 + 5) + STATEMENT_COST,
    );
  });
});
