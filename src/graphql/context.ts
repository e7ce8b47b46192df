// What every resolver receives: the types only, so the areas can name it without importing the
// factory (create-context.ts), which builds the areas' loaders.
import type { Limits } from '../config.js';
import type { Logger } from '../core/logger.js';
import type { BudgetUsage } from '../db/budget.js';
import type { Db } from '../db/db.js';
import type { NodeLoaders } from '../nodes/index.js';
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
  /** The measured cost of the operation, once the cost plugin has run. */
  readonly costRecord: CostRecord;
  readonly usage: () => BudgetUsage;
}

export interface ContextDeps {
  readonly db: Db;
  readonly limits: Pick<Limits, 'maxPage' | 'maxStatements' | 'maxRows' | 'requestTimeoutMs'>;
  readonly statementTimeoutMs: number;
  readonly log: Logger;
}
