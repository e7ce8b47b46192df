import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLimitRule } from './limits.js';

const schema = buildSchema(`
  type Item { id: ID!, children(first: Int): [Item!]! }
  type Query { items(first: Int): [Item!]! }
`);

const check = (query: string, maxDepth = 4, maxCost = 100) =>
  validate(schema, parse(query), [createLimitRule(maxDepth, maxCost)]).map((e) => e.message);

describe('createLimitRule', () => {
  it('accepts a query within depth and cost', () => {
    expect(check('{ items(first: 5) { id children { id } } }')).toEqual([]);
  });

  it('rejects depth beyond the limit, counting through fragments', () => {
    const query = `{ items { ...F } } fragment F on Item { children { children { children { children { id } } } } }`;
    expect(check(query)).toEqual(['Query is nested 5 levels deep; the limit is 4']);
  });

  it('weights list fields by their first argument', () => {
    expect(check('{ items(first: 50) { id children(first: 50) { id } } }', 4, 1000)[0]).toMatch(
      /^Query cost \d+ exceeds the limit of 1000$/,
    );
  });

  it('counts aliases, so alias bombs are refused', () => {
    const aliases = Array.from({ length: 150 }, (_, i) => `a${i}: items { id }`).join(' ');
    expect(check(`{ ${aliases} }`)[0]).toMatch(/exceeds the limit of 100/);
  });

  it('leaves introspection out, so GraphiQL can read the schema', () => {
    expect(check(getIntrospectionQuery(), 4, 100)).toEqual([]);
  });
});
