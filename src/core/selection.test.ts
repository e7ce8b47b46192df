import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from './selection.js';

const schema = buildSchema(`
  type Hood { nodes: [Int!]!, degrees: [Int!]! }
  type Query { hood: Hood! }
`);

/** What `selectsField(info, 'degrees')` says for `hood` in `query`. */
async function selectsDegrees(query: string): Promise<boolean> {
  let seen: boolean | undefined;
  const result = await graphql({
    schema,
    source: query,
    rootValue: {
      hood: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        seen = selectsField(info, 'degrees');
        return { nodes: [], degrees: [] };
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return seen!;
}

describe('selectsField', () => {
  it('sees a field selected directly, in an inline fragment or in a named fragment', async () => {
    expect(await selectsDegrees('{ hood { degrees } }')).toBe(true);
    expect(await selectsDegrees('{ hood { ... on Hood { degrees } } }')).toBe(true);
    expect(await selectsDegrees('{ hood { ...F } } fragment F on Hood { degrees }')).toBe(true);
  });

  it('says no when the field is not selected', async () => {
    expect(await selectsDegrees('{ hood { nodes } }')).toBe(false);
    expect(await selectsDegrees('{ hood { ...F } } fragment F on Hood { nodes }')).toBe(false);
  });
});
