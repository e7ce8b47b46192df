// The database-side budgets: statement timeouts, the concurrency gate, the server's own caps.
import { describe, expect, inject, it } from 'vitest';
import { UnavailableError, QueryTooComplexError } from '../../src/core/errors.js';
import { withBudget } from '../../src/db/budget.js';
import { cypher } from '../../src/db/cypher.js';
import { createDb } from '../../src/db/db.js';
import { testDriver } from '../support/neo4j.js';

// Seconds of CPU on the database, and no data needed: a statement that only a timeout ends early.
const slow = cypher<Record<string, never>, number>('testSlow')`
  UNWIND range(1, 400000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS row`;
const quick = cypher<Record<string, never>, number>('testQuick')`RETURN 1 AS row`;
const settings = cypher<Record<string, never>, { name: string; value: string }>('testSettings')`
  SHOW SETTINGS YIELD name, value
  WHERE name IN ['db.transaction.timeout', 'db.memory.transaction.max']
  RETURN { name: name, value: value } AS row`;

const driver = testDriver();
const database = inject('neo4j').database;

describe('Db.read', () => {
  it('has Neo4j stop a statement at its timeout and answers SERVICE_UNAVAILABLE', async () => {
    const db = createDb(driver, { database, txTimeoutMs: 300 });
    const started = Date.now();
    const error: unknown = await db.read(slow, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).message).toMatch(/time or memory limit/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('queues statements past its concurrency, and fails the ones that wait too long as busy', async () => {
    const db = createDb(driver, {
      database,
      maxConcurrency: 1,
      queueWaitMs: 100,
      txTimeoutMs: 2_000,
    });
    const first = db.read(slow, {}).catch((e: unknown) => e);
    const second: unknown = await db.read(quick, {}).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(UnavailableError);
    expect((second as UnavailableError).message).toMatch(/busy/);
    expect(await first).toBeInstanceOf(UnavailableError); // its own timeout ended it
    expect(await db.read(quick, {})).toEqual([1]); // the slot came back
  });
});

describe('withBudget', () => {
  const db = createDb(driver, { database });
  const budget = (over: Partial<Parameters<typeof withBudget>[1]> = {}) =>
    withBudget(db, {
      maxStatements: 3,
      maxRows: 100,
      maxConcurrent: 2,
      deadline: Date.now() + 10_000,
      statementTimeoutMs: 5_000,
      ...over,
    });

  it('counts statements and stops past the budget, naming it', async () => {
    const request = budget();
    for (let i = 0; i < 3; i++) await request.read(quick, {});
    const error: unknown = await request.read(quick, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryTooComplexError);
    expect((error as QueryTooComplexError).extensions).toMatchObject({
      limitName: 'maxStatements',
      limit: 3,
      measured: 4,
    });
    expect(request.usage()).toEqual({ statements: 4, rows: 3 });
  });

  it('gives a statement no more time than the request has left', async () => {
    const request = budget({ deadline: Date.now() + 300 });
    const started = Date.now();
    const error: unknown = await request.read(slow, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
    const late: unknown = await request.read(quick, {}).catch((e: unknown) => e);
    expect((late as UnavailableError).message).toMatch(/time limit/);
  });
});

describe('the local Neo4j', () => {
  it('caps every transaction by time and memory on its own, whatever the client sends', async () => {
    const db = createDb(driver, { database });
    const rows = await db.read(settings, {});
    const values = Object.fromEntries(rows.map((r) => [r.name, r.value]));
    expect(values['db.transaction.timeout']).toBe('1m');
    expect(values['db.memory.transaction.max']).toMatch(/^512(\.00)?\s*MiB$|^536870912$/);
  });
});
