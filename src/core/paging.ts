import { InputError } from './errors.js';

/** Validated page arguments: how many to return and from which offset. */
export interface Page {
  readonly first: number;
  readonly offset: number;
}

const PREFIX = 'o:';
/** The deepest offset a cursor may point at: far beyond any list, far below Neo4j's 32-bit list indexes. */
export const MAX_CURSOR_OFFSET = 10_000_000;

/** Encodes a cursor: opaque to clients, an offset into the stable ordering to us. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

/**
 * Validates `first` (0 … maxPage) and decodes `after`; throws InputError naming the argument,
 * its value and the limit.
 */
export function parsePage(
  first: number | null | undefined,
  after: string | null | undefined,
  maxPage: number,
): Page {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 0 || size > maxPage) {
    throw new InputError(`"first" must be between 0 and ${maxPage}; got ${size}`, 'first', {
      value: size,
      limit: maxPage,
    });
  }
  if (after === null || after === undefined) return { first: size, offset: 0 };
  const decoded = Buffer.from(after, 'base64url').toString('utf8');
  const offset = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : NaN;
  if (
    !Number.isSafeInteger(offset) ||
    offset < 0 ||
    offset > MAX_CURSOR_OFFSET ||
    encodeCursor(offset) !== after
  ) {
    throw new InputError(
      `"after" is not a cursor this API issued: "${after.slice(0, 60)}"`,
      'after',
      { value: after.slice(0, 60) },
    );
  }
  return { first: size, offset: offset + 1 };
}

/** PageInfo of a page that starts at `offset`, holds `count` rows, out of `total`. */
export function pageInfo(offset: number, count: number, total: number) {
  return {
    hasNextPage: offset + count < total,
    hasPreviousPage: offset > 0,
    startCursor: count > 0 ? encodeCursor(offset) : null,
    endCursor: count > 0 ? encodeCursor(offset + count - 1) : null,
  };
}

/** A connection from one page of rows and the total the statement counted. */
export function connection<Row>(
  page: Page,
  result: { readonly total: number; readonly items: Row[] } | undefined,
) {
  const nodes = result?.items ?? [];
  const totalCount = result?.total ?? 0;
  return { totalCount, pageInfo: pageInfo(page.offset, nodes.length, totalCount), nodes };
}
