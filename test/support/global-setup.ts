import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { createDriver } from '../../src/db/driver.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string };
  }
}

export { freePort };

/**
 * Uses NEO4J_URI when set; otherwise starts a throwaway Neo4j (free port, temporary folder).
 * Any failure to get a database fails the whole run with the reason — tests never skip.
 */
export default async function setup(project: TestProject) {
  const env = process.env;
  let teardown = (): Promise<void> => Promise.resolve();
  let target: { uri: string; user: string; password: string; database: string };
  if (env['NEO4J_URI']) {
    target = {
      uri: env['NEO4J_URI'],
      user: env['NEO4J_USER'] ?? 'neo4j',
      password: env['NEO4J_PASSWORD'] ?? '',
      database: env['NEO4J_DATABASE'] ?? 'neo4j',
    };
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'ctkg-test-neo4j-'));
    const port = await freePort();
    try {
      const started = await startLocalNeo4j({
        dir,
        port,
        log: (m) => console.log(`[test neo4j] ${m}`),
      });
      target = {
        uri: started.uri,
        user: started.user,
        password: started.password,
        database: 'neo4j',
      };
    } catch (error) {
      throw new Error(
        `Integration tests need Neo4j and could not start one: ${(error as Error).message}\n` +
          'Set NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD to use an existing Neo4j.',
        { cause: error },
      );
    }
    teardown = async () => {
      await stopLocalNeo4j(dir);
      await rm(dir, { recursive: true, force: true });
    };
  }
  const driver = createDriver(target);
  try {
    await driver.verifyConnectivity({ database: target.database });
  } catch (error) {
    await teardown();
    throw new Error(
      `Integration tests cannot reach Neo4j at ${target.uri}: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    await driver.close();
  }
  project.provide('neo4j', target);
  return teardown;
}
