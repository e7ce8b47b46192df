// The floor contestant: each question's one hand-written Cypher statement through neo4j-driver,
// no HTTP and no GraphQL. Run as a child process; the bench drives it over IPC (bench/ipc.ts).
import { closedLoop } from './load.js';
import { driver, rawAnswer as answer } from './raw-statement.js';
import type { Variant } from './questions.js';

interface Request {
  readonly id: number;
  readonly kind: 'answer' | 'load' | 'usage';
  readonly question: string;
  readonly variants: readonly Variant[];
  /** Index of the first variant of a load (rotation continues across batches). */
  readonly offset: number;
  readonly total: number;
  readonly concurrency: number;
}

const reply = (message: Record<string, unknown>) => process.send?.(message);

process.on('message', (request: Request) => {
  const { id } = request;
  const work = async () => {
    switch (request.kind) {
      case 'answer':
        return { id, row: await answer(request.question, request.variants[0] ?? {}) };
      case 'load': {
        const { variants, offset } = request;
        // Serialised like a server's response, so the floor pays for producing the answer too.
        const result = await closedLoop(
          request.total,
          request.concurrency,
          async (i) =>
            JSON.stringify(
              await answer(request.question, variants[(offset + i) % variants.length]!),
            ).length,
        );
        return { id, result };
      }
      case 'usage':
        return undefined; // answered by bench/probe.ts
    }
  };
  work().then(
    (message) => (message === undefined ? undefined : reply(message)),
    (error: unknown) =>
      reply({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});

process.once('disconnect', () => void driver.close().finally(() => process.exit(0)));
process.once('SIGTERM', () => void driver.close().finally(() => process.exit(0)));
reply({ id: 0, ready: true });
