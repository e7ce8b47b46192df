import { describe, expect, it } from 'vitest';
import { emptyDataset, type LoadedDataset, type RecordOrigin, type SeedIssue } from './dataset.js';
import { buildGraph } from './graph.js';
import {
  ContributionRecord,
  DocumentRecord,
  EntityRecord,
  ProjectIdentityRecord,
  ProjectRecord,
} from './schema.js';

const source = { document: 'DOC', paragraph: '1' };

/** A small dataset read from three files; `b.json` holds a project merged into one of `a.json`. */
function dataset() {
  const document = DocumentRecord.parse({
    key: 'DOC',
    title: 'A document',
    symbol: null,
    symbolPrinted: false,
    date: null,
    language: 'en',
    role: 'source',
    sources: [],
  });
  const entity = EntityRecord.parse({ key: 'E', name: 'E', kind: 'other', sources: [source] });
  const first = ProjectRecord.parse({
    key: 'P-1',
    title: 'One',
    implementers: [{ entity: 'E', role: 'lead', source }],
    sources: [source],
  });
  const second = ProjectRecord.parse({
    key: 'P-2',
    title: 'Two',
    implementers: [{ entity: 'E', role: 'partner', source }],
    sources: [source],
  });
  const identity = ProjectIdentityRecord.parse({ key: 'P-1', sameAs: ['P-2'], basis: 'same' });
  const contribution = ContributionRecord.parse({
    contributorEntity: 'E',
    entity: 'E',
    rank: 1,
    source,
  });
  const data = {
    ...emptyDataset(),
    documents: [document],
    entities: [entity],
    projects: [first, second],
    'project-identities': [identity],
    contributions: [contribution],
  };
  const origin = new Map<object, RecordOrigin>([
    [document, { file: 'documents.json', index: 0 }],
    [entity, { file: 'entities.json', index: 0 }],
    [first, { file: 'projects-a.json', index: 0 }],
    [second, { file: 'projects-b.json', index: 4 }],
    [identity, { file: 'project-identities.json', index: 2 }],
    [contribution, { file: 'contributions.json', index: 7 }],
  ]);
  const loaded: LoadedDataset = {
    data,
    origin,
    files: [...new Set(origin.values())].map((o) => o.file),
  };
  return { loaded, first, second, identity, contribution };
}

function issuesOf(loaded: LoadedDataset): SeedIssue[] {
  const issues: SeedIssue[] = [];
  buildGraph(loaded, new Map(), issues);
  return issues;
}

describe('buildGraph', () => {
  it('builds the merged project with the links of every record it was merged from', () => {
    const { loaded } = dataset();
    const issues: SeedIssue[] = [];
    const graph = buildGraph(loaded, new Map(), issues);
    expect(issues).toEqual([]);
    expect(graph.nodes.get('Project')?.map((n) => n.key)).toEqual(['P-1']);
    expect(
      graph.rels.filter((r) => r.type === 'IMPLEMENTED_BY').map((r) => [r.from, r.to, r.merge]),
    ).toEqual([
      ['P-1', 'E', 'lead'],
      ['P-1', 'E', 'partner'],
    ]);
  });

  it('names the file, record and field index of a dangling reference in a merged record', () => {
    const { loaded, second } = dataset();
    second.implementers.push({ entity: 'NO-SUCH-ENTITY', role: 'funder', source });
    expect(issuesOf(loaded)).toEqual([
      {
        file: 'projects-b.json',
        record: 'record #5 (key "P-2")',
        field: 'implementers.1.entity',
        message: 'unknown Entity "NO-SUCH-ENTITY"',
      },
    ]);
  });

  it("names a link's own source field when its document is unknown", () => {
    const { loaded, first } = dataset();
    first.implementers.push({
      entity: 'E',
      role: 'funder',
      source: { ...source, document: 'NOPE' },
    });
    expect(issuesOf(loaded)).toEqual([
      expect.objectContaining({
        file: 'projects-a.json',
        record: 'record #1 (key "P-1")',
        field: 'implementers.1.source.document',
      }),
    ]);
  });

  it('checks the document cited by every fact, not only by links', () => {
    const { loaded, first, second, identity } = dataset();
    const nope = { ...source, document: 'NOPE' };
    second.statuses.push({ status: 'ongoing', source: nope });
    first.budgets.push({ amount: 10, currency: 'USD', source: nope });
    (loaded.data.entities[0] as { compactSource?: typeof source }).compactSource = nope;
    (identity as { source?: typeof source }).source = nope;
    const unknown = (file: string, record: string, field: string) => ({
      file,
      record,
      field,
      message: 'unknown Document "NOPE"',
    });
    expect(issuesOf(loaded)).toEqual([
      unknown('project-identities.json', 'record #3 (key "P-1")', 'source.document'),
      unknown('entities.json', 'record #1 (key "E")', 'compactSource.document'),
      unknown('projects-a.json', 'record #1 (key "P-1")', 'budgets.0.source.document'),
      unknown('projects-b.json', 'record #5 (key "P-2")', 'statuses.0.source.document'),
    ]);
  });

  it('names records without a key by their position (contributions, identities)', () => {
    const { loaded, contribution, identity } = dataset();
    contribution.entity = 'NOPE';
    identity.sameAs.push('P-404');
    expect(issuesOf(loaded)).toEqual([
      {
        file: 'project-identities.json',
        record: 'record #3 (key "P-1")',
        field: 'sameAs.1',
        message: 'unknown Project "P-404"',
      },
      {
        file: 'contributions.json',
        record: 'record #8',
        field: 'entity',
        message: 'unknown Entity "NOPE"',
      },
    ]);
  });

  it('names the second record of a duplicate key, in its own file', () => {
    const { loaded, first } = dataset();
    const copy = { ...first };
    (loaded.data.projects as object[]).push(copy);
    (loaded.origin as Map<object, RecordOrigin>).set(copy, { file: 'projects-c.json', index: 0 });
    expect(issuesOf(loaded)).toContainEqual({
      file: 'projects-c.json',
      record: 'record #1 (key "P-1")',
      field: 'key',
      message: 'duplicate Project key',
    });
  });
});
