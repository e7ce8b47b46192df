import { randomUUID } from 'node:crypto';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/db.js';
import { createNodeLoaders } from '../nodes/nodes.loaders.js';

/** Limits a request is held to (from config). */
export interface Limits {
  readonly maxPage: number;
}

/** Fresh loaders for one request: caches never outlive it. */
export function createLoaders(db: Db) {
  return { ...createNodeLoaders(db) };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What every resolver receives. Created per request by `createContextFactory`. */
export interface Context {
  readonly db: Db;
  readonly loaders: Loaders;
  readonly limits: Limits;
  readonly requestId: string;
  readonly log: Logger;
}

/** Returns the per-request context factory. Called once per request: loaders are never shared. */
export function createContextFactory(deps: { db: Db; limits: Limits; log: Logger }) {
  return (request?: { requestId?: string }): Promise<Context> => {
    const requestId = request?.requestId ?? randomUUID();
    return Promise.resolve({
      db: deps.db,
      loaders: createLoaders(deps.db),
      limits: deps.limits,
      requestId,
      log: deps.log.child({ requestId }),
    });
  };
}
