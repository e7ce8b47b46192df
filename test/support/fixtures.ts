// Builders of small fixture graphs in the seed's own record format (valid defaults, provenance).
import type { Dataset } from '../../src/records/index.js';

type D = Dataset;
const src = (paragraph = '1', document = 'DOC-TEST') => ({ document, paragraph });

export const document = (key = 'DOC-TEST', title = 'Test document'): D['documents'][number] => ({
  key,
  title,
  symbol: null,
  symbolPrinted: false,
  date: '2020',
  language: 'en',
  publisher: 'ctkg tests',
  role: 'source',
  sources: [],
  illustrative: false,
});

export const memberState = (
  key: string,
  name: string,
  extra: Partial<D['member-states'][number]> = {},
): D['member-states'][number] => ({
  key,
  name,
  aliases: [],
  observer: false,
  sources: [src()],
  illustrative: false,
  ...extra,
});

export const entity = (
  key: string,
  name = `${key} name`,
  extra: Partial<D['entities'][number]> = {},
): D['entities'][number] => ({
  key,
  name,
  aliases: [],
  kind: 'un-secretariat',
  compactMember: true,
  sources: [src()],
  illustrative: false,
  ...extra,
});

export const region = (key: string, members: string[]): D['regions'][number] => ({
  key,
  name: key,
  aliases: [],
  kind: 'geographic',
  members: members.map((state) => ({ state, basis: 'document' as const, source: src() })),
  sources: [src()],
  illustrative: false,
});

export const theme = (key: string): D['thematic-areas'][number] => ({
  key,
  name: key,
  description: `${key} theme`,
  sources: [src()],
  illustrative: false,
});

export const resolution = (key: string, year: number): D['resolutions'][number] => ({
  key,
  kind: 'resolution',
  body: key.startsWith('S/') ? 'SC' : 'GA',
  number: key.replace(/^S\/RES\/(\d+).*$/, '$1').replace(/^A\/RES\//, ''),
  year,
  topic: `topic of ${key}`,
  asWritten: [],
  mandates: [],
  recalls: [],
  sources: [src()],
  illustrative: false,
});

export const project = (
  key: string,
  opts: {
    title?: string;
    implementers?: [string, 'lead' | 'partner'][];
    beneficiaries?: string[];
    regions?: string[];
    themes?: string[];
    resolutions?: string[];
    pillars?: ('I' | 'II' | 'III' | 'IV')[];
    status?: 'ongoing' | 'completed' | 'planned';
    start?: number;
    end?: number;
    illustrative?: boolean;
  } = {},
): D['projects'][number] => ({
  key,
  title: opts.title ?? `Project ${key}`,
  aliases: [],
  codes: [],
  pillars: opts.pillars ?? ['III'],
  period: opts.start ? { start: opts.start, end: opts.end ?? null } : null,
  statuses: [{ status: opts.status ?? 'ongoing', asOf: '2018-02', source: src('row 1') }],
  budgets: [],
  implementers: (opts.implementers ?? []).map(([entity, role]) => ({
    entity,
    role,
    source: src('row 1'),
  })),
  beneficiaries: (opts.beneficiaries ?? []).map((state) => ({ state, source: src('row 1') })),
  regions: (opts.regions ?? []).map((region) => ({ region, source: src('row 1') })),
  global: false,
  resolutions: (opts.resolutions ?? []).map((resolution) => ({ resolution, source: src('row 1') })),
  continues: [],
  themes: (opts.themes ?? []).map((t) => ({
    theme: t,
    how: 'stated' as const,
    source: src('row 1'),
  })),
  sources: [src('row 1')],
  illustrative: opts.illustrative ?? false,
});

export const recommendation = (
  key: string,
  opts: {
    issuer?: string;
    addressedTo?: ({ entity: string } | { state: string })[];
    themes?: string[];
    implementedBy?: [string, boolean][]; // [project key, illustrative link]
    illustrative?: boolean;
    pillars?: ('I' | 'II' | 'III' | 'IV')[];
  } = {},
): D['recommendations'][number] => ({
  key,
  title: `Recommendation ${key}`,
  summary: `Summary of ${key}.`,
  issuer: opts.issuer ?? 'CTED',
  audience: 'member-states',
  addressedTo: (opts.addressedTo ?? []).map((a) => ({ ...a, source: src('2') })),
  themes: (opts.themes ?? []).map((t) => ({ theme: t, how: 'stated' as const, source: src('2') })),
  pillars: opts.pillars ?? [],
  refersTo: [],
  paragraph: '2',
  responses: [],
  implementedBy: (opts.implementedBy ?? []).map(([projectKey, illustrative]) => ({
    project: projectKey,
    illustrative,
    how: 'stated' as const,
    source: src('3'),
  })),
  sources: [src('2')],
  illustrative: opts.illustrative ?? false,
});

/**
 * The gap fixture: five real recommendations (two implemented, one only through an illustrative
 * link, two with none), one illustrative recommendation with none.
 */
export function gapFixture(): Partial<Dataset> {
  return {
    documents: [document()],
    'member-states': [
      memberState('MLI', 'Mali'),
      memberState('NER', 'Niger'),
      memberState('KAZ', 'Kazakhstan'),
    ],
    regions: [region('sahel', ['MLI', 'NER'])],
    entities: [entity('CTED'), entity('UNODC'), entity('UNOCT')],
    'thematic-areas': [theme('border-management'), theme('criminal-justice')],
    resolutions: [resolution('S/RES/2396 (2017)', 2017)],
    projects: [
      project('P-1', {
        implementers: [
          ['UNODC', 'lead'],
          ['UNOCT', 'partner'],
        ],
        beneficiaries: ['MLI'],
        themes: ['border-management'],
        resolutions: ['S/RES/2396 (2017)'],
        start: 2016,
        end: 2019,
      }),
      project('P-2', {
        implementers: [['UNOCT', 'lead']],
        beneficiaries: ['NER'],
        themes: ['criminal-justice'],
        start: 2018,
        end: 2020,
      }),
      project('P-3', {
        implementers: [['UNODC', 'lead']],
        beneficiaries: ['KAZ'],
        themes: ['border-management'],
        status: 'completed',
        start: 2014,
        end: 2016,
      }),
    ],
    recommendations: [
      recommendation('R-1', {
        addressedTo: [{ state: 'MLI' }],
        themes: ['border-management'],
        implementedBy: [['P-1', false]],
      }),
      recommendation('R-2', {
        addressedTo: [{ state: 'NER' }],
        themes: ['criminal-justice'],
        implementedBy: [['P-2', false]],
      }),
      recommendation('R-3', {
        addressedTo: [{ state: 'MLI' }],
        themes: ['criminal-justice'],
        implementedBy: [['P-2', true]],
      }),
      recommendation('R-4', { addressedTo: [{ state: 'KAZ' }], themes: ['border-management'] }),
      recommendation('R-5', { issuer: 'UNOCT', addressedTo: [{ entity: 'UNODC' }] }),
      recommendation('R-ILL', { addressedTo: [{ state: 'NER' }], illustrative: true }),
    ],
  };
}
