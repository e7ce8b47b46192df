import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db.js';
import { createNodeLoaders } from './nodes.loaders.js';

/** A fake Db answering every read with rows for the keys it knows, in its own order. */
function fakeDb(rows: Record<string, unknown>[]): Db & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: (query) => {
      reads.push(query.name);
      return Promise.resolve(rows as never[]);
    },
    write: () => Promise.resolve([]),
    transaction: () => Promise.reject(new Error('not used')),
    stream: () => {
      throw new Error('not used');
    },
    ping: () => Promise.resolve(true),
  };
}

describe('createNodeLoaders', () => {
  it('returns nodes in key order with null for unknown keys, in one round trip', async () => {
    const db = fakeDb([
      { label: 'Entity', key: 'a' },
      { label: 'Entity', key: 'b' },
    ]);
    const loaders = createNodeLoaders(db);
    const result = await Promise.all(
      ['b', 'x', 'a'].map((k) => loaders.nodeByKey('Entity').load(k)),
    );
    expect(result.map((r) => r?.key ?? null)).toEqual(['b', null, 'a']);
    expect(db.reads).toEqual(['entityByKey']);
  });

  it('groups links per key and gives an empty list to keys without links', async () => {
    const db = fakeDb([
      { key: 'p2', props: {}, node: { label: 'Entity', key: 'E1' } },
      { key: 'p1', props: {}, node: { label: 'Entity', key: 'E2' } },
      { key: 'p2', props: {}, node: { label: 'Entity', key: 'E3' } },
    ]);
    const loaders = createNodeLoaders(db);
    const [p1, p2, p3] = await Promise.all(
      ['p1', 'p2', 'p3'].map((k) =>
        loaders
          .links('projectImplementers', { includeIllustrative: false, evidence: null })
          .load(k),
      ),
    );
    expect(p1?.map((l) => l.node.key)).toEqual(['E2']);
    expect(p2?.map((l) => l.node.key)).toEqual(['E1', 'E3']);
    expect(p3).toEqual([]);
    expect(db.reads).toEqual(['projectImplementers']);
  });
});
