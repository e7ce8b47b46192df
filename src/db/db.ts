import { routing, type Driver, type ManagedTransaction, type RoutingControl } from 'neo4j-driver';
import { toAppError, UnavailableError } from '../core/errors.js';
import { createSemaphore } from '../core/semaphore.js';
import type { Cypher } from './cypher.js';

/** A write transaction handed to `Db.transaction`: runs our typed statements only. */
export interface Tx {
  run<P extends object, R>(query: Cypher<P, R>, params: P): Promise<R[]>;
}

/** Options of `Db.stream`. */
export interface StreamOptions {
  /** Aborting stops the read: nothing more is pulled, the session closes, the iteration rejects. */
  readonly signal?: AbortSignal;
  /**
   * Transaction timeout in ms, enforced by Neo4j over the whole stream, time spent waiting for
   * the consumer included. Default: the database's own setting.
   */
  readonly timeoutMs?: number;
}

/** The rows of one statement, pulled from Neo4j as they are iterated (see `Db.stream`). Iterate once. */
export interface RowStream<R> extends AsyncIterable<R> {
  /**
   * Null until the last row was read; then the database's commit position when the read ended
   * (the driver's bookmarks: opaque). Equal positions mean no write committed in between.
   */
  readonly position: string | null;
}

/** Per-statement options of a read. */
export interface ReadOptions {
  /** Transaction timeout in ms, enforced by Neo4j; default: the Db's `txTimeoutMs`. */
  readonly timeoutMs?: number;
}

/** The only way the service talks to Neo4j: names the database, tags queries, maps errors. */
export interface Db {
  /**
   * Runs a read transaction (routed to readers in a cluster) and returns the `row` column. The
   * database stops it at its timeout; a full pool or a timeout rejects with SERVICE_UNAVAILABLE.
   */
  read<P extends object, R>(query: Cypher<P, R>, params: P, options?: ReadOptions): Promise<R[]>;
  /** Runs a single-statement write transaction and returns the `row` column. */
  write<P extends object, R>(query: Cypher<P, R>, params: P): Promise<R[]>;
  /** Runs `work` in one write transaction: all its statements commit together or not at all. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Streams the `row` column of a read statement record by record: an auto-commit READ
   * transaction in a session of its own (routed to readers in a cluster, named database, tagged
   * with the statement's name) that fetches `STREAM_FETCH_SIZE` records at a time, and the next
   * batch only once the consumer has taken most of the last one. Memory holds about one batch,
   * and a consumer that stops pulling keeps the transaction open (bound it with `timeoutMs`).
   * Nothing is sent until iteration starts; it is never retried. Leaving the loop early or
   * aborting `signal` discards the rest on the server, closes the session and releases the
   * connection; after an abort the iteration rejects with `signal.reason`. Driver errors reject
   * mapped by `toAppError`.
   * @example for await (const row of db.stream(q, params, { signal })) res.write(format(row));
   */
  stream<P extends object, R>(
    query: Cypher<P, R>,
    params: P,
    options?: StreamOptions,
  ): RowStream<R>;
  /** Answers whether the database responds right now (used by /ready). */
  ping(): Promise<boolean>;
}

export interface DbOptions {
  readonly database: string;
  /** Called with the statement name before each round trip (the round-trip budget test counts them). */
  readonly onQuery?: (name: string) => void;
  /** Transaction timeout of reads, in ms (Neo4j stops the statement after it). Default 6 s. */
  readonly txTimeoutMs?: number;
  /**
   * Statements in flight at once; more wait up to `queueWaitMs` for a slot, then fail with
   * SERVICE_UNAVAILABLE. Kept below the driver's pool size so a flood queues here, not in the pool.
   */
  readonly maxConcurrency?: number;
  readonly queueWaitMs?: number;
}

const METADATA = { app: 'ctkg' };

/** Records per pull of `Db.stream`: one batch is what a stream holds in memory. */
export const STREAM_FETCH_SIZE = 500;
const WRITE_TIMEOUT_MS = 600_000;
/**
 * How long past a statement's timeout the caller still waits for the database to say so: Neo4j
 * looks for timed-out transactions every 2 s (db.transaction.monitor.check.interval).
 */
const CLIENT_GRACE_MS = 3_000;
const noAnswer = () =>
  new UnavailableError('The graph database did not answer in time; retry later');

