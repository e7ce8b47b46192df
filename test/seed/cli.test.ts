// Runs the seed commands as a user does (`npm run seed`, `npm run seed:validate`) against the
// test database, and checks their exit codes, what they print and what they leave in the graph.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DATA_DIR } from '../../seed/load.js';
import { isLabel } from '../../src/core/ids.js';
import { cypher } from '../../src/db/cypher.js';
import { graphSnapshot, resetGraph, testDb } from '../support/neo4j.js';
import { npmRun } from '../support/npm-run.js';

const inferredLinks = cypher<Record<string, never>, number>('testInferredLinks')`
  MATCH ()-[i:IMPLEMENTS]->() WHERE i.rulesVersion IS NOT NULL RETURN count(i) AS row`;

/** The `name  count` lines of the section of `npm run seed`'s summary that follows `heading`. */
function printedSection(stdout: string, heading: string): Record<string, number> {
  const lines = stdout.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `"${heading}" in the output`).toBeGreaterThanOrEqual(0);
  const counts: Record<string, number> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\S+)\s+(\d+)$/.exec(line);
    if (match === null) break;
    counts[match[1]!] = Number(match[2]);
  }
  return counts;
}

/** Counts per label and per relationship type, and illustrative counts, read off a snapshot. */
function countsOf(lines: readonly string[]) {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  let illustrativeNodes = 0;
  let illustrativeRels = 0;
  for (const line of lines) {
    const name = line.slice(0, line.indexOf(' '));
    const illustrative = line.includes('["illustrative",true]');
    if (isLabel(name)) {
      labels[name] = (labels[name] ?? 0) + 1;
      if (illustrative) illustrativeNodes += 1;
    } else {
      types[name] = (types[name] ?? 0) + 1;
      if (illustrative) illustrativeRels += 1;
    }
  }
  return { labels, types, illustrativeNodes, illustrativeRels };
}

