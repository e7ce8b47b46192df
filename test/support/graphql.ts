import type { ApolloServer } from '@apollo/server';
import { createLogger } from '../../src/core/logger.js';
import { createContextFactory, type Context } from '../../src/graphql/context.js';
import { createApollo } from '../../src/http/app.js';
import type { Db } from '../../src/db/db.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import type { ListCaps } from '../../src/graphql/cost.js';
import { readListCaps } from '../../src/nodes/list-caps.js';

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

/**
 * An in-process executor: Apollo's `executeOperation` with the real context factory. Like the
 * server, it weighs relationship lists by the graph's measured caps, read before each operation
 * through `db.quiet` when there is one (so a TestDb's `calls` list only the operation's own).
 */
export async function createExecutor(
  db: Db & { quiet?: Db },
  limits: typeof TEST_LIMITS = TEST_LIMITS,
) {
  const log = createLogger('silent');
  let caps: ListCaps = new Map();
  const apollo: ApolloServer<Context> = createApollo({
    db,
    log,
    limits,
    listCaps: () => caps,
  });
  await apollo.start();
  const contextFor = createContextFactory({
    db,
    limits,
    statementTimeoutMs: 15_000,
    log,
  });
  return async function execute<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    /** `Authorization` header value, e.g. `Bearer <key>`; none: anonymous. */
    authorization?: string,
  ): Promise<Executed<T>> {
    if (db.quiet) caps = await readListCaps(db.quiet);
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: await contextFor({ authorization }) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as Executed<T>;
  };
}
