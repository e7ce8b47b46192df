// Bulk reporting over the real curated graph: the documented CSV template and an IATI activity
// file go through the same checks as submitProject; a dry run writes nothing, a file with any
// problem writes nothing, a good file is submitted whole, and sending it again makes no more.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.js';
import { cypher } from '../../src/db/cypher.js';
import { createExecutor } from '../support/graphql.js';
import { bearer } from '../support/keys.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const TEMPLATE = readFileSync(
  new URL('../../docs/reporting/projects-template.csv', import.meta.url),
  'utf8',
);

const IMPORT = `mutation($format: ImportFormat!, $content: String!, $dryRun: Boolean) {
  importProjects(format: $format, content: $content, dryRun: $dryRun) {
    format dryRun written problems { path value message }
    rows { line ref idempotencyKey title problems { path value message } warnings { path message }
           submission { id projectKey status entity report { beneficiaries themes implementers { entity role } } } }
  }
}`;

const submissions = cypher<Record<string, never>, number>(
  'testImportSubmissions',
)`MATCH (s:Submission) RETURN count(s) AS row`;

// A small IATI 2.03 file written for this test (not a publisher's data).
const IATI = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="USD">
    <iati-identifier>XM-TEST-0001</iati-identifier>
    <reporting-org ref="XM-TEST" type="40"><narrative>Test publisher</narrative></reporting-org>
    <title><narrative xml:lang="en">Test: prosecutors' training in Mali</narrative></title>
    <description type="1"><narrative xml:lang="en">Test activity for the import path.</narrative></description>
    <participating-org role="4" type="40"><narrative>UNODC</narrative></participating-org>
    <participating-org ref="XM-NOBODY" role="4"><narrative>An organisation ctkg does not hold</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date iso-date="2021-03-01" type="2"/>
    <activity-date iso-date="2023-12-31" type="3"/>
    <recipient-country code="ML"/>
    <sector code="15130" vocabulary="1"/>
    <budget><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><value currency="USD" value-date="2021-01-01">120000</value></budget>
  </iati-activity>
