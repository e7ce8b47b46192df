// npm run db:start | db:stop | db:status — the local Neo4j of machines without a Docker engine.
import { loadConfig } from '../config.js';
import { startLocalNeo4j, statusLocalNeo4j, stopLocalNeo4j } from '../db/local-neo4j.js';

async function main(command = ''): Promise<number> {
  const config = loadConfig();
  if (config.neo4j.kind !== 'local') {
    console.error(
      'NEO4J_URI is set: that Neo4j is managed elsewhere; the local launcher is not used.',
    );
    return 2;
  }
  const { dir, port, password } = config.neo4j;
  switch (command) {
    case 'start': {
      const started = await startLocalNeo4j({ dir, port, password, log: (m) => console.log(m) });
      console.log(
        `${started.startedNow ? 'started' : 'already running'}: ${started.uri} (pid ${started.pid}); user neo4j, password in ${dir}/password`,
      );
      return 0;
    }
    case 'stop':
      console.log((await stopLocalNeo4j(dir)) ? 'stopped' : 'not running');
      return 0;
    case 'status': {
      const status = await statusLocalNeo4j(dir);
      console.log(JSON.stringify(status, null, 2));
      return 0; // it reported; whether Neo4j runs is in the answer, not the exit code
    }
    default:
      console.error('usage: db.ts start|stop|status');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
