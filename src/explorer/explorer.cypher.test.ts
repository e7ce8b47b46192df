import { describe, expect, it } from 'vitest';
import { LABELS, REL_TYPES, relTypesOf } from '../core/ids.js';
import { neighborhoodHop, neighborhoodStart } from './explorer.cypher.js';

/** The relationship types a neighbourhood statement has a branch for, in order. */
const branches = (text: string) =>
  [...text.matchAll(/MATCH \(n\)-\[r:(\w+)\]-\(m\)/g)].map((m) => m[1]);

describe('neighbourhood statements', () => {
  it("start from a label with a branch per type of that label's only", () => {
    for (const label of LABELS)
      expect(branches(neighborhoodStart.get(label)!.text), label).toEqual(relTypesOf(label));
    expect(branches(neighborhoodStart.get('Entity')!.text)).not.toContain('BENEFITS');
  });

  it('take further hops, from nodes of any label, over every type', () => {
    expect(branches(neighborhoodHop.text)).toEqual([...REL_TYPES].sort());
  });
});
