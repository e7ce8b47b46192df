import type { ApolloServer } from '@apollo/server';
import { createLogger } from '../../src/core/logger.js';
import { createContextFactory, type Context } from '../../src/graphql/context.js';
import { createApollo } from '../../src/http/app.js';
import type { Db } from '../../src/db/db.js';
import { DEFAULT_LIMITS } from '../../src/config.js';

/** The service's default limits: in-process tests are held to what users are. */
export const TEST_LIMITS = DEFAULT_LIMITS;

export interface Executed<T> {
  data?: T | null;
  errors?: readonly {
    message: string;
    extensions?: Record<string, unknown>;
    path?: readonly (string | number)[];
  }[];
}

/** An in-process executor: Apollo's `executeOperation` with the real context factory. */
export async function createExecutor(db: Db) {
  const log = createLogger('silent');
  const apollo: ApolloServer<Context> = createApollo({ db, log, limits: TEST_LIMITS });
  await apollo.start();
  const contextFor = createContextFactory({
    db,
    limits: TEST_LIMITS,
    statementTimeoutMs: 15_000,
    log,
  });
  return async function execute<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Executed<T>> {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: await contextFor() },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as Executed<T>;
  };
}
