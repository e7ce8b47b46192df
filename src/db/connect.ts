import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { createDb, type Db } from './db.js';
import { createDriver } from './driver.js';
import { startLocalNeo4j } from './local-neo4j.js';

export interface Connection {
  readonly driver: Driver;
  readonly db: Db;
  readonly uri: string;
  readonly close: () => Promise<void>;
}

/**
 * Connects to the configured Neo4j. With NEO4J_URI unset it first starts the repository's local
 * Neo4j (or reuses the running one); with NEO4J_URI set it starts nothing.
 */
export async function connect(config: Config, log: (message: string) => void): Promise<Connection> {
  const target = config.neo4j;
  const credentials =
    target.kind === 'remote'
      ? { uri: target.uri, user: target.user, password: target.password }
      : await startLocalNeo4j({
          dir: target.dir,
          port: target.port,
          password: target.password,
          log,
        });
  const driver = createDriver(credentials);
  return {
    driver,
    db: createDb(driver, {
      database: target.database,
      txTimeoutMs: target.txTimeoutMs,
      maxConcurrency: target.maxConcurrency,
    }),
    uri: credentials.uri,
    close: () => driver.close(),
  };
}
