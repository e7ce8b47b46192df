// What the chaos tests (Neo4j killed under reads, and under writes) share: the internals no
// answer may show, latency percentiles, and what the server logged as unexpected.
import type { ServerProcess } from './server-process.js';

/** Internals a client must never see in an answer. */
export const STACK_TRACE = /stacktrace|\bat .*\.[cm]?[jt]s:\d+|Neo4jError|node_modules/i;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * What the server logged at error level or above: errors it masks as INTERNAL_SERVER_ERROR are
 * logged at level 50 with their cause. Returns how many, and up to five distinct kinds.
 */
export function serverErrors(server: ServerProcess): { count: number; kinds: string[] } {
  const logged = server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line));
  const kinds = logged.map((line) => {
    const entry = JSON.parse(line) as {
      msg?: string;
      err?: { type?: string; code?: string; message?: string };
    };
    return `${entry.msg}: ${entry.err?.type} ${entry.err?.code} ${entry.err?.message?.slice(0, 160)}`;
  });
  return { count: logged.length, kinds: [...new Set(kinds)].slice(0, 5) };
}
