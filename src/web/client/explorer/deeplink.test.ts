import { describe, expect, it } from 'vitest';
import { decodeView, EMPTY_VIEW, encodeView, type ViewState } from './deeplink.js';

const view: ViewState = {
  nodes: [
    { id: 'Entity:CTED', x: 0, y: 0, pinned: true },
    { id: 'Resolution:S/RES/2396 (2017)', x: 120.4, y: -40.6, pinned: false },
    { id: 'Region:g5-sahel', x: -80, y: 200, pinned: false },
    // Characters the format itself uses, in a key.
    { id: 'Project:A,B;C&D=E#F%G', x: 1, y: 2, pinned: true },
  ],
  edges: [
    { type: 'MANDATES', source: 1, target: 0 },
    { type: 'IMPLEMENTED_BY', source: 3, target: 0 },
  ],
  selected: { kind: 'e', index: 1 },
  evidence: ['DOCUMENTED', 'INFERRED'],
  illustrative: true,
  path: { from: 0, to: 2 },
};

describe('the explorer view in a URL fragment', () => {
  it('round-trips a view, positions rounded', () => {
    const decoded = decodeView(`#${encodeView(view)}`);
    expect(decoded).toEqual({
      ...view,
      nodes: view.nodes.map((n) => ({ ...n, x: Math.round(n.x), y: Math.round(n.y) })),
    });
  });

  it('keeps ids readable and escapes only what the format uses', () => {
    const fragment = encodeView(view);
    expect(fragment).toContain('n=Entity:CTED;0;0;p,Resolution:S/RES/2396%20(2017);120;-41,');
    expect(fragment).toContain('Project:A%2CB%3BC%26D%3DE%23F%25G;1;2;p');
    expect(fragment).toContain('&e=MANDATES;1;0,IMPLEMENTED_BY;3;0&sel=e1&ev=DI&ill=1&path=0;2');
  });

  it('gives the empty view for an empty fragment, with the API’s default evidence levels', () => {
    expect(decodeView('')).toEqual(EMPTY_VIEW);
    expect(decodeView('#')).toEqual(EMPTY_VIEW);
    expect(EMPTY_VIEW.evidence).toEqual(['DOCUMENTED', 'REPORTED']);
  });

  it('drops malformed nodes and whatever pointed at them, and ignores unknown parameters', () => {
    const decoded = decodeView(
      '#n=Entity:CTED;0;0,notAnId;1;1,%E0%A4%A;2;2,Region:sahel;x;y&e=MEMBER_OF;3;0,MEMBER_OF;1;0,bad type;0;3&sel=n1&ev=xyz&path=0;1&zoom=3',
    );
    expect(decoded.nodes).toEqual([
      { id: 'Entity:CTED', x: 0, y: 0, pinned: false },
      { id: 'Region:sahel', x: 0, y: 0, pinned: false },
    ]);
    expect(decoded.edges).toEqual([{ type: 'MEMBER_OF', source: 1, target: 0 }]);
    expect(decoded.selected).toBeNull();
    expect(decoded.evidence).toEqual([]);
    expect(decoded.path).toBeNull();
  });
});
