import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

/** Codes a client may see in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'OPERATION_NOT_SUPPORTED';

/** Apollo reads `extensions.http` to set the response status and headers, then drops it. */
function httpHead(status: number, retryAfterSeconds?: number) {
  const headers = new HeaderMap();
  if (retryAfterSeconds !== undefined) headers.set('retry-after', String(retryAfterSeconds));
  return { status, headers };
}

/** An error whose message and `extensions.code` are safe to show to clients. */
export class AppError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    this.name = new.target.name;
  }
}

/** Bad input from the client: names the argument and, where useful, the value and the limit. */
export class InputError extends AppError {
  constructor(message: string, field?: string, extra: Record<string, unknown> = {}) {
    super(message, 'BAD_USER_INPUT', field === undefined ? extra : { field, ...extra });
  }
}

/**
 * A credential is missing where one is needed, or the one sent is bad, expired or revoked (never
 * treated as anonymous). HTTP 401.
 */
export class AuthenticationError extends AppError {
  constructor(message: string) {
    const http = httpHead(401);
    http.headers.set('www-authenticate', 'Bearer realm="ctkg"');
    super(message, 'UNAUTHENTICATED', { http });
  }
}

/** A valid credential without the right to the operation; names the operation only. HTTP 403. */
export class ForbiddenError extends AppError {
  constructor(operation: string) {
    super(`Your credential does not allow ${operation}`, 'FORBIDDEN', {
      operation,
      http: httpHead(403),
    });
  }
}

/**
 * The request contradicts the stored state: a stale version, an idempotency key reused for a
 * different request, a review of a submission no longer waiting. HTTP 409.
 */
export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'CONFLICT', { ...extensions, http: httpHead(409) });
  }
}

/** True when a write broke a uniqueness constraint (a concurrent writer got there first). */
export const isConstraintViolation = (error: unknown): boolean =>
  error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** Seconds a client is asked to wait after a SERVICE_UNAVAILABLE answer. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot answer now: unreachable, out of connections, or the statement ran past its
 * time or memory cap. HTTP 503 with `Retry-After`.
 */
export class UnavailableError extends AppError {
  constructor(message = 'The graph database is unavailable; retry later') {
    super(message, 'SERVICE_UNAVAILABLE', {
      retryAfter: RETRY_AFTER_SECONDS,
      http: httpHead(503, RETRY_AFTER_SECONDS),
    });
  }
}

/**
 * A request over a limit: measured before execution (depth, aliases, cost …) or while it runs
 * (statements, rows, response size). Names the limit, its value and what was measured. HTTP 400.
 */
export class QueryTooComplexError extends AppError {
  constructor(message: string, limitName: string, limit: number, measured?: number) {
    super(message, 'QUERY_TOO_COMPLEX', {
      limitName,
      limit,
      ...(measured === undefined ? {} : { measured }),
      http: httpHead(400),
    });
  }
}

/** The client spent its request or cost budget for the current window. HTTP 429 with `Retry-After`. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    retryAfterSeconds: number,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, 'RATE_LIMITED', {
      ...extensions,
      retryAfter: retryAfterSeconds,
      http: httpHead(429, retryAfterSeconds),
    });
  }
}

/** An operation type the schema does not have (subscription, mutation today). HTTP 400. */
export class OperationNotSupportedError extends AppError {
  constructor(operation: string) {
    super(
      `This API does not support ${operation} operations; send a query`,
      'OPERATION_NOT_SUPPORTED',
      { operation, http: httpHead(400) },
    );
  }
}

/** Configuration that cannot start the service; thrown by loadConfig, reported by server.ts. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  // The driver's own errors carry no server code: a connection that could not be acquired or
  // set up in time (a database that accepts connections but does not answer) is one of them.
  'N/A',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

// A statement stopped by the database's time or memory cap (driver timeout, db.transaction.timeout,
// db.memory.transaction.max): the client may retry, or ask for less.
const OVER_BUDGET_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
]);

/** Maps driver errors to client-safe errors by `error.code`; anything else passes through to be masked. */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code)) return new UnavailableError();
  if (OVER_BUDGET_CODES.has(error.code)) {
    return new UnavailableError(
      'The database stopped this query at its time or memory limit; retry later or ask for less',
    );
  }
  return error;
}

/** True when the error (or what it wraps) says the database is unreachable. */
export function isUnavailable(error: unknown): boolean {
  return toAppError(error) instanceof UnavailableError;
}

// Apollo's own request errors (parse, validation, variable coercion) are safe to pass through.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * The AppError behind an error as Apollo hands it over: resolver errors wrap it, and validation
 * errors (Apollo's ValidationError) keep the rule's error as `originalError`.
 */
function appErrorOf(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  if (unwrapped instanceof GraphQLError && unwrapped.originalError instanceof AppError)
    return unwrapped.originalError;
  return unwrapped;
}

/**
 * Apollo `formatError`: the single masking point. Keeps AppErrors and GraphQL's own request
 * errors; replaces everything else with a generic message after handing it to `log`.
 */
export function createFormatError(
  log: (error: unknown) => void,
  options: { maxTokens?: number } = {},
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // graphql-js aborts parsing past `maxTokens` with a plain syntax error; clients get the limit.
    if (
      options.maxTokens !== undefined &&
      formatted.extensions?.['code'] === 'GRAPHQL_PARSE_FAILED' &&
      /more tha[nt] \d+ tokens/.test(formatted.message)
    ) {
      return {
        message: `The document has more than ${options.maxTokens} tokens, the limit; send a smaller query`,
        extensions: { code: 'QUERY_TOO_COMPLEX', limitName: 'maxTokens', limit: options.maxTokens },
      };
    }
    const original = appErrorOf(error);
    if (original instanceof AppError) {
      const { http: _http, ...extensions } = original.extensions;
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions,
      };
    }
    const code = formatted.extensions?.['code'];
    if (
      typeof code === 'string' &&
      REQUEST_ERROR_CODES.has(code) &&
      !(original instanceof Neo4jError)
    ) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const mapped = toAppError(original);
    if (mapped instanceof AppError) {
      const { http: _http, ...extensions } = mapped.extensions;
      return { message: mapped.message, path: formatted.path, extensions };
    }
    log(original);
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
