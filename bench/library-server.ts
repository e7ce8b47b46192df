// The library contestant: Apollo Server 5 + @neo4j/graphql 7 over the bench's Neo4j, set up as its
// documentation shows (standalone server, one driver with default settings). Run as a child process.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL, type Neo4jGraphQLContext } from '@neo4j/graphql';
import { typeDefs } from './library-schema.js';
import { driverFromEnv, need, stopOnSignals } from './contestant-env.js';

const { driver, database } = driverFromEnv();
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer<Neo4jGraphQLContext>({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(need('PORT')) },
  context: () => Promise.resolve({ sessionConfig: { database } }),
});
console.log(`library serving on ${url}`);

stopOnSignals(server, driver);
