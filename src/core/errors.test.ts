import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { InputError, UnavailableError, createFormatError, toAppError } from './errors.js';

describe('toAppError', () => {
  it('maps an unreachable database to SERVICE_UNAVAILABLE by error code', () => {
    expect(toAppError(new Neo4jError('gone', 'ServiceUnavailable', '', ''))).toBeInstanceOf(
      UnavailableError,
    );
    expect(toAppError(new Neo4jError('expired', 'SessionExpired', '', ''))).toBeInstanceOf(
      UnavailableError,
    );
  });

  it("maps the driver's own connection errors (no server code) to SERVICE_UNAVAILABLE", () => {
    const pool = new Neo4jError('Connection acquisition timed out in 5000 ms.', 'N/A', '', '');
    expect(toAppError(pool)).toBeInstanceOf(UnavailableError);
  });

  it('maps a statement stopped at its time limit to SERVICE_UNAVAILABLE saying so', () => {
    const timedOut = new Neo4jError(
      'terminated',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      '',
      '',
    );
    expect((toAppError(timedOut) as UnavailableError).message).toMatch(/time or memory limit/);
  });

  it('passes other errors through untouched', () => {
    const syntax = new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', '', '');
    expect(toAppError(syntax)).toBe(syntax);
  });
});

describe('createFormatError', () => {
  const logged: unknown[] = [];
  const format = createFormatError((e) => logged.push(e));

  it('keeps client-safe errors with their code and extensions', () => {
    const error = new InputError('bad id', 'id', { value: 'x' });
    expect(format({ message: 'bad id' }, error)).toEqual({
      message: 'bad id',
      extensions: { code: 'BAD_USER_INPUT', field: 'id', value: 'x' },
    });
  });

  it('masks anything else, logs it, and never returns a stack trace', () => {
    const error = new GraphQLError('boom', { originalError: new Error('secret detail') });
    const formatted = format({ message: 'boom', extensions: { stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveLength(1);
  });
});
