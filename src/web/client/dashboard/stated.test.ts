import { describe, expect, it } from 'vitest';
import type { StatedFigure } from './queries.js';
import { statedSeries } from './stated.js';

const figure = (group: string | null, paragraph: string): StatedFigure => ({
  measure: 'projects',
  dimension: 'PILLAR',
  group,
  value: 1,
  unit: 'count',
  asWritten: '1 project',
  asOf: null,
  note: null,
  computed: 1,
  source: { document: { id: 'Document:A/72/840', key: 'A/72/840', title: '' }, paragraph },
});

describe('statedSeries', () => {
  it('makes one series of the same place in the document for every group', () => {
    expect(statedSeries(figure('II', 'annex II matrix, pillar II'))).toBe(
      'A/72/840, annex II matrix, pillar …',
    );
    expect(statedSeries(figure('I', 'annex II matrix, pillar I'))).toBe(
      'A/72/840, annex II matrix, pillar …',
    );
  });

  it('leaves a paragraph whose last part does not name the group as it is', () => {
    expect(statedSeries(figure('II', 'annex II matrix, introduction'))).toBe(
      'A/72/840, annex II matrix, introduction',
    );
    expect(statedSeries(figure(null, 'annex II, 63'))).toBe('A/72/840, annex II, 63');
  });
});
