// The gap dashboard (/dashboard): coverage by pillar (stated vs computed), region, entity and
// thematic area as charts with their evidence levels, the recommendations no project answers with
// each one's candidate projects, the resolutions no project supports, filters, and the API's own
// CSV / JSON downloads for each. Only the public GraphQL API and /export/… are called.
import { DASHBOARD_HOOK, type DashboardHook, type Timing } from '../../hook.js';
import { ApiError, gql, requestsInFlight } from '../shared/api.js';
import { byId, h, replace } from '../shared/dom.js';
import { buildEvidenceFilter } from '../shared/evidence-filter.js';
import { EVIDENCE_STYLE } from '../shared/vocab.js';
import { encodeView, EMPTY_VIEW } from '../explorer/deeplink.js';
import { chartSnapshots, evidenceChart, projectsChart, statedVsComputed } from './charts.js';
import * as Q from './queries.js';
import { decodeState, encodeState } from './url.js';

/** Groups a chart shows before "show all". */
const TOP = 15;

interface DimensionSpec {
  readonly by: Q.Dimension;
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly intro: string;
}

const DIMENSIONS: readonly DimensionSpec[] = [
  {
    by: 'PILLAR',
    id: 'pillar',
    title: 'Coverage by pillar of the Strategy',
    group: 'Pillar',
    intro:
      'Projects per pillar of the Global Counter-Terrorism Strategy as the reports state them, beside the same count computed from the graph at the date the report describes, and the recommendations of each pillar by the evidence that a project answers them.',
  },
  {
    by: 'REGION',
    id: 'region',
    title: 'Coverage by region',
    group: 'Region',
    intro:
      'Projects that cover a region or benefit one of its Member States, and the recommendations addressed to its Member States.',
  },
  {
    by: 'ENTITY',
    id: 'entity',
    title: 'Coverage by entity',
    group: 'Entity',
    intro:
      'Projects each entity implements (lead or partner), and the recommendations addressed to it.',
  },
  {
    by: 'THEMATIC_AREA',
    id: 'theme',
    title: 'Coverage by thematic area',
    group: 'Thematic area',
    intro: 'Projects and recommendations that address each thematic area.',
  },
];

// The filters start as the URL gives them (url.ts), and every change is written back to it.
const initial = decodeState(location.hash);
const filter: Q.CommonFilter = {
  evidence: initial.evidence,
  asOf: initial.asOf,
  illustrative: initial.illustrative,
};
const where: Q.GapFilter = {
  issuers: [...initial.where.issuers],
  addressees: [...initial.where.addressees],
  regions: [...initial.where.regions],
  thematicAreas: [...initial.where.thematicAreas],
  pillars: [...initial.where.pillars],
  documents: [...initial.where.documents],
};
let answerableOnly = initial.answerableOnly;
let resolutionBody: string | null = initial.resolutionBody;
const showAll = new Set<string>(initial.showAll);
const coverage = new Map<Q.Dimension, Q.CoverageGroup[]>();
let totals: Q.StatedFigure[] = [];

const timings: Timing[] = [];
let loading = 0;
let ready = false;

/** Runs `work`, timed from now (or from the navigation, for the page's first steps). */
async function timed(
  step: string,
  work: () => Promise<void>,
  fromNavigation = false,
): Promise<void> {
  loading += 1;
  const started = fromNavigation ? 0 : performance.now();
  try {
    await work();
    timings.push({
      step,
      ms: Math.round(performance.now() - started),
      requestMs: 0,
      nodes: 0,
      edges: 0,
    });
  } catch (error) {
    report(error);
  } finally {
    loading -= 1;
  }
}

function report(error: unknown): void {
  const line = byId('error');
  if (error instanceof ApiError) {
    line.textContent = `The API refused: ${error.message}${error.code ? ` (${error.code})` : ''}`;
  } else {
    line.textContent = 'Something went wrong; see the browser console.';
    console.error(error);
  }
}

