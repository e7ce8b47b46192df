// Turns a validated Dataset into node and relationship rows for the writer, checking references.
import { isAllowedRel, REL_TYPES, type Label, type RelType } from '../core/ids.js';
import { recordLabel, type LoadedDataset, type SeedIssue } from './dataset.js';
import type { Evidence } from '../core/evidence.js';
import type { Dataset, ProjectRecord, Source, StatedFigureRecord } from './schema.js';

export type Props = Record<
  string,
  string | number | boolean | null | string[] | number[] | boolean[]
>;

export interface NodeRow {
  readonly key: string;
  readonly props: Props;
}

/** One relationship to write; `merge` distinguishes parallel links of one type between two nodes. */
export interface RelRow {
  readonly type: RelType;
  readonly fromLabel: Label;
  readonly from: string;
  readonly toLabel: Label;
  readonly to: string;
  readonly merge?: string;
  readonly props: Props;
}

export { REL_TYPES, type RelType };

/** Relationship types each label's record owns (outgoing): a reload replaces them. */
export const OWNED: Readonly<Record<Label, readonly RelType[]>> = {
  Document: ['CITED_IN'],
  MemberState: ['CITED_IN'],
  Region: ['CITED_IN'],
  Entity: ['CITED_IN', 'PART_OF'],
  Resolution: ['CITED_IN', 'MANDATES', 'RECALLS'],
  LegalInstrument: ['CITED_IN'],
  ThematicArea: ['CITED_IN'],
  Project: [
    'CITED_IN',
    'IMPLEMENTED_BY',
    'BENEFITS',
    'COVERS',
    'SUPPORTS',
    'ADDRESSES',
    'CONTINUES',
  ],
  Recommendation: ['CITED_IN', 'ISSUED_BY', 'ADDRESSED_TO', 'REFERS_TO', 'ADDRESSES'],
};

export interface Graph {
  readonly nodes: ReadonlyMap<Label, NodeRow[]>;
  readonly rels: readonly RelRow[];
  /** Region keys whose MEMBER_OF links this load owns (incoming). */
  readonly regionKeys: readonly string[];
  /** Recommendation keys whose IMPLEMENTS links this load owns (incoming). */
  readonly recommendationKeys: readonly string[];
  /** Documents whose contributor lists this load carries (their CONTRIBUTES_TO links are replaced). */
  readonly contributionDocuments: readonly string[];
}

/** Keys already in the database, so that an additional file may refer to them. */
export type ExistingKeys = ReadonlyMap<Label, ReadonlySet<string>>;

const KIND_LABEL = {
  documents: 'Document',
  'member-states': 'MemberState',
  regions: 'Region',
  entities: 'Entity',
  resolutions: 'Resolution',
  'legal-instruments': 'LegalInstrument',
  'thematic-areas': 'ThematicArea',
  projects: 'Project',
  recommendations: 'Recommendation',
} as const satisfies Partial<Record<keyof Dataset, Label>>;

const STATUS_ORDER = [
  'unknown',
  'pipeline',
  'planned',
  'approved',
  'ongoing',
  'suspended',
  'completed',
];

function uniq<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function searchText(...parts: (string | null | undefined | readonly string[])[]): string {
  return uniq(parts.flat().filter((p): p is string => typeof p === 'string' && p.length > 0)).join(
    ' | ',
  );
}

/** Where an issue about `record` points: its own file and position there. */
function locate(
  loaded: LoadedDataset,
  record: object,
  key?: string,
): { file: string; record?: string } {
  const at = loaded.origin.get(record);
  // Records built in memory (test fixtures, benchmarks) have no file; their key names them.
  if (at === undefined)
    return { file: '(in-memory dataset)', record: key === undefined ? undefined : `key "${key}"` };
  return { file: at.file, record: recordLabel(record, at.index) };
}

/**
 * Merges the records that project-identities says are one project; the first record's scalars win.
 * `parts` maps each merged project to the records it was made from, in merge order, so that each
 * link is checked, and any problem reported, against the record that states it (a project not
 * merged is its own only part).
 */
