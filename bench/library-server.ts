// The library contestant: Apollo Server 5 + @neo4j/graphql 7 over the bench's Neo4j, set up as its
// documentation shows (standalone server, one driver with default settings). Run as a child process.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL, type Neo4jGraphQLContext } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { typeDefs } from './library-schema.js';

const env = process.env;
const need = (name: string) => {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
};

const driver = neo4j.driver(
  need('NEO4J_URI'),
  neo4j.auth.basic(env['NEO4J_USER'] ?? 'neo4j', need('NEO4J_PASSWORD')),
);
const database = env['NEO4J_DATABASE'] ?? 'neo4j';
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer<Neo4jGraphQLContext>({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(need('PORT')) },
  context: () => Promise.resolve({ sessionConfig: { database } }),
});
console.log(`library serving on ${url}`);

const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
