// The floor behind HTTP: the same hand-written statement per question (raw-statement.ts) served by
// a bare `node:http` server — no framework, no GraphQL, no limits. What any HTTP API over Neo4j
// pays at least: the loopback hop, reading a JSON body and writing the JSON answer.
// POST / with {"question": "c", "variant": {...}} answers the statement's row as JSON.
import http from 'node:http';
import { driver, rawAnswer } from './raw-statement.js';
import { need } from './contestant-env.js';

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    const { question, variant } = JSON.parse(body) as {
      question: string;
      variant: Record<string, string>;
    };
    const answer = question === 'ping' ? Promise.resolve({}) : rawAnswer(question, variant);
    answer.then(
      (row) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(row));
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error instanceof Error ? error.message : String(error));
      },
    );
  });
});

server.listen(Number(need('PORT')), '127.0.0.1');
const stop = () => server.close(() => void driver.close().finally(() => process.exit(0)));
process.once('SIGTERM', stop);