export function mergeProjectIdentities(
  loaded: LoadedDataset,
  issues: SeedIssue[],
): {
  projects: ProjectRecord[];
  canonical: Map<string, string>;
  parts: Map<ProjectRecord, readonly ProjectRecord[]>;
} {
  const { data } = loaded;
  const byKey = new Map(data.projects.map((p) => [p.key, p]));
  const absorbed = new Set<string>();
  const merged = new Map<string, ProjectRecord>();
  const partsOf = new Map<ProjectRecord, readonly ProjectRecord[]>();
  // Absorbed key → the key it was merged into, so references to either name resolve.
  const canonical = new Map<string, string>();
  for (const identity of data['project-identities']) {
    const where = locate(loaded, identity, identity.key);
    if (merged.has(identity.key)) {
      issues.push({ ...where, field: 'key', message: `duplicate project identity` });
      continue;
    }
    const parts = [identity.key, ...identity.sameAs]
      .map((k) => byKey.get(k))
      .filter((p) => p !== undefined);
    identity.sameAs.forEach((k, i) => {
      if (!byKey.has(k))
        issues.push({ ...where, field: `sameAs.${i}`, message: `unknown Project "${k}"` });
      if (absorbed.has(k))
        issues.push({ ...where, field: `sameAs.${i}`, message: `Project "${k}" is merged twice` });
      absorbed.add(k);
    });
    const [first, ...rest] = parts;
    if (first === undefined) continue;
    const target: ProjectRecord = { ...first, key: identity.key };
    for (const other of rest) {
      target.aliases = uniq([
        ...target.aliases,
        ...(other.title !== target.title ? [other.title] : []),
        ...other.aliases,
      ]);
      target.codes = uniq([...target.codes, ...other.codes]);
      target.pillars = uniq([...target.pillars, ...other.pillars]);
      target.summary ??= other.summary;
      target.period = mergePeriods(target.period, other.period);
      target.global ||= other.global;
      target.scopeAsWritten ??= other.scopeAsWritten;
      target.statuses = [...target.statuses, ...other.statuses];
      target.budgets = [...target.budgets, ...other.budgets];
      target.implementers = [...target.implementers, ...other.implementers];
      target.beneficiaries = [...target.beneficiaries, ...other.beneficiaries];
      target.regions = [...target.regions, ...other.regions];
      target.resolutions = [...target.resolutions, ...other.resolutions];
      target.themes = [...target.themes, ...other.themes];
      target.continues = [...target.continues, ...other.continues];
      target.sources = [...target.sources, ...other.sources];
      target.note = [target.note, other.note].filter(Boolean).join(' ') || undefined;
    }
    // Every source-scoped key stays findable on the merged node.
    target.codes = uniq([
      ...target.codes,
      ...parts.map((p) => p.key).filter((k) => k !== identity.key),
    ]);
    target.note = [
      target.note,
      `Merged from ${[first.key, ...rest.map((r) => r.key)].join(', ')}: ${identity.basis}`,
    ]
      .filter(Boolean)
      .join(' ');
    merged.set(identity.key, target);
    partsOf.set(target, parts);
    for (const p of parts) {
      absorbed.add(p.key);
      canonical.set(p.key, identity.key);
    }
  }
  const out: ProjectRecord[] = [];
  for (const p of data.projects) {
    if (!absorbed.has(p.key)) out.push(p);
  }
  return { projects: [...out, ...merged.values()], canonical, parts: partsOf };
}

/** A merged project's period: each bound from the first record that gives it. */
function mergePeriods(
  first: ProjectRecord['period'],
  other: ProjectRecord['period'],
): ProjectRecord['period'] {
  if (first === null) return other;
  if (other === null) return first;
  return {
    start: first.start ?? other.start ?? null,
    end: first.end ?? other.end ?? null,
    asWritten: first.asWritten ?? other.asWritten,
  };
}

/** The evidence of a document-derived link: what a document states, unless a curator inferred it. */
function evidenceOf(props: Props): Evidence {
  return props['how'] === 'inferred' || props['basis'] === 'definition' ? 'inferred' : 'documented';
}

