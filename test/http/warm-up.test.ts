// The start-up warm-up: every operation it sends is valid, within the limits, and answered
// without error, so none of them silently stops planning its statement.
import { beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/core/ids.js';
import { createLogger } from '../../src/core/logger.js';
import { createContextFactory } from '../../src/graphql/context.js';
import { createApollo } from '../../src/http/app.js';
import { WARM_UP_OPERATIONS, warmUp } from '../../src/http/warm-up.js';
import { gapFixture } from '../support/fixtures.js';
import { TEST_LIMITS } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';

describe('warm-up at start', () => {
  const db = testDb();
  beforeAll(() => resetGraph(db, gapFixture()));

  it(
    'answers every operation without error and runs each statement through the database',
    { timeout: 240_000 },
    async () => {
      const log = createLogger(process.env['WARM_LOG'] ?? 'silent');
      const apollo = createApollo({ db, log, limits: TEST_LIMITS });
      await apollo.start();
      const contextFor = createContextFactory({
        db,
        limits: TEST_LIMITS,
        statementTimeoutMs: 15_000,
        log,
      });
      db.calls.length = 0;
      expect(await warmUp(apollo, () => contextFor(), log)).toBe(WARM_UP_OPERATIONS.length);
      // Every label's neighbourhood statement, and the dashboard's coverage.
      expect(new Set(db.calls.filter((c) => c.startsWith('neighborhoodOf'))).size).toBe(
        LABELS.length,
      );
      expect(db.calls.some((c) => c.toLowerCase().includes('coverage'))).toBe(true);
      await apollo.stop();
    },
  );
});
