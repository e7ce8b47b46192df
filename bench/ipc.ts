// Request/answer messages between the bench and its contestant processes (over the IPC channel).
import type { ChildProcess } from 'node:child_process';

/** CPU time and memory of a contestant's process, read inside it (bench/probe.ts). */
export interface Usage {
  /** User + system CPU time since the process started, ms (all its threads). */
  readonly cpuMs: number;
  readonly rss: number;
  /** Peak RSS so far. */
  readonly maxRss: number;
}

interface Reply {
  readonly id: number;
  readonly error?: string;
}

let nextId = 1;

/**
 * Sends `message` to `child` and resolves with the reply carrying the same id; rejects when the
 * reply holds an `error`, or when the child exits first.
 */
export function ask<T>(child: ChildProcess, message: Record<string, unknown>): Promise<T> {
  const id = nextId++;
  return new Promise<T>((done, fail) => {
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      off();
      if (reply.error !== undefined) fail(new Error(reply.error));
      else done(reply as T);
    };
    const onExit = (code: number | null, signal: string | null) => {
      off();
      fail(
        new Error(`process ${child.pid} exited (code ${code}, signal ${signal}) before answering`),
      );
    };
    const off = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ ...message, id });
  });
}
