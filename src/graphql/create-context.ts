// Builds the per-request context: a budgeted view of the database, the request's identity.
import { randomUUID } from 'node:crypto';
import { withBudget } from '../db/budget.js';
import type { Context, ContextDeps } from './context.js';

/** Statements of one request in flight at once: a quarter of the pool would already be greedy. */
const MAX_CONCURRENT_PER_REQUEST = 4;

/** Returns the per-request context factory. Called once per request: nothing is shared. */
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
      limits: deps.limits,
      requestId,
      log: deps.log.child({ requestId }),
      client: request?.client ?? null,
      costRecord: {},
      usage: () => db.usage(),
    });
  };
}
