import { describe, expect, it } from 'vitest';
import { decodeState, DEFAULT_STATE, encodeState, type DashboardState } from './url.js';

const state = (changes: Partial<DashboardState>): DashboardState => ({
  ...DEFAULT_STATE,
  ...changes,
});

describe('the dashboard URL', () => {
  it('is empty for the defaults, and the defaults come back from an empty one', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(decodeState('')).toEqual(DEFAULT_STATE);
    expect(decodeState('#')).toEqual(DEFAULT_STATE);
  });

  it('writes what differs from the defaults with the export URLs’ names, readably', () => {
    const filters = state({
      evidence: ['DOCUMENTED', 'REPORTED', 'INFERRED'],
      asOf: 'A/73/866',
      illustrative: true,
      where: { ...DEFAULT_STATE.where, issuers: ['SG'], pillars: ['I', 'III'] },
      answerableOnly: false,
      resolutionBody: 'SC',
      showAll: ['region'],
    });
    const fragment = encodeState(filters);
    expect(fragment).toBe(
      'evidence=DOCUMENTED,REPORTED,INFERRED&asOf=A/73/866&includeIllustrative=true&issuers=SG&pillars=I,III&projectAnswerableOnly=false&body=SC&showAll=region',
    );
    expect(decodeState(`#${fragment}`)).toEqual(filters);
  });

  it('keeps no evidence level apart from the default ones', () => {
    const none = state({ evidence: [] });
    expect(encodeState(none)).toBe('evidence=');
    expect(decodeState(encodeState(none))).toEqual(none);
  });

  it('escapes what the format uses inside a value, and reads it back', () => {
    const odd = state({
      where: { ...DEFAULT_STATE.where, addressees: ['a,b&c=d #e', 'São Tomé'] },
      asOf: '100%',
    });
    const fragment = encodeState(odd);
    expect(fragment).not.toMatch(/[ ã]/);
    expect(decodeState(fragment)).toEqual(odd);
  });

  it('drops unknown names and values outside the closed vocabularies, and takes defaults for malformed text', () => {
    expect(
      decodeState(
        'evidence=INFERRED,GUESSED&pillars=V,II&body=UN&showAll=pillar,theme&projectAnswerableOnly=no&includeIllustrative=1&zoom=3&asOf=%E0%A4%A&=x&bare',
      ),
    ).toEqual(
      state({
        evidence: ['INFERRED'],
        where: { ...DEFAULT_STATE.where, pillars: ['II'] },
        showAll: ['theme'],
      }),
    );
  });
});
