import { routing, type Driver, type ManagedTransaction, type RoutingControl } from 'neo4j-driver';
import { toAppError } from '../core/errors.js';
import type { Cypher } from './cypher.js';

/** A write transaction handed to `Db.transaction`: runs our typed statements only. */
export interface Tx {
  run<P extends object, R>(query: Cypher<P, R>, params: P): Promise<R[]>;
}

/** The only way the service talks to Neo4j: names the database, tags queries, maps errors. */
export interface Db {
  /** Runs a read transaction (routed to readers in a cluster) and returns the `row` column. */
  read<P extends object, R>(query: Cypher<P, R>, params: P): Promise<R[]>;
  /** Runs a single-statement write transaction and returns the `row` column. */
  write<P extends object, R>(query: Cypher<P, R>, params: P): Promise<R[]>;
  /** Runs `work` in one write transaction: all its statements commit together or not at all. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Answers whether the database responds right now (used by /ready). */
  ping(): Promise<boolean>;
}

export interface DbOptions {
  readonly database: string;
  /** Called with the statement name before each round trip (the round-trip budget test counts them). */
  readonly onQuery?: (name: string) => void;
}

const METADATA = { app: 'ctkg' };

/** Creates the Db over a driver. Reads use `executeQuery` with READ routing (retries included). */
export function createDb(driver: Driver, options: DbOptions): Db {
  const { database, onQuery } = options;

  async function run<P extends object, R>(
    query: Cypher<P, R>,
    params: P,
    mode: RoutingControl,
  ): Promise<R[]> {
    onQuery?.(query.name);
    try {
      const { records } = await driver.executeQuery(query.text, params, {
        database,
        routing: mode,
        transactionConfig: { metadata: { ...METADATA, query: query.name } },
      });
      return records.map((record) => record.get('row') as R);
    } catch (error) {
      throw toAppError(error);
    }
  }

  async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = driver.session({ database, defaultAccessMode: 'WRITE' });
    try {
      return await session.executeWrite(
        (mtx: ManagedTransaction) =>
          work({
            async run<P extends object, R>(query: Cypher<P, R>, params: P): Promise<R[]> {
              onQuery?.(query.name);
              const result = await mtx.run(query.text, params);
              return result.records.map((record) => record.get('row') as R);
            },
          }),
        { metadata: { ...METADATA, query: 'transaction' }, timeout: 600_000 },
      );
    } catch (error) {
      throw toAppError(error);
    } finally {
      await session.close();
    }
  }

  async function ping(): Promise<boolean> {
    try {
      await driver.executeQuery('RETURN 1 AS row', {}, { database, routing: routing.READ });
      return true;
    } catch {
      return false;
    }
  }

  return {
    read: (query, params) => run(query, params, routing.READ),
    write: (query, params) => run(query, params, routing.WRITE),
    transaction,
    ping,
  };
}
