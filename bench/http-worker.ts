// Worker thread: drives the HTTP load, so the client's JSON parsing never runs on the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { closedLoop, postGraphql } from './load.js';

export interface HttpJob {
  readonly url: string;
  /** Request bodies; request i sends bodies[i % bodies.length]. */
  readonly bodies: readonly string[];
  readonly total: number;
  readonly concurrency: number;
}

const job = workerData as HttpJob;
const result = await closedLoop(job.total, job.concurrency, (i) =>
  postGraphql(job.url, job.bodies[i % job.bodies.length]!),
);
parentPort?.postMessage(result);
