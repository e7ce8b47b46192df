// The pages' only door to the data: POST /graphql, the public API any client uses.

/** An error the API answered with: its message and `extensions.code`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let inFlight = 0;

/** Requests sent and not yet answered (the browser tests wait for zero). */
export function requestsInFlight(): number {
  return inFlight;
}

/**
 * Runs one GraphQL operation on this origin's `/graphql` and returns its data. Throws ApiError
 * with the first error's message and code when the answer has errors (partial data is not used:
 * a page shows what it asked for, or says why not).
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  inFlight += 1;
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => null)) as GraphQLResponse<T> | null;
    const first = body?.errors?.[0];
    if (first !== undefined) throw new ApiError(first.message, first.extensions?.code);
    if (!response.ok || body?.data === undefined || body.data === null) {
      throw new ApiError(`The API answered HTTP ${response.status}`, undefined);
    }
    return body.data;
  } finally {
    inFlight -= 1;
  }
}
