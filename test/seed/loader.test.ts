import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed, SEED_DATA_DIR, SeedValidationError } from '../../seed/load.js';
import { cypher } from '../../src/db/cypher.js';
import { testDatabaseEnv } from '../support/npm-run.js';
import { graphSnapshot, resetGraph, testDb } from '../support/neo4j.js';

const runningSeedTx = cypher<Record<string, never>, string>('testRunningSeedTx')`
  SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.query = 'transaction' RETURN transactionId AS row`;

describe('seed loader', () => {
  const db = testDb();
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ctkg-seed-'));
    await resetGraph(db);
    await loadSeed(db);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('gives an identical graph when the same files load twice', async () => {
    const before = await graphSnapshot(db);
    await loadSeed(db);
    const after = await graphSnapshot(db);
    expect(after.nodes).toBe(before.nodes);
    expect(after.rels).toBe(before.rels);
    expect(after.lines).toEqual(before.lines);
  });

  it('rejects a broken record naming file, record and field, and leaves the graph unchanged', async () => {
    const before = await graphSnapshot(db);
    const dir = join(work, 'broken');
    await cp(SEED_DATA_DIR, dir, { recursive: true });
    const file = join(dir, 'projects-uncct-2018.json');
    const records = JSON.parse(await readFile(file, 'utf8')) as {
      key: string;
      pillars: string[];
    }[];
    records[1]!.pillars = ['V'];
    await writeFile(file, JSON.stringify(records));
    const error = await loadSeed(db, [dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const issue = (error as SeedValidationError).issues[0];
    expect(issue).toMatchObject({
      file,
      record: `record #2 (key "${records[1]!.key}")`,
      field: 'pillars.0',
    });
    expect((error as Error).message).toContain('nothing was written');
    expect((await graphSnapshot(db)).lines).toEqual(before.lines);
  });

  it('rejects a dangling reference before writing anything', async () => {
    const before = await graphSnapshot(db);
    const dir = join(work, 'dangling');
    await cp(SEED_DATA_DIR, dir, { recursive: true });
    await writeFile(
      join(dir, 'projects-extra.json'),
      JSON.stringify([
        {
          key: 'TEST-NEW-1',
          title: 'A project of an unknown entity',
          implementers: [
            {
              entity: 'NO-SUCH-ENTITY',
              role: 'lead',
              source: { document: 'A/74/677', paragraph: '1' },
            },
          ],
          sources: [{ document: 'A/74/677', paragraph: '1' }],
        },
      ]),
    );
    const error = (await loadSeed(db, [dir]).catch((e: unknown) => e)) as SeedValidationError;
    expect(error).toBeInstanceOf(SeedValidationError);
    expect(error.issues).toEqual([
      {
        file: join(dir, 'projects-extra.json'),
        record: 'record #1 (key "TEST-NEW-1")',
        field: 'implementers.0.entity',
        message: 'unknown Entity "NO-SUCH-ENTITY"',
      },
    ]);
    expect((await graphSnapshot(db)).lines).toEqual(before.lines);
  });

  it('names its own file and record for a dangling reference in a project merged into another', async () => {
    const before = await graphSnapshot(db);
    const dir = join(work, 'dangling-merged');
    await cp(SEED_DATA_DIR, dir, { recursive: true });
    // UNCCT-2017-74 (projects-uncct-2018.json) absorbs A72840-MX-III-005 of the matrix file.
    const identities = JSON.parse(await readFile(join(dir, 'project-identities.json'), 'utf8')) as {
      key: string;
      sameAs: string[];
    }[];
    expect(identities).toContainEqual(
      expect.objectContaining({ key: 'UNCCT-2017-74', sameAs: ['A72840-MX-III-005'] }),
    );
    const file = join(dir, 'projects-a72840-matrix.json');
    const records = JSON.parse(await readFile(file, 'utf8')) as {
      key: string;
      implementers: unknown[];
    }[];
    const index = records.findIndex((r) => r.key === 'A72840-MX-III-005');
    const record = records[index]!;
    const position = record.implementers.length;
    record.implementers.push({
      entity: 'NO-SUCH-ENTITY',
      role: 'partner',
      source: { document: 'A/72/840', paragraph: 'annex II matrix, pillar III, serial 5' },
    });
    await writeFile(file, JSON.stringify(records));
    const error = (await loadSeed(db, [dir]).catch((e: unknown) => e)) as SeedValidationError;
    expect(error).toBeInstanceOf(SeedValidationError);
    expect(error.issues).toEqual([
      {
        file,
        record: `record #${index + 1} (key "A72840-MX-III-005")`,
        field: `implementers.${position}.entity`,
        message: 'unknown Entity "NO-SUCH-ENTITY"',
      },
    ]);
    expect(error.message).toContain(
      `${file} record #${index + 1} (key "A72840-MX-III-005") field "implementers.${position}.entity"`,
    );
    expect((await graphSnapshot(db)).lines).toEqual(before.lines);
  });

  it('accepts an additional file in the same format (an entity updating its projects)', async () => {
    const dir = join(work, 'update');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'projects-unodc-update.json'),
      JSON.stringify([
        {
          key: 'UNODC-UPDATE-1',
          title: 'A project reported through the light-touch mechanism',
          implementers: [
            { entity: 'UNODC', role: 'lead', source: { document: 'A/73/866', paragraph: '59' } },
          ],
          beneficiaries: [{ state: 'MLI', source: { document: 'A/73/866', paragraph: '59' } }],
          sources: [{ document: 'A/73/866', paragraph: '59' }],
        },
      ]),
    );
    const before = await graphSnapshot(db);
    await loadSeed(db, [dir]);
    const after = await graphSnapshot(db);
    expect(after.nodes).toBe(before.nodes + 1);
    expect(after.lines.filter((l) => l.includes('UNODC-UPDATE-1')).length).toBeGreaterThanOrEqual(
      4,
    );
    await loadSeed(db, [dir]);
    expect((await graphSnapshot(db)).lines).toEqual(after.lines);
  });

  it('leaves the previous graph intact when a load is killed half-way', async () => {
    await resetGraph(db);
    await loadSeed(db);
    const before = await graphSnapshot(db);
    // A separate process replaces the graph; it is killed (SIGKILL) while its transaction runs.
    const child = spawn(process.execPath, ['--import', 'tsx', 'seed/cli.ts', '--replace'], {
      env: testDatabaseEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let killedWhileRunning = false;
    const timer = setInterval(() => {
      void db.read(runningSeedTx, {}).then((tx) => {
        if (tx.length > 0 && !killedWhileRunning) {
          killedWhileRunning = true;
          child.kill('SIGKILL');
        }
      });
    }, 20);
    await new Promise((done) => child.once('exit', done));
    clearInterval(timer);
    expect(killedWhileRunning).toBe(true);
    // The server rolls the transaction back once the connection drops.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await graphSnapshot(db)).lines).toEqual(before.lines);
  });
});