/** Creates the Db over a driver. Reads run as auto-commit transactions in READ mode. */
export function createDb(driver: Driver, options: DbOptions): Db {
  const { database, onQuery } = options;
  const txTimeoutMs = options.txTimeoutMs ?? 6_000;
  const gate = createSemaphore(options.maxConcurrency ?? 40);
  const queueWaitMs = options.queueWaitMs ?? 5_000;
  const busy = () =>
    new UnavailableError('The graph database is busy with other requests; retry later');

  async function run<P extends object, R>(
    query: Cypher<P, R>,
    params: P,
    mode: RoutingControl,
    timeoutMs = txTimeoutMs,
  ): Promise<R[]> {
    onQuery?.(query.name);
    const release = await gate.acquire(queueWaitMs, busy);
    const config = {
      metadata: { ...METADATA, query: query.name },
      // Neo4j takes whole milliseconds and treats 0 as "no timeout".
      timeout: Math.max(1, Math.ceil(timeoutMs)),
    };
    // One auto-commit transaction: RUN and PULL in one round trip, where a managed transaction
    // adds BEGIN and COMMIT (measured: half the latency and client CPU of executeQuery).
    const session = driver.session({
      database,
      defaultAccessMode: mode === 'READ' ? 'READ' : 'WRITE',
    });
    const answer = (async () => {
      try {
        return await session.run(query.text, params, config);
      } finally {
        release(); // the slot is held while the driver works, even past our deadline
        void session.close();
      }
    })();
    // A database that accepts connections but does not answer never times a statement out
    // itself: the caller stops waiting shortly after the statement's own timeout.
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(noAnswer()), timeoutMs + CLIENT_GRACE_MS);
    });
    try {
      const { records } = await Promise.race([answer, silent]);
      return records.map((record) => record.get('row') as R);
    } catch (error) {
      answer.catch(() => undefined); // settled later, after a deadline: nobody is waiting
      throw toAppError(error);
    } finally {
      clearTimeout(timer);
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
        { metadata: { ...METADATA, query: 'transaction' }, timeout: WRITE_TIMEOUT_MS },
      );
    } catch (error) {
      throw toAppError(error);
    } finally {
      await session.close();
    }
  }

  function stream<P extends object, R>(
    query: Cypher<P, R>,
    params: P,
    { signal, timeoutMs }: StreamOptions = {},
  ): RowStream<R> {
    let position: string | null = null;
    let iterated = false;

    async function* rows(): AsyncGenerator<R, void, undefined> {
      signal?.throwIfAborted();
      onQuery?.(query.name);
      const session = driver.session({
        database,
        defaultAccessMode: 'READ',
        fetchSize: STREAM_FETCH_SIZE,
      });
      // Closing the session discards the result on the server (DISCARD, or RESET mid-batch),
      // which ends the transaction and settles a pending pull.
      const stop = () => void session.close();
      signal?.addEventListener('abort', stop, { once: true });
      try {
        const result = session.run(query.text, params, {
          metadata: { ...METADATA, query: query.name },
          // Neo4j takes whole milliseconds and treats 0 as "no timeout".
          ...(timeoutMs === undefined ? {} : { timeout: Math.max(1, Math.ceil(timeoutMs)) }),
        });
        // Not `for await`: its early exit would wait for the server to acknowledge a DISCARD;
        // closing the session below does the same without waiting on a result already cancelled.
        const records = result[Symbol.asyncIterator]();
        for (;;) {
          const next = await records.next();
          // Records fetched before an abort still arrive: drop them.
          signal?.throwIfAborted();
          if (next.done === true) break;
          yield next.value.get('row') as R;
        }
        position = session.lastBookmarks().join(',') || null;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw toAppError(error);
      } finally {
        signal?.removeEventListener('abort', stop);
        await session.close();
      }
    }

    return {
      get position() {
        return position;
      },
      [Symbol.asyncIterator]() {
        if (iterated) throw new TypeError(`stream(${query.name}) can be iterated once`);
        iterated = true;
        return rows();
      },
    };
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
    read: (query, params, readOptions) => run(query, params, routing.READ, readOptions?.timeoutMs),
    // Writes come from the seed loader and tools, not from API requests: they get the load's time.
    write: (query, params) => run(query, params, routing.WRITE, WRITE_TIMEOUT_MS),
    transaction,
    stream,
    ping,
  };
}
