import { createServer } from 'node:http';
import { loadConfig } from './config.js';
import { ConfigError } from './core/errors.js';
import { createLogger } from './core/logger.js';
import { connect } from './db/connect.js';
import { LocalNeo4jError } from './db/local-neo4j.js';
import { ensureSchema } from './db/schema.js';
import { createApollo, createApp } from './http/app.js';
import { seedIfEmpty } from '../seed/load.js';

const SHUTDOWN_DEADLINE_MS = 9_500;

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

  const httpServer = createServer();
  const deps = { db: connection.db, log, limits: config.limits, httpServer };
  const apollo = createApollo(deps);
  await apollo.start();
  httpServer.on('request', createApp(deps, apollo));
  await new Promise<void>((done) => httpServer.listen(config.http.port, config.http.host, done));
  log.info(`ctkg serving on http://localhost:${config.http.port}/graphql`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: draining in-flight requests');
    setTimeout(() => {
      log.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await apollo.stop(); // stops accepting, drains in-flight requests (drain plugin), then closes
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
  else console.error('ctkg failed to start:', error);
  process.exit(1);
});
