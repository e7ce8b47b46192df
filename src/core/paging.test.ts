import { describe, expect, it } from 'vitest';
import { encodeCursor, pageInfo, parsePage } from './paging.js';

describe('parsePage', () => {
  it('starts after the cursor it was given', () => {
    expect(parsePage(10, encodeCursor(9), 100)).toEqual({ first: 10, offset: 10 });
    expect(parsePage(undefined, null, 100)).toEqual({ first: 20, offset: 0 });
  });

  it.each([-1, 101, 2.5])('rejects first = %s with the limit', (first) => {
    expect(() => parsePage(first, null, 100)).toThrow('between 0 and 100');
  });

  it.each([
    'abc',
    encodeCursor(3) + 'x',
    Buffer.from('o:-1').toString('base64url'),
    Buffer.from('o:1e3').toString('base64url'),
    encodeCursor(2 ** 31 - 1), // forged: deeper than any list, past Neo4j's 32-bit list indexes
  ])('rejects the foreign cursor %j', (after) => {
    expect(() => parsePage(5, after, 100)).toThrow('"after" is not a cursor');
  });
});

describe('pageInfo', () => {
  it('reports neighbours and cursors of a middle page', () => {
    expect(pageInfo(10, 5, 30)).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(10),
      endCursor: encodeCursor(14),
    });
  });

  it('has no cursors on an empty page', () => {
    expect(pageInfo(0, 0, 0)).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
