import { describe, expect, it } from 'vitest';
import { createSemaphore } from './semaphore.js';

const timeout = () => new Error('waited too long');

describe('createSemaphore', () => {
  it('grants up to its slots at once and hands a freed slot to the first waiter', async () => {
    const gate = createSemaphore(2);
    const a = await gate.acquire(100, timeout);
    await gate.acquire(100, timeout);
    const order: string[] = [];
    const c = gate.acquire(1000, timeout).then((release) => {
      order.push('c');
      return release;
    });
    const d = gate.acquire(1000, timeout).then(() => order.push('d'));
    expect(gate.inUse()).toBe(2);
    a();
    a(); // releasing twice frees one slot only
    (await c)();
    await d;
    expect(order).toEqual(['c', 'd']);
    expect(gate.inUse()).toBe(2);
  });

  it('rejects a waiter after its wait with the given error, and forgets it', async () => {
    const gate = createSemaphore(1);
    const held = await gate.acquire(100, timeout);
    await expect(gate.acquire(20, timeout)).rejects.toThrow('waited too long');
    held();
    expect(gate.inUse()).toBe(0);
  });
});
