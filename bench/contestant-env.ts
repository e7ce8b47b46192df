// What a contestant process (library-server.ts, raw-client.ts) reads from its environment.
import neo4j, { type Config, type Driver } from 'neo4j-driver';

/** The variable's value; throws naming it when it is missing or empty. */
export function need(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

/** A driver on the Neo4j the bench started (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD), and its database. */
export function driverFromEnv(config: Config = {}): { driver: Driver; database: string } {
  const driver = neo4j.driver(
    need('NEO4J_URI'),
    neo4j.auth.basic(process.env['NEO4J_USER'] ?? 'neo4j', need('NEO4J_PASSWORD')),
    config,
  );
  return { driver, database: process.env['NEO4J_DATABASE'] ?? 'neo4j' };
}

/** On SIGTERM or SIGINT: stops `server`, closes `driver`, exits 0 (the bench stops its contestants so). */
export function stopOnSignals(server: { stop(): Promise<void> }, driver: Driver): void {
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
