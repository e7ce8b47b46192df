import { describe, expect, it } from 'vitest';
import type { ProjectRow } from '../core/rows.js';
import type { CandidateMatchRow } from './analytics.rows.js';
import { rankCandidates, scoreCandidate } from './candidates.js';

const project = (key: string) => ({ key, label: 'Project' }) as unknown as ProjectRow;
const match = (key: string, extra: Partial<CandidateMatchRow> = {}): CandidateMatchRow => ({
  project: project(key),
  states: [],
  regions: [],
  themes: [],
  pillars: [],
  illustrativeLink: false,
  ...extra,
});

describe('scoreCandidate', () => {
  it('scores States 3, regions 2 (once each), themes 2 and pillars 1, with one reason per point source', () => {
    const scored = scoreCandidate(
      match('P', {
        states: [
          { key: 'MLI', name: 'Mali' },
          { key: 'MLI', name: 'Mali' },
        ],
        regions: [
          { key: 'sahel', name: 'Sahel', state: 'NER' },
          { key: 'sahel', name: 'Sahel', state: 'MLI' },
        ],
        themes: ['border-management'],
        pillars: ['III', 'I'],
      }),
    );
    expect(scored.score).toBe(3 + 2 + 2 + 1 + 1);
    expect(scored.reasons).toEqual([
      'benefits Mali (MLI)',
      'covers Sahel (sahel), which contains MLI, NER',
      'addresses border-management',
      'shares pillar I',
      'shares pillar III',
    ]);
  });

  it('notes an illustrative-only link without scoring it', () => {
    const scored = scoreCandidate(match('P', { themes: ['t'], illustrativeLink: true }));
    expect(scored).toMatchObject({
      score: 2,
      reasons: ['addresses t', 'linked to the recommendation only by an illustrative link'],
    });
  });
});

describe('rankCandidates', () => {
  it('orders by score, then by key in code-point order, and keeps the first n', () => {
    const ranked = rankCandidates(
      [
        match('b', { themes: ['t'] }),
        match('a', { themes: ['t'] }),
        match('B', { pillars: ['I'] }),
        match('c', { themes: ['t', 'u'] }),
      ],
      3,
    );
    expect(ranked.map((r) => [r.project.key, r.score])).toEqual([
      ['c', 4],
      ['a', 2],
      ['b', 2],
    ]);
  });

  it('returns an empty list for no matches or first 0', () => {
    expect(rankCandidates([], 5)).toEqual([]);
    expect(rankCandidates([match('a')], 0)).toEqual([]);
  });
});