const SCOPES = ['global', 'regional', 'national'];
const PILLARS = ['I', 'II', 'III', 'IV'];
/** The label whose keys a stated figure's group must be, per dimension. */
const FIGURE_GROUP_LABEL: Partial<Record<StatedFigureRecord['dimension'], Label>> = {
  ENTITY: 'Entity',
  THEMATIC_AREA: 'ThematicArea',
  REGION: 'Region',
  MEMBER_STATE: 'MemberState',
};

/** Builds the rows to write and checks every reference; pushes issues for anything dangling. */
export function buildGraph(
  loaded: LoadedDataset,
  existing: ExistingKeys,
  issues: SeedIssue[],
): Graph {
  const { data } = loaded;
  const { projects, canonical, parts } = mergeProjectIdentities(loaded, issues);
  // Duplicate keys are looked for among the records as the files give them (merged projects
  // would name no file); what a reference may point to is the merged list.
  const records: Record<Label, { key: string; illustrative?: boolean }[]> = {
    Document: data.documents,
    MemberState: data['member-states'],
    Region: data.regions,
    Entity: data.entities,
    Resolution: data.resolutions,
    LegalInstrument: data['legal-instruments'],
    ThematicArea: data['thematic-areas'],
    Project: data.projects,
    Recommendation: data.recommendations,
  };

  // Duplicate keys across files of one kind.
  const known = new Map<Label, Set<string>>();
  for (const [label, list] of Object.entries(records) as [Label, { key: string }[]][]) {
    const seen = new Set<string>();
    for (const record of list) {
      if (seen.has(record.key)) {
        issues.push({
          ...locate(loaded, record, record.key),
          field: 'key',
          message: `duplicate ${label} key`,
        });
      }
      seen.add(record.key);
    }
    const keys = label === 'Project' ? projects.map((p) => p.key) : seen;
    known.set(label, new Set([...keys, ...(existing.get(label) ?? [])]));
  }

  const rels: RelRow[] = [];
  // The record whose links are being checked: every issue names it.
  let current: { file: string; record?: string } = { file: '' };
  // Every link an illustrative record states is illustrative, whatever the link says.
  let currentIllustrative = false;
  const check = (label: Label, key: string, field: string): boolean => {
    if (known.get(label)?.has(key)) return true;
    issues.push({ ...current, field, message: `unknown ${label} "${key}"` });
    return false;
  };
  const link = (
    type: RelType,
    fromLabel: Label,
    from: string,
    toLabel: Label,
    to: string,
    field: string,
    source: Source | undefined,
    props: Props = {},
    merge?: string,
  ) => {
    if (!check(toLabel, to, field)) return;
    // `implementers.0.entity` → `implementers.0.source.document`. A top-level link (parent,
    // issuer) borrows the record's first source, which `cite` checks already.
    const dot = field.lastIndexOf('.');
    if (source !== undefined && dot > 0)
      check('Document', source.document, `${field.slice(0, dot)}.source.document`);
    rels.push({
      type,
      fromLabel,
      from,
      toLabel,
      to,
      merge,
      props: {
        ...props,
        ...(currentIllustrative ? { illustrative: true } : {}),
        evidence: evidenceOf(props),
        sourceDocuments: source ? [source.document] : [],
        sourceParagraphs: source ? [source.paragraph] : [],
      },
    });
  };
  const cite = (label: Label, key: string, sources: readonly Source[]) => {
    sources.forEach((s, i) =>
      link(
        'CITED_IN',
        label,
        key,
        'Document',
        s.document,
        `sources.${i}.document`,
        undefined,
        { paragraph: s.paragraph },
        s.paragraph,
      ),
    );
  };
  // A fact's own source (a status, a budget, a spelling as printed) must cite a known document.
  const checkSources = (facts: readonly { readonly source: Source }[], field: string) =>
    facts.forEach((x, i) => check('Document', x.source.document, `${field}.${i}.source.document`));
  const at = (record: object, key?: string) => {
    current = locate(loaded, record, key);
    currentIllustrative = 'illustrative' in record && record.illustrative === true;
  };

  const nodes = new Map<Label, NodeRow[]>();
  const put = (label: Label, key: string, props: Props) => {
    const list = nodes.get(label) ?? [];
    list.push({ key, props: { key, ...props } });
    nodes.set(label, list);
  };

  for (const d of data.documents) {
    at(d, d.key);
    const rec = data.reconciliation.filter((r) => r.document === d.key);
    put('Document', d.key, {
      title: d.title,
      symbol: d.symbol,
      symbolPrinted: d.symbolPrinted,
      date: d.date,
      dateNote: d.dateNote ?? null,
      language: d.language,
      publisher: d.publisher ?? null,
      role: d.role,
      illustrative: d.illustrative,
      note: d.note ?? null,
      reconciliationScopes: rec.map((r) => r.scope),
      reconciliationStated: rec.map((r) => (r.stated === null ? '' : String(r.stated))),
      reconciliationParsed: rec.map((r) => (r.parsed === null ? '' : String(r.parsed))),
      reconciliationNotes: rec.map((r) => r.note ?? ''),
      ...statedFigureProps(data['stated-figures'].filter((f) => f.document === d.key)),
      searchText: searchText(d.key, d.symbol, d.title, d.publisher),
    });
    cite('Document', d.key, d.sources);
  }
  for (const r of data.reconciliation) {
    at(r);
    check('Document', r.document, 'document');
  }
  for (const identity of data['project-identities']) {
    at(identity, identity.key);
    if (identity.source !== undefined)
      check('Document', identity.source.document, 'source.document');
  }
  const figureKeys = new Set<string>();
  for (const f of data['stated-figures']) {
    at(f, f.key);
    if (figureKeys.has(f.key)) issues.push({ ...current, field: 'key', message: 'duplicate key' });
    figureKeys.add(f.key);
    check('Document', f.document, 'document');
    const label = FIGURE_GROUP_LABEL[f.dimension];
    if (f.dimension === 'TOTAL') {
      if (f.group !== null)
        issues.push({ ...current, field: 'group', message: 'must be null for TOTAL' });
    } else if (f.group === null) {
      issues.push({ ...current, field: 'group', message: `required for ${f.dimension}` });
    } else if (label !== undefined) {
      check(label, f.group, 'group');
    } else {
      const allowed = f.dimension === 'PILLAR' ? PILLARS : SCOPES;
      if (!allowed.includes(f.group))
        issues.push({
          ...current,
          field: 'group',
          message: `"${f.group}" is not one of ${allowed.join(', ')} (${f.dimension})`,
        });
    }
  }
  for (const s of data['member-states']) {
    at(s, s.key);
    put('MemberState', s.key, {
      name: s.name,
      nameZh: s.nameZh ?? null,
      aliases: s.aliases,
      observer: s.observer,
      illustrative: s.illustrative,
      note: s.note ?? null,
      searchText: searchText(s.key, s.name, s.aliases),
    });
    cite('MemberState', s.key, s.sources);
  }
  for (const r of data.regions) {
    at(r, r.key);
    put('Region', r.key, {
      name: r.name,
      nameZh: r.nameZh ?? null,
      aliases: r.aliases,
      kind: r.kind,
      illustrative: r.illustrative,
      note: r.note ?? null,
      searchText: searchText(r.name, r.aliases),
    });
    cite('Region', r.key, r.sources);
    r.members.forEach((m, i) => {
      if (!check('MemberState', m.state, `members.${i}.state`)) return;
      link('MEMBER_OF', 'MemberState', m.state, 'Region', r.key, `members.${i}.state`, m.source, {
        basis: m.basis,
      });
    });
  }
  for (const e of data.entities) {
    at(e, e.key);
    put('Entity', e.key, {
      name: e.name,
      nameZh: e.nameZh ?? null,
      aliases: e.aliases,
      kind: e.kind,
      compactMember: e.compactMember,
      compactSourceDocument: e.compactSource?.document ?? null,
      compactSourceParagraph: e.compactSource?.paragraph ?? null,
      illustrative: e.illustrative,
      note: e.note ?? null,
      searchText: searchText(e.key, e.name, e.aliases),
    });
    cite('Entity', e.key, e.sources);
    if (e.compactSource !== undefined)
      check('Document', e.compactSource.document, 'compactSource.document');
    if (e.parent !== undefined)
      link('PART_OF', 'Entity', e.key, 'Entity', e.parent, 'parent', e.sources[0]);
  }
  for (const r of data.resolutions) {
    at(r, r.key);
    put('Resolution', r.key, {
      kind: r.kind,
      body: r.body,
      number: r.number,
      year: r.year,
      topic: r.topic,
      asWritten: r.asWritten.map((a) => a.text),
      asWrittenDocuments: r.asWritten.map((a) => a.source.document),
      asWrittenParagraphs: r.asWritten.map((a) => a.source.paragraph),
      correction: r.correction ?? null,
      illustrative: r.illustrative,
      note: r.note ?? null,
      searchText: searchText(
        r.key,
        r.number,
        r.topic,
        r.asWritten.map((a) => a.text),
      ),
    });
    cite('Resolution', r.key, r.sources);
    checkSources(r.asWritten, 'asWritten');
    r.mandates.forEach((m, i) =>
      link('MANDATES', 'Resolution', r.key, 'Entity', m.entity, `mandates.${i}.entity`, m.source),
    );
    r.recalls.forEach((m, i) =>
      link(
        'RECALLS',
        'Resolution',
        r.key,
        'Resolution',
        m.resolution,
        `recalls.${i}.resolution`,
        m.source,
      ),
    );
  }
  for (const l of data['legal-instruments']) {
    at(l, l.key);
    put('LegalInstrument', l.key, {
      name: l.name,
      shortName: l.shortName ?? null,
      year: l.year,
      illustrative: l.illustrative,
      note: l.note ?? null,
      searchText: searchText(l.name, l.shortName),
    });
    cite('LegalInstrument', l.key, l.sources);
  }
  for (const t of data['thematic-areas']) {
    at(t, t.key);
    put('ThematicArea', t.key, {
      name: t.name,
      nameZh: t.nameZh ?? null,
      description: t.description,
      workingGroup: t.workingGroup ?? null,
      illustrative: t.illustrative,
      note: t.note ?? null,
      searchText: searchText(t.key, t.name, t.workingGroup),
    });
    cite('ThematicArea', t.key, t.sources);
  }
  for (const p of projects) {
    const latest = [...p.statuses].sort(
      (a, b) =>
        (b.asOf ?? '').localeCompare(a.asOf ?? '') ||
        STATUS_ORDER.indexOf(b.status) - STATUS_ORDER.indexOf(a.status),
    )[0];
    put('Project', p.key, {
      title: p.title,
      aliases: p.aliases,
      codes: p.codes,
      pillars: uniq(p.pillars),
      summary: p.summary ?? null,
      startYear: p.period?.start ?? null,
      endYear: p.period?.end ?? null,
      periodAsWritten: p.period?.asWritten ?? null,
      status: latest?.status ?? 'unknown',
      statusValues: p.statuses.map((s) => s.status),
      statusAsWritten: p.statuses.map((s) => s.asWritten ?? ''),
      statusAsOf: p.statuses.map((s) => s.asOf ?? ''),
      statusDocuments: p.statuses.map((s) => s.source.document),
      statusParagraphs: p.statuses.map((s) => s.source.paragraph),
      budgetAmounts: p.budgets.map((b) => b.amount),
      budgetCurrencies: p.budgets.map((b) => b.currency),
      budgetKinds: p.budgets.map((b) => b.kind ?? ''),
      budgetYears: p.budgets.map((b) => b.year ?? 0),
      budgetDocuments: p.budgets.map((b) => b.source.document),
      budgetParagraphs: p.budgets.map((b) => b.source.paragraph),
      global: p.global,
      scopeAsWritten: p.scopeAsWritten ?? null,
      illustrative: p.illustrative,
      note: p.note ?? null,
      searchText: searchText(p.key, p.title, p.aliases, p.codes, p.summary),
    });
    // A merged project's links come from the records it was merged from, each checked as its
    // own file states it (record and field index), then written from the merged key.
    for (const part of parts.get(p) ?? [p]) {
      at(part, part.key);
      cite('Project', p.key, part.sources);
      checkSources(part.statuses, 'statuses');
      checkSources(part.budgets, 'budgets');
      part.implementers.forEach((x, i) =>
        link(
          'IMPLEMENTED_BY',
          'Project',
          p.key,
          'Entity',
          x.entity,
          `implementers.${i}.entity`,
          x.source,
          { role: x.role },
          x.role,
        ),
      );
      part.beneficiaries.forEach((x, i) =>
        link(
          'BENEFITS',
          'Project',
          p.key,
          'MemberState',
          x.state,
          `beneficiaries.${i}.state`,
          x.source,
        ),
      );
      part.regions.forEach((x, i) =>
        link('COVERS', 'Project', p.key, 'Region', x.region, `regions.${i}.region`, x.source),
      );
      part.resolutions.forEach((x, i) =>
        link(
          'SUPPORTS',
          'Project',
          p.key,
          'Resolution',
          x.resolution,
          `resolutions.${i}.resolution`,
          x.source,
          { how: x.how ?? null },
        ),
      );
      part.continues.forEach((x, i) =>
        link(
          'CONTINUES',
          'Project',
          p.key,
          'Project',
          canonical.get(x.project) ?? x.project,
          `continues.${i}.project`,
          x.source,
        ),
      );
      part.themes.forEach((x, i) =>
        link(
          'ADDRESSES',
          'Project',
          p.key,
          'ThematicArea',
          x.theme,
          `themes.${i}.theme`,
          x.source,
          {
            how: x.how,
            rule: x.rule ?? null,
          },
        ),
      );
    }
  }
  for (const r of data.recommendations) {
    at(r, r.key);
    put('Recommendation', r.key, {
      title: r.title,
      summary: r.summary,
      audience: r.audience,
      pillars: uniq(r.pillars),
      paragraph: r.paragraph,
      heading: r.heading ?? null,
      document: r.sources[0]?.document ?? null,
      responseKind: r.response?.kind ?? null,
      responseReason: r.response?.reason ?? null,
      responseSummaries: r.responses.map((x) => x.summary),
      responseDocuments: r.responses.map((x) => x.source.document),
      responseParagraphs: r.responses.map((x) => x.source.paragraph),
      illustrative: r.illustrative,
      note: r.note ?? null,
      searchText: searchText(r.key, r.title, r.summary, r.heading),
    });
    cite('Recommendation', r.key, r.sources);
    checkSources(r.responses, 'responses');
    link('ISSUED_BY', 'Recommendation', r.key, 'Entity', r.issuer, 'issuer', r.sources[0]);
    r.addressedTo.forEach((a, i) =>
      'entity' in a
        ? link(
            'ADDRESSED_TO',
            'Recommendation',
            r.key,
            'Entity',
            a.entity,
            `addressedTo.${i}.entity`,
            a.source,
          )
        : link(
            'ADDRESSED_TO',
            'Recommendation',
            r.key,
            'MemberState',
            a.state,
            `addressedTo.${i}.state`,
            a.source,
          ),
    );
    r.refersTo.forEach((a, i) =>
      'resolution' in a
        ? link(
            'REFERS_TO',
            'Recommendation',
            r.key,
            'Resolution',
            a.resolution,
            `refersTo.${i}.resolution`,
            a.source,
          )
        : link(
            'REFERS_TO',
            'Recommendation',
            r.key,
            'LegalInstrument',
            a.instrument,
            `refersTo.${i}.instrument`,
            a.source,
          ),
    );
    r.themes.forEach((x, i) =>
      link(
        'ADDRESSES',
        'Recommendation',
        r.key,
        'ThematicArea',
        x.theme,
        `themes.${i}.theme`,
        x.source,
        { how: x.how, rule: x.rule ?? null },
      ),
    );
    r.implementedBy.forEach((x, i) => {
      const project = canonical.get(x.project) ?? x.project;
      if (!check('Project', project, `implementedBy.${i}.project`)) return;
      check('Document', x.source.document, `implementedBy.${i}.source.document`);
      // The Recommendation record owns this link, though it points from the Project.
      rels.push({
        type: 'IMPLEMENTS',
        fromLabel: 'Project',
        from: project,
        toLabel: 'Recommendation',
        to: r.key,
        props: {
          illustrative: x.illustrative || r.illustrative,
          how: x.how,
          rule: x.rule ?? null,
          evidence: evidenceOf({ how: x.how }),
          sourceDocuments: [x.source.document],
          sourceParagraphs: [x.source.paragraph],
        },
      });
    });
  }
  for (const c of data.contributions) {
    at(c);
    const [fromLabel, from] =
      c.state !== undefined
        ? (['MemberState', c.state] as const)
        : (['Entity', c.contributorEntity ?? ''] as const);
    if (!check(fromLabel, from, c.state !== undefined ? 'state' : 'contributorEntity')) continue;
    if (!check('Entity', c.entity, 'entity')) continue;
    check('Document', c.source.document, 'source.document');
    rels.push({
      type: 'CONTRIBUTES_TO',
      fromLabel,
      from,
      toLabel: 'Entity',
      to: c.entity,
      merge: c.source.document,
      props: {
        rank: c.rank,
        listDate: c.listDate,
        amount: c.amount,
        currency: c.currency,
        period: c.period ?? null,
        fund: c.fund ?? null,
        note: c.note ?? null,
        document: c.source.document,
        sourceDocuments: [c.source.document],
        sourceParagraphs: [c.source.paragraph],
      },
    });
  }

  // The explorer reads a node's links by the types REL_ENDPOINTS gives its label: a link outside
  // them would be in the graph and never shown. Only a change to this file can make one.
  for (const r of rels)
    if (!isAllowedRel(r.type, r.fromLabel, r.toLabel))
      throw new Error(`${r.type} from ${r.fromLabel} to ${r.toLabel} is not in REL_ENDPOINTS`);

  return {
    nodes,
    rels: dedupeRels(rels),
    regionKeys: data.regions.map((r) => r.key),
    recommendationKeys: data.recommendations.map((r) => r.key),
    contributionDocuments: uniq(data.contributions.map((c) => c.source.document)),
  };
}