/** Writes the filters into the address bar (replacing the entry: filters are not history). */
function saveUrl(): void {
  const fragment = encodeState({
    ...filter,
    where,
    answerableOnly,
    resolutionBody,
    showAll: [...showAll],
  });
  if (location.hash.slice(1) === fragment) return;
  history.replaceState(null, '', fragment === '' ? location.pathname : `#${fragment}`);
}

/** Selects `value` in `select`, adding it as an option when the URL names one the list lacks. */
function choose(select: HTMLSelectElement, value: string | null): void {
  const wanted = value ?? '';
  if (![...select.options].some((o) => o.value === wanted)) {
    select.appendChild(h('option', { value: wanted }, wanted));
  }
  select.value = wanted;
}

const pct = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/** A link to the explorer showing these nodes (the first selected), and the paths between the first two. */
function explorerLink(ids: readonly string[], withPath = false): string {
  return `/explorer#${encodeView({
    ...EMPTY_VIEW,
    nodes: ids.map((id, i) => ({ id, x: i * 260, y: 0, pinned: true })),
    selected: { kind: 'n', index: 0 },
    evidence: filter.evidence,
    illustrative: filter.illustrative,
    path: withPath && ids.length > 1 ? { from: 0, to: 1 } : null,
  })}`;
}

function downloads(
  label: string,
  urls: { csv: string; json: string; manifest: string },
): HTMLElement {
  return h(
    'p',
    { class: 'downloads' },
    `Download ${label}: `,
    h('a', { href: urls.csv, download: '' }, 'CSV'),
    ' · ',
    h('a', { href: urls.json, download: '' }, 'JSON'),
    ' · ',
    h('a', { href: urls.manifest }, 'manifest'),
  );
}

// ---------------------------------------------------------------------------------------------
// Coverage.

function buildCoverageSections(): void {
  const host = byId('coverage');
  for (const spec of DIMENSIONS) {
    host.appendChild(
      h(
        'section',
        { id: spec.id, class: 'coverage', 'aria-labelledby': `${spec.id}-title` },
        h('h2', { id: `${spec.id}-title` }, spec.title),
        h('p', { class: 'intro' }, spec.intro),
        h(
          'div',
          { class: 'chart-row' },
          h('div', { class: 'chart-box' }, h('canvas', { id: `chart-${spec.id}-main` })),
          h('div', { class: 'chart-box' }, h('canvas', { id: `chart-${spec.id}-evidence` })),
          h('p', { id: `${spec.id}-note`, class: 'muted chart-note' }),
        ),
        h('div', { id: `${spec.id}-extra` }),
        h('div', { id: `${spec.id}-table` }),
        h('div', { id: `${spec.id}-downloads` }),
      ),
    );
  }
}

function coverageTable(spec: DimensionSpec, groups: readonly Q.CoverageGroup[]): HTMLElement {
  const counted = filter.evidence.map((e) => e.toLowerCase()).join(' + ');
  return h(
    'details',
    { class: 'table' },
    h('summary', {}, `Table: ${spec.title.toLowerCase()} (${groups.length} groups)`),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              spec.group,
              'Projects',
              'Share',
              'Recommendations',
              'Project-answerable',
              `With a project (${counted})`,
              'Documented',
              'Reported',
              'Inferred',
              'Ratio',
            ].map((name, i) => h('th', { scope: 'col', class: i === 0 ? '' : 'num' }, name)),
          ),
        ),
        h(
          'tbody',
          {},
          ...groups.map((g) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, g.label === g.key ? g.key : `${g.label} (${g.key})`),
              ...[
                g.projects,
                pct(g.share),
                g.recommendations,
                g.projectAnswerable,
                g.recommendationsWithProject,
                g.byEvidence.documented,
                g.byEvidence.reported,
                g.byEvidence.inferred,
                pct(g.ratio),
              ].map((value) => h('td', { class: 'num' }, String(value))),
            ),
          ),
        ),
      ),
    ),
  );
}

