// The floor's work for one request: the question's hand-written statement through neo4j-driver
// `executeQuery`. Shared by the in-process floor (raw-client.ts) and the same floor behind a
// minimal HTTP server (raw-http-server.ts).
import { routing } from 'neo4j-driver';
import { driverFromEnv } from './contestant-env.js';
import { question, type Variant } from './questions.js';

export const { driver, database } = driverFromEnv({ disableLosslessIntegers: true });

/** The `row` of the question's statement for one variant. */
export async function rawAnswer(questionId: string, variant: Variant): Promise<unknown> {
  const { raw } = question(questionId);
  // The floor runs the driver directly: the app's Db (gate, deadlines, error mapping) is ctkg's cost.
  // eslint-disable-next-line no-restricted-syntax
  const { records } = await driver.executeQuery(raw.cypher, raw.params(variant), {
    database,
    routing: routing.READ,
  });
  return records[0]?.get('row') ?? null;
}
