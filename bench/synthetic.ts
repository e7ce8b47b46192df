// Synthetic datasets in the seed's record format, for the benchmark only. Never load into the dev graph.
import type { Dataset } from '../src/records/index.js';

/** Marks every synthetic record, so a stray one is recognisable in any graph. */
export const SYNTHETIC_NOTE = 'synthetic benchmark data';

/** Sizes at scale 1×: roughly the curated data's order of magnitude. */
export const BASE = {
  projects: 350,
  recommendations: 150,
  memberStates: 193,
  entities: 130,
  regions: 20,
  resolutions: 60,
  documents: 5,
  thematicAreas: 12,
  legalInstruments: 19,
} as const;

/** Deterministic PRNG (mulberry32): the same scale always yields the same graph. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  // Skewed pick: low indices are chosen far more often (a few hub entities and States, like UNODC or Iraq).
  const skewed = (n: number, power = 2.2) => Math.min(n - 1, Math.floor(n * next() ** power));
  const pickDistinct = (n: number, count: number, pick: () => number) => {
    const out = new Set<number>();
    for (let guard = 0; out.size < Math.min(count, n) && guard < count * 20; guard++)
      out.add(pick());
    return [...out];
  };
  return { next, int, skewed, pickDistinct, chance: (p: number) => next() < p };
}

const pad = (n: number, width = 6) => String(n).padStart(width, '0');

/** ISO-3166-shaped code for index i (AAA, AAB, …): Member State keys must be three capitals. */
function stateCode(i: number): string {
  const A = 65;
  return String.fromCharCode(
    A + (Math.floor(i / 676) % 26),
    A + (Math.floor(i / 26) % 26),
    A + (i % 26),
  );
}

const PILLARS = ['I', 'II', 'III', 'IV'] as const;
const STATUSES = [
  'ongoing',
  'ongoing',
  'ongoing',
  'completed',
  'completed',
  'planned',
  'pipeline',
] as const;
const ENTITY_KINDS = [
  'un-secretariat',
  'un-agency-fund-programme',
  'un-peace-operation',
  'international-organisation',
  'regional-organisation',
  'civil-society',
] as const;
const AUDIENCES = ['member-states', 'un-system', 'both', 'donors'] as const;

export const themeKey = (i: number) => `SYN-T-${pad(i, 2)}`;
export const projectKey = (i: number) => `SYN-P-${pad(i)}`;
/**
 * One project in twenty is illustrative, by its index, so that a question about one real project
 * can pick real ones (an illustrative project's own links are illustrative too).
 */
export const isIllustrativeProject = (i: number) => i % 20 === 19;
export const entityKey = (i: number) => `SYN-E-${pad(i, 5)}`;

/**
 * A synthetic Dataset at `scale` × BASE sizes (thematic areas, legal instruments and documents stay
 * fixed: they are closed lists). Every key starts with `SYN-` except Member States (the schema
 * requires three capitals) and regions (a lowercase slug: `syn-…`); every record carries SYNTHETIC_NOTE.
 * Fan-out: 1 lead + 0–2 partners per project, 0–6 beneficiaries (skewed to hub States), 1–3 themes;
 * recommendations: 1–3 addressees, 1–2 themes, about half implemented by 1–3 projects; about 5 %
 * of projects and 10 % of recommendations illustrative, and some implementation links illustrative.
 */
