// The floor behind Apollo: the same hand-written statement per question (raw-statement.ts) as the
// one field of an Apollo Server 5 (standalone). No schema of the graph, no resolvers per field, no
// limits: what any Apollo server pays at least — HTTP, Apollo's request pipeline, one resolver,
// and the answer written as JSON.
// The bench sends `query R($q: String!, $v: JSON!) { raw(question: $q, variant: $v) }` (run.ts).
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLScalarType } from 'graphql';
import { need, stopOnSignals } from './contestant-env.js';
import { driver, rawAnswer } from './raw-statement.js';

const server = new ApolloServer({
  typeDefs: `scalar JSON
    type Query { raw(question: String!, variant: JSON!): JSON }`,
  resolvers: {
    // The row passes through as it came from the driver, as raw-http writes it.
    JSON: new GraphQLScalarType({ name: 'JSON', serialize: (v) => v, parseValue: (v) => v }),
    Query: {
      raw: (_: unknown, args: { question: string; variant: Record<string, string> }) =>
        rawAnswer(args.question, args.variant),
    },
  },
});

const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(need('PORT')) },
});
console.log(`raw-apollo serving on ${url}`);

stopOnSignals(server, driver);