function statedTable(figures: readonly Q.StatedFigure[]): HTMLElement {
  return h(
    'table',
    { class: 'stated' },
    h('caption', {}, 'Figures the reports state, as printed, beside the graph’s own count'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[
          'Group',
          'As printed',
          'Stated',
          'Computed',
          'Computed − stated',
          'As of',
          'Source',
        ].map((name, i) => h('th', { scope: 'col', class: i >= 2 && i <= 4 ? 'num' : '' }, name)),
      ),
    ),
    h(
      'tbody',
      {},
      ...figures.map((f) => {
        const difference = f.computed === null ? null : f.computed - f.value;
        return h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            f.group !== null
              ? `Pillar ${f.group}`
              : f.dimension === 'TOTAL'
                ? 'Total'
                : f.dimension.toLowerCase(),
          ),
          h('td', {}, `“${f.asWritten}”`),
          h('td', { class: 'num' }, String(f.value)),
          h('td', { class: 'num' }, f.computed === null ? '–' : String(f.computed)),
          h(
            'td',
            { class: `num ${difference ? 'differs' : ''}` },
            difference === null
              ? '–'
              : difference === 0
                ? '0'
                : difference > 0
                  ? `+${difference}`
                  : String(difference),
          ),
          h('td', {}, f.asOf ?? ''),
          h(
            'td',
            {},
            h(
              'a',
              { href: explorerLink([f.source.document.id]), title: f.source.document.title },
              f.source.document.key,
            ),
            `, ${f.source.paragraph}`,
          ),
        );
      }),
    ),
  );
}

const short = (text: string, max = 34) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function renderCoverage(spec: DimensionSpec): void {
  const groups = coverage.get(spec.by) ?? [];
  const main = byId<HTMLCanvasElement>(`chart-${spec.id}-main`);
  const evidence = byId<HTMLCanvasElement>(`chart-${spec.id}-evidence`);
  const extra = byId(`${spec.id}-extra`);
  const name = (g: Q.CoverageGroup) => (spec.by === 'ENTITY' ? g.key : short(g.label));
  if (spec.by === 'PILLAR') {
    statedVsComputed(
      main,
      groups,
      'Projects per pillar: stated in the reports vs computed from the graph',
    );
    evidenceChart(evidence, groups, {
      title: 'Recommendations per pillar, by the evidence a project answers them',
      counted: filter.evidence,
      horizontal: false,
      labels: groups.map((g) => `Pillar ${g.key}`),
    });
    const figures = [...groups.flatMap((g) => g.stated), ...totals].filter(
      (f) => f.measure === 'projects',
    );
    replace(
      extra,
      figures.length > 0 ? statedTable(figures) : h('p', { class: 'muted' }, 'No stated figures.'),
    );
  } else {
    const all = showAll.has(spec.id);
    const byProjects = [...groups]
      .filter((g) => g.projects > 0)
      .sort((a, b) => b.projects - a.projects || (a.key < b.key ? -1 : 1));
    const withRecs = [...groups]
      .filter((g) => g.recommendations > 0)
      .sort((a, b) => b.recommendations - a.recommendations || (a.key < b.key ? -1 : 1));
    const projects = all ? byProjects : byProjects.slice(0, TOP);
    const recs = all ? withRecs : withRecs.slice(0, TOP);
    projectsChart(main, projects, {
      title: `Projects by ${spec.group.toLowerCase()}${all || byProjects.length <= TOP ? '' : ` (top ${TOP} of ${byProjects.length})`}`,
      labels: projects.map(name),
    });
    const box = evidence.parentElement!;
    box.hidden = recs.length === 0;
    if (recs.length > 0) {
      evidenceChart(evidence, recs, {
        title: `Recommendations by ${spec.group.toLowerCase()}, by the evidence a project answers them${all || withRecs.length <= TOP ? '' : ` (top ${TOP} of ${withRecs.length})`}`,
        counted: filter.evidence,
        horizontal: true,
        labels: recs.map(name),
      });
    }
    replace(
      byId(`${spec.id}-note`),
      recs.length > 0
        ? null
        : `No recommendation in this view is addressed by ${spec.group.toLowerCase()}: the real data’s country recommendations are CTED’s, which are confidential${filter.illustrative ? '' : ' (include illustrative records to see ctkg’s labelled examples)'}.`,
    );
    const more = Math.max(byProjects.length, withRecs.length) > TOP;
    replace(
      extra,
      more
        ? h(
            'button',
            {
              type: 'button',
              'aria-pressed': all ? 'true' : 'false',
              onclick: () => {
                if (all) showAll.delete(spec.id);
                else showAll.add(spec.id);
                renderCoverage(spec);
                saveUrl();
              },
            },
            all ? `Show the top ${TOP}` : `Show all ${groups.length} groups`,
          )
        : null,
    );
  }
  replace(byId(`${spec.id}-table`), coverageTable(spec, groups));
  replace(
    byId(`${spec.id}-downloads`),
    downloads(`coverage by ${spec.group.toLowerCase()}`, {
      csv: Q.coverageExport('csv', spec.by, filter),
      json: Q.coverageExport('json', spec.by, filter),
      manifest: Q.coverageExport('manifest.json', spec.by, filter),
    }),
  );
}

