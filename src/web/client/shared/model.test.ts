import { describe, expect, it } from 'vitest';
import { caption, evidenceOf, fullName, inference, labelOfId, type NodeData } from './model.js';

const node = (fields: Partial<NodeData> & Pick<NodeData, '__typename' | 'key'>): NodeData => ({
  id: `${fields.__typename}:${fields.key}`,
  illustrative: false,
  ...fields,
});

describe('how nodes and links are named', () => {
  it('draws acronyms, codes and symbols, and names places and themes', () => {
    expect(caption(node({ __typename: 'Entity', key: 'CTED', name: 'Counter-Terrorism …' }))).toBe(
      'CTED',
    );
    expect(caption(node({ __typename: 'MemberState', key: 'MLI', name: 'Mali' }))).toBe('Mali');
    expect(
      caption(node({ __typename: 'LegalInstrument', key: 'x', name: 'Long', shortName: 'Short' })),
    ).toBe('Short');
    expect(
      fullName(node({ __typename: 'Resolution', key: 'S/RES/2396 (2017)', topic: 'FTF' })),
    ).toBe('S/RES/2396 (2017): FTF');
    expect(labelOfId('Entity:CTED')).toBe('Entity');
    expect(labelOfId('Nothing:x')).toBeNull();
  });

  it('reads a link’s evidence and inference from its typed fields, and its rule from its properties', () => {
    const edge = {
      evidence: 'INFERRED' as const,
      score: 6,
      reasons: ['both address human-rights', 'shares the words "x"'],
      rulesVersion: 'implementation-rules/1',
      properties: [
        { name: 'rule', value: '"implementation-rules/1, score 6.0: …"' },
        { name: 'score', value: '6' },
      ],
    };
    expect(evidenceOf(edge)).toBe('INFERRED');
    expect(inference(edge)).toEqual({
      score: 6,
      reasons: ['both address human-rights', 'shares the words "x"'],
      rule: 'implementation-rules/1, score 6.0: …',
      rulesVersion: 'implementation-rules/1',
    });
    expect(evidenceOf({ evidence: 'REPORTED' })).toBe('REPORTED');
  });

  it('draws a citation, which has no evidence level, as documented', () => {
    expect(evidenceOf({ evidence: null })).toBe('DOCUMENTED');
  });
});
