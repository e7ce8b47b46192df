// A bounded closed-loop load generator: `total` requests, at most `concurrency` in flight.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  /** Latency of each request, ms, in completion order. */
  readonly latencies: number[];
  readonly errors: number;
  /** First error seen, for the report. */
  readonly firstError: string | null;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/**
 * Runs `call(i)` for i in [0, total) with `concurrency` workers pulling the next index; each call
 * resolves to the response size in bytes or throws. Latency is measured around each call.
 */
export async function closedLoop(
  total: number,
  concurrency: number,
  call: (i: number) => Promise<number>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const t0 = performance.now();
      try {
        const size = await call(i); // not `bytes += await …`: that reads `bytes` before the await and loses updates
        bytes += size;
      } catch (error) {
        errors += 1;
        firstError ??= (error as Error).message.slice(0, 300);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, firstError, bytes, elapsedMs: performance.now() - started };
}

// node:http with a keep-alive agent rather than fetch: fetch (undici) costs the bench process
// 0.1–0.4 ms more per request on loopback, which would be counted as the server's latency.
// `timeout` makes the agent heed a server's `Keep-Alive: timeout=5` and drop an idle socket a
// second before the server does; without it (Node 20) idle sockets are kept, and a request sent
// as the server closes one after a contestant's 5 s pause fails with "socket hang up".
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 120_000 });

/** POSTs `body` (JSON) to `url` over a kept-alive connection: the status and the response text. */
export function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((done, fail) => {
    const request = http.request(
      {
        host: hostname,
        port,
        path: pathname + search,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, text }));
        response.on('error', fail);
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}

/** Percentile (nearest rank) of an unsorted sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