</iati-activities>`;

describe('importProjects (CSV template, IATI XML)', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  let reporter = '';
  let unodcOnly = '';
  let reviewer = '';

  beforeAll(async () => {
    await resetGraph(db);
    await loadSeed(db);
    execute = await createExecutor(db);
    reporter = await bearer(db, 'sahel-reporter', 'reporter', { entities: ['UNODC', 'UNOCT'] });
    unodcOnly = await bearer(db, 'unodc-only', 'reporter', { entities: ['UNODC'] });
    reviewer = await bearer(db, 'reviewer', 'reviewer');
  });

  const count = async () => (await db.read(submissions, {}))[0];

  it('the documented template passes a dry run on the real graph and nothing is written', async () => {
    const result = await execute(IMPORT, { format: 'CSV', content: TEMPLATE }, reporter);
    expect(result.errors).toBeUndefined();
    const r = result.data!.importProjects;
    expect(r).toMatchObject({ format: 'CSV', dryRun: true, written: false, problems: [] });
    expect(r.rows.map((row: any) => [row.line, row.ref, row.problems])).toEqual([
      [2, 'EXAMPLE-001', []],
      [3, 'EXAMPLE-002', []],
    ]);
    expect(await count()).toBe(0);
  });

  it('a row outside the reporter’s entities, or naming what the graph lacks, stops the whole file', async () => {
    const bad = TEMPLATE.replace('A72840-77:', 'A72840-999:');
    const before = await count();
    const result = await execute(IMPORT, { format: 'CSV', content: bad, dryRun: false }, unodcOnly);
    const r = result.data!.importProjects;
    expect(r.written).toBe(false);
    expect(r.rows[0].problems).toEqual([
      {
        path: 'recommendations.0.key',
        value: 'A72840-999',
        message: 'unknown recommendation "A72840-999"',
      },
    ]);
    expect(r.rows[1].problems).toEqual([
      {
        path: 'implementers',
        value: 'UNOCT',
        message: 'none of the entities your credential reports for implements this project',
      },
    ]);
    expect(r.rows.every((row: any) => row.submission === null)).toBe(true);
    expect(await count()).toBe(before);
  });

  it('a good file is submitted whole (SUBMITTED, invisible until accepted); sent again, it makes nothing new', async () => {
    const first = (
      await execute(IMPORT, { format: 'CSV', content: TEMPLATE, dryRun: false }, reporter)
    ).data!.importProjects;
    expect(first.written).toBe(true);
    expect(
      first.rows.map((row: any) => [
        row.idempotencyKey,
        row.submission.status,
        row.submission.entity,
      ]),
    ).toEqual([
      ['csv:EXAMPLE-001', 'SUBMITTED', 'UNODC'],
      ['csv:EXAMPLE-002', 'SUBMITTED', 'UNOCT'],
    ]);
    expect(first.rows[0].submission.report).toMatchObject({
      beneficiaries: ['MLI', 'NER'],
      implementers: [
        { entity: 'UNODC', role: 'LEAD' },
        { entity: 'UNOCT', role: 'PARTNER' },
        { entity: 'OHCHR', role: 'PARTNER' },
      ],
    });
    const key = first.rows[0].submission.projectKey;
    expect(
      (await execute(`query($id: ID!) { node(id: $id) { id } }`, { id: `Project:${key}` })).data!
        .node,
    ).toBeNull();
    const after = await count();
    const again = (
      await execute(IMPORT, { format: 'CSV', content: TEMPLATE, dryRun: false }, reporter)
    ).data!.importProjects;
    expect(again.rows.map((row: any) => row.submission.id)).toEqual(
      first.rows.map((row: any) => row.submission.id),
    );
    expect(await count()).toBe(after);
    const trail = await execute(
      `{ auditTrail(actions: ["import"]) { totalCount nodes { actor after } } }`,
      {},
      reviewer,
    );
    expect(trail.data!.auditTrail.nodes[0].actor).toBe('sahel-reporter');
    expect(JSON.parse(trail.data!.auditTrail.nodes[0].after)).toMatchObject({
      format: 'csv',
      rows: 2,
    });
  });

  it('an IATI activity maps organisations, countries, sectors, dates and budget; what it cannot map is a warning', async () => {
    const dry = (await execute(IMPORT, { format: 'IATI', content: IATI }, unodcOnly)).data!
      .importProjects;
    expect(dry).toMatchObject({ format: 'IATI', written: false, problems: [] });
    const [row] = dry.rows;
    expect(row).toMatchObject({
      ref: 'XM-TEST-0001',
      idempotencyKey: 'iati:XM-TEST-0001',
      problems: [],
    });
    expect(row.warnings.map((w: any) => w.message).join(' ')).toContain('XM-NOBODY');

    const done = (
      await execute(IMPORT, { format: 'IATI', content: IATI, dryRun: false }, unodcOnly)
    ).data!.importProjects;
    expect(done.written).toBe(true);
    const s = done.rows[0].submission;
    const full = await execute(
      `query($id: ID!) { submission(id: $id) { report { title codes beneficiaries themes status period { start end } budget { amount currency year } implementers { entity role } } } }`,
      { id: s.id },
      unodcOnly,
    );
    expect(full.data!.submission.report).toEqual({
      title: "Test: prosecutors' training in Mali",
      codes: ['XM-TEST-0001'],
      beneficiaries: ['MLI'],
      themes: ['criminal-justice'],
      status: 'ONGOING',
      period: { start: 2021, end: 2023 },
      budget: { amount: 120000, currency: 'USD', year: 2021 },
      implementers: [{ entity: 'UNODC', role: 'LEAD' }],
    });
  });

  it('a hostile or broken file is a problem, never a crash', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><iati-activities>&lol2;</iati-activities>`;
    for (const [format, content] of [
      ['IATI', bomb],
      ['IATI', '<iati-activities><iati-activity>'],
      ['CSV', 'ref,title\n"unbalanced,quote\n'],
      ['CSV', ''],
    ] as const) {
      const result = await execute(IMPORT, { format, content, dryRun: false }, reporter);
      expect(result.errors).toBeUndefined();
      expect(result.data!.importProjects.written).toBe(false);
      expect(result.data!.importProjects.problems.length).toBeGreaterThan(0);
    }
  });

  it('only reporters import', async () => {
    const anonymous = await execute(IMPORT, { format: 'CSV', content: TEMPLATE });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await execute(IMPORT, { format: 'CSV', content: TEMPLATE }, reviewer);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      operation: 'importProjects',
    });
  });
});
