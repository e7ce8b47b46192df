import { describe, expect, it } from 'vitest';
import { decodeLinkEvidence } from './evidence.js';

describe('decodeLinkEvidence', () => {
  it('reads a link the rules inferred: level, score, reasons and rules version', () => {
    const props = {
      evidence: 'inferred',
      how: 'inferred',
      score: 6,
      reasons: ['implementer is the recommendation issuer', 'same region'],
      rulesVersion: '2026-11',
      sourceDocuments: ['A/72/840'],
    };
    expect(decodeLinkEvidence(props)).toEqual({
      evidence: 'inferred',
      score: 6,
      reasons: ['implementer is the recommendation issuer', 'same region'],
      rulesVersion: '2026-11',
    });
  });

  it.each(['documented', 'reported', 'inferred'] as const)('keeps the stored level %s', (level) => {
    expect(decodeLinkEvidence({ evidence: level }).evidence).toBe(level);
  });

  it('reads a link stored without evidence as documented, with no score, reasons or version', () => {
    expect(decodeLinkEvidence({ role: 'lead' })).toEqual({
      evidence: 'documented',
      score: null,
      reasons: [],
      rulesVersion: null,
    });
  });

  it('reads an unknown level as documented', () => {
    expect(decodeLinkEvidence({ evidence: 'rumoured' }).evidence).toBe('documented');
    expect(decodeLinkEvidence({ evidence: 'INFERRED' }).evidence).toBe('documented');
    expect(decodeLinkEvidence({ evidence: null }).evidence).toBe('documented');
  });

  it('reads properties of the wrong type as absent', () => {
    expect(
      decodeLinkEvidence({ score: '6', reasons: 'same region', rulesVersion: 2026 }),
    ).toMatchObject({ score: null, reasons: [], rulesVersion: null });
  });

  it('gives the reasons as strings, in stored order', () => {
    expect(decodeLinkEvidence({ reasons: ['b', 'a', 3] }).reasons).toEqual(['b', 'a', '3']);
  });
});