/** Loads and draws the coverage of one dimension. */
async function loadDimension(by: Q.Dimension): Promise<void> {
  const data = await gql<Q.CoverageData>(Q.COVERAGE, {
    by,
    evidence: filter.evidence,
    asOf: filter.asOf,
    ill: filter.illustrative,
  });
  coverage.set(by, data.coverage);
  const spec = DIMENSIONS.find((d) => d.by === by);
  if (spec !== undefined) renderCoverage(spec);
}

/** Every dimension the page loads: the charted ones, and Member States for the filters. */
const ALL_DIMENSIONS: readonly Q.Dimension[] = [...DIMENSIONS.map((d) => d.by), 'MEMBER_STATE'];

/**
 * Loads and draws the coverage of `dimensions`, one after another: on a busy server, five
 * coverage statements planned at once (each filter combination is a new plan for Neo4j) can each
 * outlast the statement timeout.
 */
async function loadCoverage(dimensions: readonly Q.Dimension[] = ALL_DIMENSIONS): Promise<void> {
  for (const by of dimensions) await loadDimension(by);
}

// ---------------------------------------------------------------------------------------------
// The gap list.

let gapItems: Q.GapItem[] = [];
let gapPage: { hasNextPage: boolean; endCursor: string | null } = {
  hasNextPage: false,
  endCursor: null,
};
let gapTotal = 0;

function gapItem(item: Q.GapItem): HTMLElement {
  const ev = item.implementationEvidence;
  const source = item.sources[0];
  return h(
    'li',
    { class: 'gap', 'data-key': item.key },
    h(
      'h3',
      {},
      h('span', { class: 'key' }, item.key),
      ' ',
      item.title,
      item.illustrative ? h('span', { class: 'tag' }, 'illustrative') : null,
    ),
    h(
      'p',
      { class: 'meta' },
      item.issuer ? `Issued by ${item.issuer.key}` : 'Issuer unknown',
      source ? ` · ${source.document.key}, para ${source.paragraph}` : '',
      item.pillars.length > 0 ? ` · pillar ${item.pillars.join(', ')}` : '',
      ` · asks for: ${(item.responseKind ?? 'unclassified').toLowerCase()}`,
    ),
    h('p', { class: 'summary' }, item.summary),
    h(
      'p',
      { class: 'evidence-line' },
      `Implementing projects: documented ${ev.documented}, reported ${ev.reported}, inferred ${ev.inferred}. `,
      `Documented responses: ${ev.documentedResponses}. Candidates: ${ev.candidates}.`,
      ev.noCandidateReason ? ` ${ev.noCandidateReason}` : '',
    ),
    item.candidates.length > 0
      ? h(
          'div',
          { class: 'candidates' },
          h(
            'p',
            { class: 'candidates-title' },
            `Candidate projects (best ${item.candidates.length} of ${ev.candidates}, ranked by ctkg’s rules — leads to check, not facts):`,
          ),
          h(
            'ol',
            {},
            ...item.candidates.map((c) =>
              h(
                'li',
                {},
                h(
                  'a',
                  {
                    href: explorerLink([item.id, c.project.id], true),
                    title: 'Show both in the explorer, with the paths between them',
                  },
                  c.project.key,
                ),
                ` ${c.project.title} — score ${c.score}`,
                c.inferred ? h('span', { class: 'tag' }, 'inferred link') : null,
                h('span', { class: 'reasons' }, ` (${c.reasons.join('; ')})`),
              ),
            ),
          ),
        )
      : null,
    h('p', {}, h('a', { href: explorerLink([item.id]) }, 'Open in the explorer')),
  );
}

