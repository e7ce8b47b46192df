// The dashboard's filters as a URL fragment, and back, so that a view can be shared and reloaded.
// Names and values are those of the export URLs (and of the API's arguments), and only what
// differs from the defaults is written: `/dashboard#evidence=DOCUMENTED,REPORTED,INFERRED&asOf=A/73/866`.
// Pure, so it is unit-tested in Node (url.test.ts).
import { EVIDENCE, type Evidence } from '../shared/vocab.js';
import type { GapFilter } from './queries.js';

/** Everything the dashboard's URL restores. */
export interface DashboardState {
  readonly evidence: readonly Evidence[];
  readonly asOf: string | null;
  readonly illustrative: boolean;
  readonly where: Readonly<GapFilter>;
  readonly answerableOnly: boolean;
  /** The body whose resolutions are listed (`Body`: SC, GA, HRC); null for any. */
  readonly resolutionBody: string | null;
  /** The charts that show every group instead of the top ones, by section id (`region` …). */
  readonly showAll: readonly string[];
}

const GAP_FIELDS = [
  'issuers',
  'addressees',
  'regions',
  'thematicAreas',
  'pillars',
  'documents',
] as const satisfies readonly (keyof GapFilter)[];

export const DEFAULT_STATE: DashboardState = {
  evidence: ['DOCUMENTED', 'REPORTED'],
  asOf: null,
  illustrative: false,
  where: {
    issuers: [],
    addressees: [],
    regions: [],
    thematicAreas: [],
    pillars: [],
    documents: [],
  },
  answerableOnly: true,
  resolutionBody: null,
  showAll: [],
};

// Closed vocabularies: a value outside them would be refused by the API as a whole request.
const PILLARS = ['I', 'II', 'III', 'IV'];
const BODIES = ['SC', 'GA', 'HRC'];
const SECTIONS = ['region', 'entity', 'theme'];

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

// Keys and symbols stay readable (`A/73/866`); what the format uses (`&` `=` `,` `#` `%`),
// whitespace and non-ASCII are escaped.
const escape = (text: string) =>
  text.replace(/[%&=,#+\s]|[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));

/** The fragment (without `#`) for `state`; empty for the defaults. */
export function encodeState(state: DashboardState): string {
  const parts: [string, readonly string[]][] = [];
  const evidence = EVIDENCE.filter((e) => state.evidence.includes(e));
  if (!same(evidence, DEFAULT_STATE.evidence)) parts.push(['evidence', evidence]);
  if (state.asOf !== null) parts.push(['asOf', [state.asOf]]);
  if (state.illustrative) parts.push(['includeIllustrative', ['true']]);
  for (const field of GAP_FIELDS) {
    if (state.where[field].length > 0) parts.push([field, state.where[field]]);
  }
  if (!state.answerableOnly) parts.push(['projectAnswerableOnly', ['false']]);
  if (state.resolutionBody !== null) parts.push(['body', [state.resolutionBody]]);
  if (state.showAll.length > 0) parts.push(['showAll', state.showAll]);
  return parts.map(([name, values]) => `${name}=${values.map(escape).join(',')}`).join('&');
}

/**
 * The state a fragment describes (with or without `#`). Anything missing, unknown or malformed
 * takes its default, so a hand-edited URL never makes the page's requests fail.
 */
export function decodeState(fragment: string): DashboardState {
  const params = new Map<string, string[]>();
  for (const part of fragment.replace(/^#/, '').split('&')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const values = part
      .slice(at + 1)
      .split(',')
      .map((v) => {
        try {
          return decodeURIComponent(v).trim();
        } catch {
          return '';
        }
      })
      .filter((v) => v !== '');
    params.set(part.slice(0, at), values);
  }
  const list = (name: string, allowed?: readonly string[]) =>
    [...new Set(params.get(name) ?? [])].filter(
      (v) => allowed === undefined || allowed.includes(v),
    );
  const one = (name: string, allowed?: readonly string[]) => list(name, allowed)[0] ?? null;

  const evidence = params.get('evidence');
  const pillars = list('pillars');
  const where: GapFilter = {
    issuers: list('issuers'),
    addressees: list('addressees'),
    regions: list('regions'),
    thematicAreas: list('thematicAreas'),
    pillars: PILLARS.filter((p) => pillars.includes(p)),
    documents: list('documents'),
  };
  return {
    evidence:
      evidence === undefined
        ? DEFAULT_STATE.evidence
        : EVIDENCE.filter((e) => evidence.includes(e)),
    asOf: one('asOf'),
    illustrative: one('includeIllustrative') === 'true',
    where,
    answerableOnly: one('projectAnswerableOnly') !== 'false',
    resolutionBody: one('body', BODIES),
    showAll: list('showAll', SECTIONS),
  };
}
