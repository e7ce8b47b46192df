import './production-default.js'; // first: before graphql-js loads
import { createServer } from 'node:http';
import { loadConfig } from './config.js';
import { ConfigError } from './core/errors.js';
import { createLogger } from './core/logger.js';
import { connect } from './db/connect.js';
import { LocalNeo4jError } from './db/local-neo4j.js';
import { ensureSchema } from './db/schema.js';
import type { ListCaps } from './graphql/cost.js';
import { createApollo, createApp } from './http/app.js';
import { warmUp } from './http/warm-up.js';
import { createContextFactory } from './graphql/context.js';
import { readListCaps } from './nodes/index.js';
import { storeMissingDerived } from './records/index.js';
import { seedIfEmpty } from '../seed/load.js';

const SHUTDOWN_DEADLINE_MS = 9_500;
/** How often the measured list caps are re-read, so data loaded later is weighed by its size. */
const LIST_CAPS_REFRESH_MS = 60_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.log.level);
  const connection = await connect(config, (message) => log.info(message));
  log.info({ uri: connection.uri, database: config.neo4j.database }, 'connected to Neo4j');
  await ensureSchema(connection.db);
  if (config.seedOnStart) {
    const seeded = await seedIfEmpty(connection.db);
    if (seeded) log.info({ files: seeded.length }, 'database was empty: loaded the seed data');
  }
  const upgraded = await storeMissingDerived(connection.db);
  if (upgraded > 0)
    log.info(
      { nodes: upgraded },
      'stored the derived data (degrees, implementation levels) of nodes that lacked it',
    );

  let listCaps: ListCaps = await readListCaps(connection.db);
  const refresh = setInterval(() => {
    readListCaps(connection.db).then(
      (caps) => (listCaps = caps),
      (error: unknown) => log.warn({ err: error }, 'could not refresh list caps; keeping the last'),
    );
  }, LIST_CAPS_REFRESH_MS);
  refresh.unref();

  const httpServer = createServer();
  // Slow clients cannot hold a socket: headers within 10 s, the whole request within the deadline.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = config.limits.requestTimeoutMs + 5_000;
  const deps = {
    db: connection.db,
    log,
    limits: config.limits,
    rateLimit: config.rateLimit,
    corsOrigins: config.http.corsOrigins,
    trustProxy: config.http.trustProxy,
    statementTimeoutMs: config.neo4j.txTimeoutMs,
    listCaps: () => listCaps,
    oidc: config.oidc,
    confidentialAggregates: config.confidentialAggregates,
    httpServer,
  };
  const apollo = createApollo(deps);
  await apollo.start();
  httpServer.on('request', createApp(deps, apollo));
  await new Promise<void>((done, fail) => {
    httpServer.once('error', fail); // EADDRINUSE, EACCES: reported by main's catch, not a crash
    httpServer.listen(config.http.port, config.http.host, () => {
      httpServer.off('error', fail);
      done();
    });
  });
  log.info(`ctkg serving on http://localhost:${config.http.port}/graphql`);
  // In the background: requests are served meanwhile, each statement planned at most once more.
  if (config.warmUpOnStart)
    void warmUp(
      apollo,
      createContextFactory({
        db: connection.db,
        limits: config.limits,
        statementTimeoutMs: config.neo4j.txTimeoutMs,
        log,
      }),
      log,
    );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: draining in-flight requests');
    clearInterval(refresh);
    setTimeout(() => {
      log.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Stops accepting, closes idle keep-alive sockets, lets in-flight requests finish (drain
    // plugin, 8 s grace), then closes the rest.
    await apollo.stop();
    await connection.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Known start-up failures get their message alone; anything else its stack, for the operator.
  if (error instanceof ConfigError || error instanceof LocalNeo4jError)
    console.error(error.message);
  else if (isListenError(error))
    console.error(
      `Cannot listen on ${error.address}:${error.port} (${error.code}); set PORT or HOST, or stop the process that holds it`,
    );
  else console.error('ctkg failed to start:', error);
  process.exit(1);
});

function isListenError(
  error: unknown,
): error is NodeJS.ErrnoException & { address: string; port: number } {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL';
}
