import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../core/rows.js';
import { assembleNeighborhood } from './neighborhood.js';
import type { ExpansionRow } from './rows.js';

const node = (label: 'Entity' | 'Project', key: string) =>
  ({ label, key, illustrative: false }) as unknown as NodeRow;
const link = (
  from: string,
  to: NodeRow,
  type: string,
  total: number,
  edgeId: string,
): ExpansionRow => ({
  type,
  total,
  edge: { id: edgeId, type, source: from, target: `${to.label}:${to.key}`, props: {} },
  node: to,
  nodeElementId: `e-${to.key}`,
  degree: [{ type, direction: 'IN', count: total }],
});

describe('assembleNeighborhood', () => {
  const start = { node: node('Entity', 'A'), degree: [] };

  it('deduplicates nodes and edges found again on a later hop, keeping first-seen order', () => {
    const p1 = node('Project', 'P1');
    const p2 = node('Project', 'P2');
    const result = assembleNeighborhood(
      start,
      [
        [link('Entity:A', p1, 'IMPLEMENTED_BY', 1, 'r1')],
        [
          link('Project:P1', node('Entity', 'A'), 'IMPLEMENTED_BY', 1, 'r1'),
          link('Project:P1', p2, 'PART_OF', 1, 'r2'),
        ],
      ],
      25,
    );
    expect(result.nodes.map((n) => n.key)).toEqual(['A', 'P1', 'P2']);
    expect(result.edges.map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(result.degrees.map((d) => d.id)).toEqual(['Entity:A', 'Project:P1', 'Project:P2']);
    expect(result.truncatedTypes).toEqual([]);
  });

  it('reports types with more links than the limit, sorted', () => {
    const result = assembleNeighborhood(
      start,
      [
        [
          link('Entity:A', node('Project', 'P1'), 'PART_OF', 3, 'r1'),
          link('Entity:A', node('Project', 'P2'), 'IMPLEMENTED_BY', 2, 'r2'),
        ],
      ],
      1,
    );
    expect(result.truncatedTypes).toEqual(['IMPLEMENTED_BY', 'PART_OF']);
  });

  it('stops adding nodes at the cap and reports the type that was cut', () => {
    const result = assembleNeighborhood(
      start,
      [
        [
          link('Entity:A', node('Project', 'P1'), 'IMPLEMENTED_BY', 1, 'r1'),
          link('Entity:A', node('Project', 'P2'), 'COVERS', 1, 'r2'),
        ],
      ],
      25,
      2,
    );
    expect(result.nodes.map((n) => n.key)).toEqual(['A', 'P1']);
    expect(result.edges.map((e) => e.id)).toEqual(['r1']);
    expect(result.truncatedTypes).toEqual(['COVERS']);
  });

  it('stops adding relationships at the cap and reports the type that was cut', () => {
    const result = assembleNeighborhood(
      start,
      [
        [
          link('Entity:A', node('Project', 'P1'), 'IMPLEMENTED_BY', 1, 'r1'),
          link('Entity:A', node('Project', 'P1'), 'COVERS', 1, 'r2'),
        ],
      ],
      25,
      10,
      1,
    );
    expect(result.edges.map((e) => e.id)).toEqual(['r1']);
    expect(result.truncatedTypes).toEqual(['COVERS']);
  });
});