/** One relationship per (type, ends, merge value); sources of repeated links are combined. */
function dedupeRels(rels: readonly RelRow[]): RelRow[] {
  const byId = new Map<string, RelRow>();
  for (const rel of rels) {
    const id = [rel.type, rel.fromLabel, rel.from, rel.toLabel, rel.to, rel.merge ?? ''].join(
      '\u0000',
    );
    const seen = byId.get(id);
    if (seen === undefined) {
      byId.set(id, rel);
      continue;
    }
    const docs = [...(seen.props['sourceDocuments'] as string[])];
    const paras = [...(seen.props['sourceParagraphs'] as string[])];
    const newDocs = rel.props['sourceDocuments'] as string[];
    const newParas = rel.props['sourceParagraphs'] as string[];
    newDocs.forEach((d, i) => {
      const p = newParas[i] ?? '';
      if (!docs.some((x, j) => x === d && paras[j] === p)) {
        docs.push(d);
        paras.push(p);
      }
    });
    const illustrative = seen.props['illustrative'];
    // A link one record states and another only infers is documented.
    const documented = [seen, rel].some((r) => r.props['evidence'] === 'documented');
    byId.set(id, {
      ...seen,
      props: {
        ...rel.props,
        ...seen.props,
        // A link stated by any document is real even if another record only inferred it.
        ...(typeof illustrative === 'boolean'
          ? { illustrative: illustrative && rel.props['illustrative'] === true }
          : {}),
        ...(documented ? { evidence: 'documented' } : {}),
        sourceDocuments: docs,
        sourceParagraphs: paras,
      },
    });
  }
  return [...byId.values()];
}

/** A document's stated figures as parallel lists on its node (`coverage` reads them). */
function statedFigureProps(figures: readonly StatedFigureRecord[]): Props {
  return {
    statedKeys: figures.map((f) => f.key),
    statedParagraphs: figures.map((f) => f.paragraph),
    statedMeasures: figures.map((f) => f.measure),
    statedDimensions: figures.map((f) => f.dimension),
    statedGroups: figures.map((f) => f.group ?? ''),
    statedValues: figures.map((f) => f.value),
    statedUnits: figures.map((f) => f.unit),
    statedAsWritten: figures.map((f) => f.asWritten),
    statedAsOf: figures.map((f) => f.asOf ?? ''),
    statedCountedIn: figures.map((f) => f.countedIn ?? ''),
    statedNotes: figures.map((f) => f.note ?? ''),
  };
}

export { KIND_LABEL };