function renderGaps(): void {
  const counted =
    filter.evidence.map((e) => EVIDENCE_STYLE[e].name.toLowerCase()).join(', ') || 'no';
  byId('gap-summary').textContent =
    `${gapTotal} recommendation${gapTotal === 1 ? '' : 's'}${answerableOnly ? ' a project could answer' : ''} with no implementing project at the ${counted} level${filter.evidence.length === 1 ? '' : 's'}` +
    (filter.asOf ? `, as of ${filter.asOf}` : '') +
    `. Showing ${gapItems.length}.`;
  replace(byId('gap-list'), ...gapItems.map(gapItem));
  const more = byId<HTMLButtonElement>('gap-more');
  more.hidden = !gapPage.hasNextPage;
  replace(
    byId('gap-downloads'),
    downloads('this list', {
      csv: Q.gapsExport('csv', filter, where, answerableOnly),
      json: Q.gapsExport('json', filter, where, answerableOnly),
      manifest: Q.gapsExport('manifest.json', filter, where, answerableOnly),
    }),
  );
}

async function loadGaps(append = false): Promise<void> {
  const data = await gql<Q.GapsData>(Q.GAPS, {
    after: append ? gapPage.endCursor : null,
    where: Object.fromEntries(Object.entries(where).filter(([, v]) => (v as string[]).length > 0)),
    evidence: filter.evidence,
    answerable: answerableOnly,
    asOf: filter.asOf,
    ill: filter.illustrative,
  });
  const page = data.recommendationsWithoutProjects;
  gapItems = append ? [...gapItems, ...page.nodes] : page.nodes;
  gapPage = page.pageInfo;
  gapTotal = page.totalCount;
  renderGaps();
}

// ---------------------------------------------------------------------------------------------
// Resolutions no project supports.

let resolutions: Q.ResolutionsData['resolutionsWithoutProjects']['nodes'] = [];
let resolutionPage: { hasNextPage: boolean; endCursor: string | null } = {
  hasNextPage: false,
  endCursor: null,
};

