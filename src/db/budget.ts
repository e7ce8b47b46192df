import { QueryTooComplexError, UnavailableError } from '../core/errors.js';
import { createSemaphore } from '../core/semaphore.js';
import type { Db } from './db.js';

/** What one request may spend on the database. */
export interface RequestBudget {
  /** Statements the request may send in all. */
  readonly maxStatements: number;
  /** Rows the request may read in all. */
  readonly maxRows: number;
  /** Statements of this request in flight at once, so one request cannot hold the whole pool. */
  readonly maxConcurrent: number;
  /** Epoch ms after which no statement starts, and running ones are cut by their timeout. */
  readonly deadline: number;
  /** Timeout of one statement, in ms (shortened to what is left before the deadline). */
  readonly statementTimeoutMs: number;
}

/** What a request has spent so far. */
export interface BudgetUsage {
  readonly statements: number;
  readonly rows: number;
}

/**
 * Wraps `db` for one request: counts statements and rows against the budget (QUERY_TOO_COMPLEX
 * past either), runs at most `maxConcurrent` at once, and gives each statement no more time than
 * is left before the deadline (SERVICE_UNAVAILABLE once it has passed). Writes and transactions
 * pass through: requests only read.
 */
export function withBudget(db: Db, budget: RequestBudget): Db & { usage(): BudgetUsage } {
  let statements = 0;
  let rows = 0;
  const gate = createSemaphore(budget.maxConcurrent);
  const deadlinePassed = () =>
    new UnavailableError('The request ran past its time limit; ask for less or retry later');

  return {
    ...db,
    async read(query, params, options) {
      statements += 1;
      if (statements > budget.maxStatements) {
        throw new QueryTooComplexError(
          `This request needs more than ${budget.maxStatements} database statements; split it or ask for fewer fields`,
          'maxStatements',
          budget.maxStatements,
          statements,
        );
      }
      const release = await gate.acquire(Math.max(0, budget.deadline - Date.now()), deadlinePassed);
      try {
        const left = budget.deadline - Date.now();
        if (left <= 0) throw deadlinePassed();
        const result = await db.read(query, params, {
          ...options,
          timeoutMs: Math.min(options?.timeoutMs ?? budget.statementTimeoutMs, left),
        });
        rows += result.length;
        if (rows > budget.maxRows) {
          throw new QueryTooComplexError(
            `This request reads more than ${budget.maxRows} rows from the database; ask for smaller pages or fewer nested lists`,
            'maxRows',
            budget.maxRows,
            rows,
          );
        }
        return result;
      } finally {
        release();
      }
    },
    usage: () => ({ statements, rows }),
  };
}
