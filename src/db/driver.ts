import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

/**
 * Creates the one driver of the process. Timeouts are short on purpose: during a database outage
 * a request should fail fast with SERVICE_UNAVAILABLE rather than hang, and /ready should flip
 * within seconds.
 */
export function createDriver(options: DriverOptions): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: true, // our integers (years, counts, amounts) stay within 2^53
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: 2_000,
    maxConnectionPoolSize: 50,
    userAgent: 'ctkg',
    logging: { level: 'error', logger: () => undefined },
  });
}
