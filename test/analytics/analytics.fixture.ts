// The analytics fixture: the gap fixture plus resolutions, overlapping projects and a region-covering project.
import type { Dataset } from '../../src/records/index.js';
import { gapFixture, project, recommendation, resolution } from '../support/fixtures.js';

/**
 * Beyond `gapFixture()`:
 * - resolutions: 2396 (supported by real P-1), 2178 (only by illustrative P-ILL), A/RES/72/284 (GA, none),
 *   S/RES/9999 (2030) (illustrative, none);
 * - MLI + border-management projects: P-1 (UNODC lead, 2016–2019), P-4 (UNOCT lead, 2018–2021),
 *   P-5 (UNODC lead, 2017–2018), P-6 (CTED lead, no period), P-ILL (illustrative, UNOCT lead, 2017–2018);
 * - P-7 covers the Sahel region (MLI, NER), criminal-justice, UNODC lead, 2019–2020;
 * - addressed to MLI, criminal-justice, linked to P-7 only by an illustrative link;
 * - R-1 carries pillar III (every fixture project does too).
 */
export function analyticsFixture(): Partial<Dataset> {
  const base = gapFixture();
  return {
    ...base,
    resolutions: [
      resolution('S/RES/2396 (2017)', 2017),
      resolution('S/RES/2178 (2014)', 2014),
      resolution('A/RES/72/284', 2018),
      { ...resolution('S/RES/9999 (2030)', 2030), illustrative: true },
    ],
    projects: [
      ...(base.projects ?? []),
      project('P-4', {
        implementers: [['UNOCT', 'lead']],
        beneficiaries: ['MLI'],
        themes: ['border-management'],
        start: 2018,
        end: 2021,
      }),
      project('P-5', {
        implementers: [['UNODC', 'lead']],
        beneficiaries: ['MLI'],
        themes: ['border-management'],
        start: 2017,
        end: 2018,
      }),
      project('P-6', {
        implementers: [['CTED', 'lead']],
        beneficiaries: ['MLI'],
        themes: ['border-management'],
      }),
      project('P-7', {
        implementers: [['UNODC', 'lead']],
        regions: ['sahel'],
        themes: ['criminal-justice'],
        start: 2019,
        end: 2020,
      }),
      project('P-ILL', {
        implementers: [['UNOCT', 'lead']],
        beneficiaries: ['MLI'],
        themes: ['border-management'],
        resolutions: ['S/RES/2178 (2014)'],
        start: 2017,
        end: 2018,
        illustrative: true,
      }),
    ],
    recommendations: [
      ...(base.recommendations ?? []).map((r) =>
        r.key === 'R-1' ? { ...r, pillars: ['III' as const] } : r,
      ),
      recommendation('R-6', {
        addressedTo: [{ state: 'MLI' }],
        themes: ['criminal-justice'],
        implementedBy: [['P-7', true]],
      }),
    ],
  };
}
