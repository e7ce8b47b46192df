// The pages' only door to the data: POST /graphql, the public API any client uses.

/** An error the API answered with: its message and `extensions.code`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | undefined,
    /** Seconds the server asks to wait before retrying, when it says. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; retryAfter?: unknown } }[];
}

let inFlight = 0;

/** Requests sent and not yet answered (the browser tests wait for zero). */
export function requestsInFlight(): number {
  return inFlight;
}

/** Longest wait for a retry the server asks for (`extensions.retryAfter`, in seconds). */
const MAX_RETRY_AFTER_S = 5;

/**
 * Runs one GraphQL operation on this origin's `/graphql` and returns its data. Throws ApiError
 * with the first error's message and code when the answer has errors (partial data is not used:
 * a page shows what it asked for, or says why not). A SERVICE_UNAVAILABLE answer with a short
 * `retryAfter` is retried once, after that wait.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  inFlight += 1;
  try {
    try {
      return await post<T>(query, variables);
    } catch (error) {
      const wait = error instanceof ApiError ? error.retryAfter : null;
      if (wait === null || wait > MAX_RETRY_AFTER_S) throw error;
      await new Promise((done) => setTimeout(done, wait * 1000));
      return await post<T>(query, variables);
    }
  } finally {
    inFlight -= 1;
  }
}

async function post<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as GraphQLResponse<T> | null;
  const first = body?.errors?.[0];
  if (first !== undefined) {
    const code = first.extensions?.code;
    const retryAfter = first.extensions?.retryAfter;
    throw new ApiError(
      first.message,
      code,
      code === 'SERVICE_UNAVAILABLE' && typeof retryAfter === 'number' ? retryAfter : null,
    );
  }
  if (!response.ok || body?.data === undefined || body.data === null) {
    throw new ApiError(`The API answered HTTP ${response.status}`, undefined, null);
  }
  return body.data;
}
