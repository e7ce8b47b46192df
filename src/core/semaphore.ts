/** Resolves to a release function once a slot is free; rejects with `onTimeout()` after `waitMs`. */
export type Acquire = (waitMs: number, onTimeout: () => Error) => Promise<() => void>;

/**
 * A counting semaphore with a bounded wait: at most `slots` holders at once, the rest queue in
 * order. Used to keep statements in flight below the driver's connection pool, so a flood queues
 * here (and times out with a clear error) instead of exhausting the pool.
 */
export function createSemaphore(slots: number): { acquire: Acquire; readonly inUse: () => number } {
  let inUse = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inUse -= 1;
  };

  const acquire: Acquire = (waitMs, onTimeout) => {
    if (inUse < slots) {
      inUse += 1;
      return Promise.resolve(once(release));
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(once(release)); // the slot passes straight to this waiter: inUse is unchanged
      };
      const timer = setTimeout(() => {
        const index = waiting.indexOf(grant);
        if (index >= 0) waiting.splice(index, 1);
        reject(onTimeout());
      }, waitMs);
      waiting.push(grant);
    });
  };

  return { acquire, inUse: () => inUse };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
