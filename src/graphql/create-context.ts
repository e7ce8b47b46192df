// Builds the per-request context: a budgeted view of the database and fresh loaders.
import { randomUUID } from 'node:crypto';
import { withBudget } from '../db/budget.js';
import type { Db } from '../db/db.js';
import { createNodeLoaders } from '../nodes/index.js';
import type { Context, ContextDeps, Loaders } from './context.js';

/** Statements of one request in flight at once: a quarter of the pool would already be greedy. */
const MAX_CONCURRENT_PER_REQUEST = 4;

/** Fresh loaders for one request: caches never outlive it. */
export function createLoaders(db: Db): Loaders {
  return createNodeLoaders(db);
}

/** Returns the per-request context factory. Called once per request: loaders are never shared. */
export function createContextFactory(deps: ContextDeps) {
  return (request?: { requestId?: string; client?: string | null }): Promise<Context> => {
    const requestId = request?.requestId ?? randomUUID();
    const db = withBudget(deps.db, {
      maxStatements: deps.limits.maxStatements,
      maxRows: deps.limits.maxRows,
      maxConcurrent: MAX_CONCURRENT_PER_REQUEST,
      deadline: Date.now() + deps.limits.requestTimeoutMs,
      statementTimeoutMs: deps.statementTimeoutMs,
    });
    return Promise.resolve({
      db,
      loaders: createLoaders(db),
      limits: deps.limits,
      requestId,
      log: deps.log.child({ requestId }),
      client: request?.client ?? null,
      costRecord: {},
      usage: () => db.usage(),
    });
  };
}
