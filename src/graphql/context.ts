// What every resolver receives, and the factory that makes it once per request. The areas name
// only the Context type; the factory creates their loaders, so no cache outlives a request.
import { randomUUID } from 'node:crypto';
import { ANONYMOUS, createAuthenticator, type Principal } from '../access/index.js';
import type { ConfidentialAggregates, Limits, OidcConfig } from '../config.js';
import type { Logger } from '../core/logger.js';
import { withBudget, type BudgetUsage } from '../db/budget.js';
import type { Db } from '../db/db.js';
import { createNodeLoaders, type NodeLoaders } from '../nodes/index.js';
import type { CostRecord } from './limits.js';

export type { Limits };

export type Loaders = NodeLoaders;

/** What every resolver receives. Created per request by `createContextFactory`. */
export interface Context {
  /** The request's view of the database: statements, rows and time counted against its budget. */
  readonly db: Db;
  readonly loaders: Loaders;
  readonly limits: Pick<Limits, 'maxPage'>;
  readonly requestId: string;
  readonly log: Logger;
  /** Who sent the request (IP address, later the API key); null in-process. */
  readonly client: string | null;
  /** The caller: anonymous, or an API key's holder with its role and scopes. */
  readonly principal: Principal;
  /** How public answers treat confidential records (config CONFIDENTIAL_AGGREGATES). */
  readonly confidentialAggregates: ConfidentialAggregates;
  /** The measured cost of the operation, once the cost plugin has run. */
  readonly costRecord: CostRecord;
  readonly usage: () => BudgetUsage;
}

export interface ContextDeps {
  readonly db: Db;
  readonly limits: Pick<Limits, 'maxPage' | 'maxStatements' | 'maxRows' | 'requestTimeoutMs'>;
  readonly statementTimeoutMs: number;
  readonly log: Logger;
  /** Bearer JWTs accepted besides API keys; none when absent. */
  readonly oidc?: OidcConfig | null;
  /** Default `exclude`. */
  readonly confidentialAggregates?: ConfidentialAggregates;
}

/** Statements of one request in flight at once: a quarter of the pool would already be greedy. */
const MAX_CONCURRENT_PER_REQUEST = 4;

/** Fresh loaders for one request: caches never outlive it. */
export function createLoaders(db: Db): Loaders {
  return createNodeLoaders(db);
}

/** Returns the per-request context factory. Called once per request: loaders are never shared. */
export function createContextFactory(deps: ContextDeps) {
  const authenticate = createAuthenticator(deps.db, deps.oidc ?? null);
  return async (request?: {
    requestId?: string;
    client?: string | null;
    authorization?: string;
  }): Promise<Context> => {
    const requestId = request?.requestId ?? randomUUID();
    // A bad credential fails the request here (UNAUTHENTICATED), before any resolver runs.
    const principal =
      request?.authorization === undefined ? ANONYMOUS : await authenticate(request.authorization);
    const db = withBudget(deps.db, {
      maxStatements: deps.limits.maxStatements,
      maxRows: deps.limits.maxRows,
      maxConcurrent: MAX_CONCURRENT_PER_REQUEST,
      deadline: Date.now() + deps.limits.requestTimeoutMs,
      statementTimeoutMs: deps.statementTimeoutMs,
    });
    return {
      db,
      loaders: createLoaders(db),
      limits: deps.limits,
      requestId,
      log: deps.log.child({ requestId }),
      client: request?.client ?? null,
      principal,
      confidentialAggregates: deps.confidentialAggregates ?? 'exclude',
      costRecord: {},
      usage: () => db.usage(),
    };
  };
}