async function loadResolutions(append = false): Promise<void> {
  const data = await gql<Q.ResolutionsData>(Q.RESOLUTIONS, {
    after: append ? resolutionPage.endCursor : null,
    body: resolutionBody,
    evidence: filter.evidence,
    asOf: filter.asOf,
    ill: filter.illustrative,
  });
  const page = data.resolutionsWithoutProjects;
  resolutions = append ? [...resolutions, ...page.nodes] : page.nodes;
  resolutionPage = page.pageInfo;
  byId('resolution-summary').textContent =
    `${page.totalCount} resolution${page.totalCount === 1 ? '' : 's'} no project supports. Showing ${resolutions.length}.`;
  replace(
    byId('resolution-list'),
    ...resolutions.map((r) =>
      h(
        'li',
        {},
        h('a', { href: explorerLink([r.id]) }, r.key),
        ` (${r.year}) ${r.topic}`,
        r.illustrative ? h('span', { class: 'tag' }, 'illustrative') : null,
      ),
    ),
  );
  byId<HTMLButtonElement>('resolution-more').hidden = !resolutionPage.hasNextPage;
  replace(
    byId('resolution-downloads'),
    downloads('this list', {
      csv: Q.resolutionsExport('csv', resolutionBody, filter),
      json: Q.resolutionsExport('json', resolutionBody, filter),
      manifest: Q.resolutionsExport('manifest.json', resolutionBody, filter),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Filters.

function select(
  id: string,
  label: string,
  options: { value: string; text: string }[],
  onChange: (value: string | null) => void,
): HTMLElement {
  return h(
    'label',
    { for: id },
    label,
    ' ',
    h(
      'select',
      {
        id,
        onchange: (event: Event) => onChange((event.target as HTMLSelectElement).value || null),
      },
      h('option', { value: '' }, 'any'),
      ...options.map((o) => h('option', { value: o.value }, o.text)),
    ),
  );
}

function buildCommonFilters(choices: Q.ChoicesData): void {
  buildEvidenceFilter(byId('evidence-filter'), {
    checked: (level) => filter.evidence.includes(level),
    onChange: (levels) => {
      filter.evidence = levels;
      void refresh('evidence');
    },
  });
  const asOf = byId<HTMLSelectElement>('as-of');
  for (const doc of choices.documents.nodes.filter((d) => d.role === 'source' && d.date !== null)) {
    asOf.appendChild(h('option', { value: doc.key, title: doc.title }, `${doc.key} (${doc.date})`));
  }
  choose(asOf, filter.asOf);
  byId<HTMLInputElement>('show-illustrative').checked = filter.illustrative;
  asOf.addEventListener('change', () => {
    filter.asOf = asOf.value || null;
    void refresh('as of');
  });
  byId('show-illustrative').addEventListener('change', (event) => {
    filter.illustrative = (event.target as HTMLInputElement).checked;
    void refresh('illustrative');
  });
}

function buildGapFilters(choices: Q.ChoicesData, issuers: { key: string; name: string }[]): void {
  const set = (field: keyof Q.GapFilter) => (value: string | null) => {
    where[field] = value === null ? [] : [value];
    saveUrl();
    void timed(`gap filter ${field}`, () => loadGaps());
  };
  const addressees = [
    ...(coverage.get('ENTITY') ?? []).filter((g) => g.recommendations > 0),
    ...(coverage.get('MEMBER_STATE') ?? []).filter((g) => g.recommendations > 0),
  ];
  const form = byId('gap-filters');
  replace(
    form,
    select(
      'gap-issuer',
      'Issued by',
      issuers.map((i) => ({ value: i.key, text: `${i.key} — ${i.name}` })),
      set('issuers'),
    ),
    select(
      'gap-addressee',
      'Addressed to',
      addressees.map((g) => ({ value: g.key, text: `${g.key} — ${g.label}` })),
      set('addressees'),
    ),
    select(
      'gap-region',
      'Region',
      choices.regions.nodes.map((r) => ({
        value: r.key,
        text: r.nameZh ? `${r.name} (${r.nameZh})` : r.name,
      })),
      set('regions'),
    ),
    select(
      'gap-theme',
      'Thematic area',
      choices.thematicAreas.nodes.map((t) => ({
        value: t.key,
        text: t.nameZh ? `${t.name} (${t.nameZh})` : t.name,
      })),
      set('thematicAreas'),
    ),
    select(
      'gap-document',
      'Source',
      choices.documents.nodes
        .filter((d) => d.role === 'source')
        .map((d) => ({ value: d.key, text: d.key })),
      set('documents'),
    ),
    h(
      'fieldset',
      { class: 'inline' },
      h('legend', {}, 'Pillars'),
      ...['I', 'II', 'III', 'IV'].map((p) =>
        h(
          'label',
          { for: `gap-pillar-${p}` },
          h('input', {
            type: 'checkbox',
            id: `gap-pillar-${p}`,
            value: p,
            checked: where.pillars.includes(p),
            onchange: () => {
              where.pillars = ['I', 'II', 'III', 'IV'].filter(
                (x) => byId<HTMLInputElement>(`gap-pillar-${x}`).checked,
              );
              saveUrl();
              void timed('gap filter pillars', () => loadGaps());
            },
          }),
          ` ${p}`,
        ),
      ),
    ),
    h(
      'label',
      { for: 'gap-answerable' },
      h('input', {
        type: 'checkbox',
        id: 'gap-answerable',
        checked: answerableOnly,
        onchange: (event: Event) => {
          answerableOnly = (event.target as HTMLInputElement).checked;
          saveUrl();
          void timed('gap filter answerable', () => loadGaps());
        },
      }),
      ' Only recommendations a project could answer',
    ),
  );
  // As the URL gave them: each list shows one key.
  const shown: [string, keyof Q.GapFilter][] = [
    ['gap-issuer', 'issuers'],
    ['gap-addressee', 'addressees'],
    ['gap-region', 'regions'],
    ['gap-theme', 'thematicAreas'],
    ['gap-document', 'documents'],
  ];
  for (const [id, field] of shown) choose(byId<HTMLSelectElement>(id), where[field][0] ?? null);
}

async function refresh(what: string): Promise<void> {
  byId('error').textContent = '';
  saveUrl();
  await timed(`filter ${what}`, async () => {
    await Promise.all([loadCoverage(), loadGaps(), loadResolutions()]);
  });
}

async function loadIssuers(): Promise<{ key: string; name: string }[]> {
  const issuers = new Map<string, string>();
  let after: string | null = null;
  // At most a few pages: the API has no list of issuers, so they are read off the recommendations.
  for (let page = 0; page < 5; page += 1) {
    const data: Q.IssuersData = await gql<Q.IssuersData>(Q.ISSUERS, { after, ill: true });
    for (const node of data.recommendations.nodes) {
      if (node.issuer !== null) issuers.set(node.issuer.key, node.issuer.name);
    }
    if (!data.recommendations.pageInfo.hasNextPage) break;
    after = data.recommendations.pageInfo.endCursor;
  }
  return [...issuers]
    .map(([key, name]) => ({ key, name }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

async function start(): Promise<void> {
  buildCoverageSections();
  choose(byId<HTMLSelectElement>('resolution-body'), resolutionBody);
  byId('gap-more').addEventListener('click', () => void timed('more gaps', () => loadGaps(true)));
  byId('resolution-more').addEventListener(
    'click',
    () => void timed('more resolutions', () => loadResolutions(true)),
  );
  byId('resolution-body').addEventListener('change', (event) => {
    resolutionBody = (event.target as HTMLSelectElement).value || null;
    saveUrl();
    void timed('resolution body', () => loadResolutions());
  });
  // The first view is the pillar chart with its stated figures: asked for first, alone, so it
  // does not queue behind the rest of the page on a busy server.
  await timed(
    'first view (pillar chart)',
    async () => {
      const [stated] = await Promise.all([
        gql<Q.StatedTotalsData>(Q.STATED_TOTALS),
        loadDimension('PILLAR'),
      ]);
      totals = stated.statedFigures;
      renderCoverage(DIMENSIONS[0]!);
    },
    true,
  );
  await timed(
    'whole page',
    async () => {
      const [choices, issuers] = await Promise.all([
        gql<Q.ChoicesData>(Q.CHOICES),
        loadIssuers(),
        loadCoverage(ALL_DIMENSIONS.slice(1)),
        loadGaps(),
        loadResolutions(),
      ]);
      buildCommonFilters(choices);
      buildGapFilters(choices, issuers);
    },
    true,
  );
  ready = true;
}

const hook: DashboardHook = {
  get ready() {
    return ready;
  },
  idle: () => loading === 0 && requestsInFlight() === 0,
  charts: chartSnapshots,
  timings,
};
(window as unknown as Record<string, unknown>)[DASHBOARD_HOOK] = hook;

void start();
