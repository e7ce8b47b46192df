import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';

/** Codes a client may see in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'QUERY_TOO_COMPLEX';

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

/** The database cannot be reached (stopped, restarting, network down). */
export class UnavailableError extends AppError {
  constructor() {
    super('The graph database is unavailable; retry later', 'SERVICE_UNAVAILABLE');
  }
}

/** Configuration that cannot start the service; thrown by loadConfig, reported by server.ts. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Maps driver errors to client-safe errors by `error.code`; anything else passes through to be masked. */
export function toAppError(error: unknown): unknown {
  if (error instanceof Neo4jError && UNAVAILABLE_CODES.has(error.code))
    return new UnavailableError();
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
 * Apollo `formatError`: the single masking point. Keeps AppErrors and GraphQL's own request
 * errors; replaces everything else with a generic message after handing it to `log`.
 */
export function createFormatError(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { ...original.extensions },
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
      return {
        message: mapped.message,
        path: formatted.path,
        extensions: { ...mapped.extensions },
      };
    }
    log(original);
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