export function syntheticDataset(scale: number, seed = 20261123): Dataset {
  const r = prng(seed + scale);
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  const nStates = Math.min(n(BASE.memberStates), 26 ** 3);
  const nEntities = n(BASE.entities);
  const nProjects = n(BASE.projects);
  const nRecs = n(BASE.recommendations);
  const nRegions = n(BASE.regions);
  const nResolutions = n(BASE.resolutions);
  const note = SYNTHETIC_NOTE;
  const docKey = (i: number) => `SYN-DOC-${i + 1}`;
  const src = (paragraph: string) => ({
    document: docKey(r.int(0, BASE.documents - 1)),
    paragraph,
  });
  const theme = (i: number, rec: string) => ({
    theme: themeKey(i),
    how: r.chance(0.7) ? ('stated' as const) : ('inferred' as const),
    source: src(rec),
  });

  const documents: Dataset['documents'] = Array.from({ length: BASE.documents }, (_, i) => ({
    key: docKey(i),
    title: `Synthetic source document ${i + 1}`,
    symbol: null,
    symbolPrinted: false,
    date: `${2016 + i}`,
    language: 'en',
    publisher: 'ctkg bench',
    role: 'source',
    sources: [],
    illustrative: false,
    note,
  }));

  const states: Dataset['member-states'] = Array.from({ length: nStates }, (_, i) => ({
    key: stateCode(i),
    name: `SYN State ${pad(i, 5)}`,
    aliases: [],
    observer: false,
    sources: [src(`states ${i}`)],
    illustrative: false,
    note,
  }));

  const regions: Dataset['regions'] = Array.from({ length: nRegions }, (_, i) => ({
    key: `syn-region-${pad(i, 5)}`,
    name: `SYN Region ${i}`,
    aliases: [],
    kind: i % 5 === 0 ? 'grouping' : 'geographic',
    members: r
      .pickDistinct(nStates, r.int(5, 15), () => r.int(0, nStates - 1))
      .map((s) => ({
        state: stateCode(s),
        basis: 'document' as const,
        source: src(`region ${i}`),
      })),
    sources: [src(`region ${i}`)],
    illustrative: false,
    note,
  }));

  const entities: Dataset['entities'] = Array.from({ length: nEntities }, (_, i) => ({
    key: entityKey(i),
    name: `SYN Entity ${i}`,
    aliases: [],
    kind: ENTITY_KINDS[i % ENTITY_KINDS.length]!,
    compactMember: i % 3 !== 0,
    sources: [src(`entities ${i}`)],
    illustrative: false,
    note,
  }));

  const thematicAreas: Dataset['thematic-areas'] = Array.from(
    { length: BASE.thematicAreas },
    (_, i) => ({
      key: themeKey(i),
      name: `SYN theme ${i}`,
      description: `Synthetic thematic area ${i}`,
      sources: [src(`themes ${i}`)],
      illustrative: false,
      note,
    }),
  );

  const resolutions: Dataset['resolutions'] = Array.from({ length: nResolutions }, (_, i) => ({
    key: `SYN-RES-${pad(i, 5)}`,
    kind: 'resolution',
    body: i % 3 === 0 ? 'GA' : 'SC',
    number: String(2000 + i),
    year: 2001 + (i % 24),
    topic: `Synthetic topic ${i}`,
    asWritten: [],
    mandates: [],
    recalls: [],
    sources: [src(`resolutions ${i}`)],
    illustrative: false,
    note,
  }));

  const instruments: Dataset['legal-instruments'] = Array.from(
    { length: BASE.legalInstruments },
    (_, i) => ({
      key: `SYN-LI-${pad(i, 2)}`,
      name: `Synthetic convention ${i}`,
      year: 1963 + i * 2,
      sources: [src(`instruments ${i}`)],
      illustrative: false,
      note,
    }),
  );

  const projects: Dataset['projects'] = Array.from({ length: nProjects }, (_, i) => {
    const row = `row ${i}`;
    const lead = r.skewed(nEntities);
    const partners = r
      .pickDistinct(nEntities, r.int(0, 2), () => r.skewed(nEntities))
      .filter((e) => e !== lead);
    const start = r.int(2010, 2024);
    return {
      key: projectKey(i),
      title: `SYN project ${i} on ${['border security', 'terrorist financing', 'prison management', 'victims support', 'cyber'][i % 5]}`,
      aliases: [],
      codes: [],
      pillars: r.pickDistinct(4, r.int(1, 2), () => r.int(0, 3)).map((p) => PILLARS[p]!),
      summary: `Synthetic project ${i}.`,
      period: r.chance(0.85) ? { start, end: r.chance(0.8) ? start + r.int(1, 5) : null } : null,
      statuses: [
        { status: STATUSES[r.int(0, STATUSES.length - 1)]!, asOf: '2020-01', source: src(row) },
      ],
      budgets: r.chance(0.3)
        ? [{ amount: r.int(10, 5000) * 1000, currency: 'USD', source: src(row) }]
        : [],
      implementers: [
        { entity: entityKey(lead), role: 'lead' as const, source: src(row) },
        ...partners.map((e) => ({
          entity: entityKey(e),
          role: 'partner' as const,
          source: src(row),
        })),
      ],
      beneficiaries: r
        .pickDistinct(nStates, r.chance(0.1) ? r.int(10, 25) : r.int(0, 6), () =>
          r.skewed(nStates, 1.6),
        )
        .map((s) => ({ state: stateCode(s), source: src(row) })),
      regions: r.chance(0.3)
        ? [{ region: `syn-region-${pad(r.int(0, nRegions - 1), 5)}`, source: src(row) }]
        : [],
      global: r.chance(0.05),
      resolutions: r
        .pickDistinct(nResolutions, r.int(0, 2), () => r.skewed(nResolutions))
        .map((x) => ({ resolution: `SYN-RES-${pad(x, 5)}`, source: src(row) })),
      themes: r
        .pickDistinct(BASE.thematicAreas, r.int(1, 3), () => r.skewed(BASE.thematicAreas, 1.4))
        .map((t) => theme(t, row)),
      continues: [],
      sources: [src(row)],
      illustrative: isIllustrativeProject(i),
      note,
    };
  });

  // Issuers: a handful of entities issue most recommendations (CTED, SG, the Compact …).
  const issuers = Math.min(nEntities, 6);
  const recommendations: Dataset['recommendations'] = Array.from({ length: nRecs }, (_, i) => {
    const para = String(i + 1);
    const illustrative = r.chance(0.1);
    const implemented = r.chance(0.5);
    return {
      key: `SYN-R-${pad(i)}`,
      title: `SYN recommendation ${i}`,
      summary: `Synthetic recommendation ${i}.`,
      issuer: entityKey(r.int(0, issuers - 1)),
      audience: AUDIENCES[i % AUDIENCES.length]!,
      addressedTo: r
        .pickDistinct(nStates + nEntities, r.int(1, 3), () => r.int(0, nStates + nEntities - 1))
        .map((x) =>
          x < nStates
            ? { state: stateCode(x), source: src(para) }
            : { entity: entityKey(x - nStates), source: src(para) },
        ),
      themes: r
        .pickDistinct(BASE.thematicAreas, r.int(1, 2), () => r.skewed(BASE.thematicAreas, 1.4))
        .map((t) => theme(t, para)),
      pillars: r.pickDistinct(4, r.int(0, 2), () => r.int(0, 3)).map((p) => PILLARS[p]!),
      refersTo: r.chance(0.4)
        ? [
            r.chance(0.7)
              ? { resolution: `SYN-RES-${pad(r.skewed(nResolutions), 5)}`, source: src(para) }
              : {
                  instrument: `SYN-LI-${pad(r.int(0, BASE.legalInstruments - 1), 2)}`,
                  source: src(para),
                },
          ]
        : [],
      paragraph: para,
      responses: [],
      implementedBy: implemented
        ? r
            .pickDistinct(nProjects, r.int(1, 3), () => r.int(0, nProjects - 1))
            .map((p) => ({
              project: projectKey(p),
              illustrative: r.chance(0.15),
              how: 'stated' as const,
              source: src(para),
            }))
        : [],
      sources: [src(para)],
      illustrative,
      note,
    };
  });

  return {
    documents,
    'member-states': states,
    regions,
    entities,
    resolutions,
    'legal-instruments': instruments,
    'thematic-areas': thematicAreas,
    projects,
    recommendations,
    contributions: [],
    'project-identities': [],
    reconciliation: [],
    'stated-figures': [],
  };
}

/** Record counts of a dataset, for the report. */
export function datasetSize(d: Dataset): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const [kind, records] of Object.entries(d) as [string, unknown[]][])
    if (records.length > 0) sizes[kind] = records.length;
  return sizes;
}
