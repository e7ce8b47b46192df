import { describe, expect, it } from 'vitest';
import { inferImplementation, type ProjectFeatures, type RecommendationFeatures } from './infer.js';
import { THRESHOLDS } from './rules.js';

const project = (key: string, extra: Partial<ProjectFeatures> = {}): ProjectFeatures => ({
  key,
  illustrative: false,
  implementers: [],
  themes: [],
  states: [],
  regions: [],
  endYear: null,
  text: `Project ${key}`,
  ...extra,
});

const recommendation = (
  key: string,
  extra: Partial<RecommendationFeatures> = {},
): RecommendationFeatures => ({
  key,
  illustrative: false,
  responseKind: 'project',
  entities: [],
  states: [],
  themes: [],
  year: 2019,
  text: `Recommendation ${key}`,
  linked: [],
  ...extra,
});

const MALI = { key: 'MLI', name: 'Mali' };

describe('inferImplementation', () => {
  it('scores addressee, themes, place and words, each with a reason, and infers a link above the bar', () => {
    const [r] = inferImplementation(
      [
        project('P1', {
          implementers: ['UNODC'],
          themes: ['border-management'],
          states: [MALI],
          text: 'Border passenger screening',
        }),
      ],
      [
        recommendation('R', {
          entities: ['UNODC'],
          states: [MALI],
          themes: ['border-management'],
          text: 'Screen passenger data at borders',
        }),
      ],
    );
    expect(r?.candidates).toEqual([
      {
        project: 'P1',
        score: 3 + 2 + 2 + 3,
        reasons: [
          'implemented by UNODC, to which the recommendation is addressed',
          'both address border-management',
          'benefits Mali (MLI), to which the recommendation is addressed',
          'shares the words "borders", "passenger", "screen"',
        ],
        inferred: true,
        illustrative: false,
      },
    ]);
    expect(r?.none).toBeNull();
  });

  it('never infers a link from one kind of reason, however strong', () => {
    const [r] = inferImplementation(
      [project('P', { themes: ['gender', 'human-rights', 'criminal-justice'] })],
      [recommendation('R', { themes: ['gender', 'human-rights', 'criminal-justice'] })],
    );
    expect(r?.candidates[0]).toMatchObject({ project: 'P', score: 4, inferred: false });
  });

  it('infers no link for a recommendation a project cannot answer, but still ranks candidates', () => {
    const features = {
      entities: ['UNOCT'],
      themes: ['gender'],
      text: 'Regional gender advisers',
    };
    const [r] = inferImplementation(
      [project('P', { implementers: ['UNOCT'], themes: ['gender'], text: 'Gender advisers' })],
      [recommendation('R', { ...features, responseKind: 'coordination' })],
    );
    expect(r?.candidates[0]).toMatchObject({ project: 'P', inferred: false });
  });

  it('leaves out projects already linked and projects that ended before the recommendation', () => {
    const [r] = inferImplementation(
      [
        project('LINKED', { themes: ['gender'] }),
        project('ENDED', { themes: ['gender'], endYear: 2015 }),
        project('RUNNING', { themes: ['gender'], endYear: 2021 }),
      ],
      [recommendation('R', { themes: ['gender'], linked: ['LINKED'], year: 2018 })],
    );
    expect(r?.candidates.map((c) => c.project)).toEqual(['RUNNING']);
  });

  it('finds States through the regions a project covers', () => {
    const [r] = inferImplementation(
      [project('P', { regions: [{ key: 'sahel', name: 'Sahel', members: ['MLI', 'NER'] }] })],
      [recommendation('R', { states: [MALI] })],
    );
    expect(r?.candidates[0]?.reasons).toEqual(['covers Sahel, which includes Mali (MLI)']);
  });

  it('ranks by score then key, keeps the best few, and is the same whatever the input order', () => {
    const projects = Array.from({ length: THRESHOLDS.candidatesKept + 5 }, (_, i) =>
      project(`P${String(i).padStart(2, '0')}`, {
        themes: i % 2 ? ['gender'] : ['gender', 'youth-education'],
      }),
    );
    const recs = [recommendation('R', { themes: ['gender', 'youth-education'] })];
    const forward = inferImplementation(projects, recs);
    const backward = inferImplementation([...projects].reverse(), recs);
    expect(backward).toEqual(forward);
    const ranked = forward[0]!.candidates;
    expect(ranked).toHaveLength(THRESHOLDS.candidatesKept);
    expect(ranked.slice(0, 3).map((c) => [c.project, c.score])).toEqual([
      ['P00', 4],
      ['P02', 4],
      ['P04', 4],
    ]);
  });

  it('says why a recommendation has no candidate', () => {
    const [r] = inferImplementation(
      [project('P', { implementers: ['UNODC'] })],
      [recommendation('R', { entities: ['GCCS'] })],
    );
    expect(r?.candidates).toEqual([]);
    expect(r?.none).toBe(
      'No candidate: it has no thematic area; its addressees (GCCS) implement no project; it shares no distinctive word with a project.',
    );
  });

  it('marks a candidate illustrative when the project or the recommendation is', () => {
    const [r] = inferImplementation(
      [project('P', { themes: ['gender'], illustrative: true })],
      [recommendation('R', { themes: ['gender'] })],
    );
    expect(r?.candidates[0]?.illustrative).toBe(true);
  });
});