/** A copy of seed/data in `dir`, with one record of `file` changed by `edit`. */
async function brokenCopy(
  dir: string,
  file: string,
  edit: (records: Record<string, unknown>[]) => void,
): Promise<string> {
  await cp(SEED_DATA_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const records = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>[];
  edit(records);
  await writeFile(path, JSON.stringify(records, null, 2));
  return path;
}

describe('the seed commands', () => {
  const db = testDb();
  let work: string;
  let loaded: Awaited<ReturnType<typeof graphSnapshot>>;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ctkg-seed-cli-'));
    await resetGraph(db);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('npm run seed loads an empty database, exits 0 and prints the counts of the graph', async () => {
    const run = await npmRun('seed');
    expect(run.stderr).not.toMatch(/rejected|error/i);
    expect(run.code).toBe(0);
    const files = (await readdir(SEED_DATA_DIR)).filter((n) => n.endsWith('.json'));
    expect(run.stdout).toContain(`Loaded ${files.length} files.`);
    loaded = await graphSnapshot(db);
    const counts = countsOf(loaded.lines);
    expect(loaded.nodes).toBeGreaterThan(900);
    expect(printedSection(run.stdout, 'Nodes:')).toEqual(counts.labels);
    expect(printedSection(run.stdout, 'Relationships:')).toEqual(counts.types);
    expect(run.stdout).toContain(
      `Illustrative: ${counts.illustrativeNodes} nodes, ${counts.illustrativeRels} relationships`,
    );
    expect(counts.illustrativeNodes).toBeGreaterThan(0);
  });

  it('npm run seed on the loaded database exits 0 and leaves the graph identical', async () => {
    const run = await npmRun('seed');
    expect(run.stderr).not.toMatch(/rejected|error/i);
    expect(run.code).toBe(0);
    expect(printedSection(run.stdout, 'Nodes:')).toEqual(countsOf(loaded.lines).labels);
    const after = await graphSnapshot(db);
    expect(after.nodes).toBe(loaded.nodes);
    expect(after.rels).toBe(loaded.rels);
    expect(after.lines).toEqual(loaded.lines);
  });

  it('npm run seed -- --replace exits 0 and replaces what an additional load added', async () => {
    const extra = join(work, 'extra');
    await mkdir(extra, { recursive: true });
    await writeFile(
      join(extra, 'projects-cli-extra.json'),
      JSON.stringify([
        {
          key: 'CLI-EXTRA-1',
          title: 'A project sent on its own through the light-touch mechanism',
          implementers: [
            { entity: 'UNODC', role: 'lead', source: { document: 'A/73/866', paragraph: '59' } },
          ],
          sources: [{ document: 'A/73/866', paragraph: '59' }],
        },
      ]),
    );
    const additional = await npmRun('seed', [extra]);
    expect(additional.code).toBe(0);
    expect(additional.stdout).toContain('Loaded 1 files.');
    const added = await graphSnapshot(db);
    expect(added.nodes).toBe(loaded.nodes + 1);
    expect(printedSection(additional.stdout, 'Nodes:')['Project']).toBe(
      countsOf(added.lines).labels['Project'],
    );

    const run = await npmRun('seed', ['--replace']);
    expect(run.stderr).not.toMatch(/rejected|error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(replacing the graph)');
    const after = await graphSnapshot(db);
    expect(after.lines).toEqual(loaded.lines);
    expect(printedSection(run.stdout, 'Nodes:')).toEqual(countsOf(after.lines).labels);
    expect(printedSection(run.stdout, 'Relationships:')).toEqual(countsOf(after.lines).types);
  });

  it('npm run seed:validate exits 0 on the repository data, with the counts it loads', async () => {
    const run = await npmRun('seed:validate');
    expect(run.code).toBe(0);
    const summary = /OK: (\d+) files; (.*); (\d+) relationships/.exec(run.stdout);
    expect(summary, run.stdout).not.toBeNull();
    const nodes = Object.fromEntries(
      summary![2]!.split(', ').map((part) => {
        const [label, n] = part.split(' ');
        return [label, Number(n)];
      }),
    );
    const counts = countsOf(loaded.lines);
    expect(nodes).toEqual(counts.labels);
    // The files state every relationship but the ones ctkg's inference adds on load.
    const inferred = await db.read(inferredLinks, {});
    expect(Number(summary![3])).toBe(loaded.rels - (inferred[0] ?? 0));
  });

  it('rejects an invalid record: both commands exit non-zero naming file, record and field', async () => {
    const before = await graphSnapshot(db);
    let key = '';
    const dir = join(work, 'invalid');
    const file = await brokenCopy(dir, 'projects-uncct-2018.json', (records) => {
      key = records[1]!['key'] as string;
      records[1]!['pillars'] = ['V'];
    });
    const expected = `${file} record #2 (key "${key}") field "pillars.0"`;

    for (const args of [[dir], ['--replace', dir]]) {
      const run = await npmRun('seed', args);
      expect(run.code, run.stderr).not.toBe(0);
      expect(run.stderr).toContain(expected);
      expect(run.stderr).toContain('nothing was written');
      expect(run.stdout).not.toContain('Loaded');
      expect((await graphSnapshot(db)).lines).toEqual(before.lines);
    }

    const validate = await npmRun('seed:validate', [dir]);
    expect(validate.code).not.toBe(0);
    expect(validate.stderr).toContain(expected);
    expect(validate.stdout).not.toContain('OK:');
  });

  it('names the file, record and field of a dangling reference in a merged project', async () => {
    // A project that project-identities merges into a project of another file: its error must
    // still name its own file and record, with the field index as that file has it.
    const identities = JSON.parse(
      await readFile(join(SEED_DATA_DIR, 'project-identities.json'), 'utf8'),
    ) as { key: string; sameAs: string[] }[];
    const absorbed = identities[0]!.sameAs[0]!;
    let target: { file: string; index: number; implementers: number } | undefined;
    for (const name of await readdir(SEED_DATA_DIR)) {
      if (!name.startsWith('projects-')) continue;
      const records = JSON.parse(await readFile(join(SEED_DATA_DIR, name), 'utf8')) as {
        key: string;
        implementers?: unknown[];
      }[];
      const index = records.findIndex((r) => r.key === absorbed);
      if (index >= 0)
        target = { file: name, index, implementers: records[index]!.implementers?.length ?? 0 };
    }
    expect(target, `the file holding ${absorbed}`).toBeDefined();
    const dir = join(work, 'dangling');
    const file = await brokenCopy(dir, target!.file, (records) => {
      const record = records[target!.index]! as { implementers?: unknown[] };
      record.implementers = [
        ...(record.implementers ?? []),
        {
          entity: 'NO-SUCH-ENTITY',
          role: 'partner',
          source: { document: 'A/72/840', paragraph: '1' },
        },
      ];
    });
    const expected =
      `${file} record #${target!.index + 1} (key "${absorbed}") ` +
      `field "implementers.${target!.implementers}.entity": unknown Entity "NO-SUCH-ENTITY"`;
    const before = await graphSnapshot(db);

    const seed = await npmRun('seed', [dir]);
    expect(seed.code, seed.stderr).not.toBe(0);
    expect(seed.stderr).toContain(expected);
    expect(seed.stderr).toContain('(1 problem)');
    expect((await graphSnapshot(db)).lines).toEqual(before.lines);

    const validate = await npmRun('seed:validate', [dir]);
    expect(validate.code).not.toBe(0);
    expect(validate.stderr).toContain(expected);
  });

  it('npm run seed rejects an unknown option without touching the graph', async () => {
    const before = await graphSnapshot(db);
    const run = await npmRun('seed', ['--replcae']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Unknown option --replcae');
    expect((await graphSnapshot(db)).lines).toEqual(before.lines);
  });
});
