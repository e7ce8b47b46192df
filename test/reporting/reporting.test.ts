// Light-touch reporting end to end over a real Neo4j: a reporter submits, the public sees nothing
// until a reviewer accepts, then the project and its REPORTED links are published and the gap
// answer changes; versions, withdrawals, idempotent retries and reloads keep the record straight.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../seed/load.js';
import { cypher } from '../../src/db/cypher.js';
import { emptyDataset } from '../../src/records/index.js';
import { gapFixture } from '../support/fixtures.js';
import { createExecutor } from '../support/graphql.js';
import { bearer } from '../support/keys.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const SUBMIT = `mutation($report: ProjectReportInput!, $key: String!) {
  submitProject(report: $report, idempotencyKey: $key) { id projectKey version status entity submittedBy }
}`;
const UPDATE = `mutation($project: String!, $version: Int!, $report: ProjectReportInput!, $key: String!) {
  updateProjectReport(projectKey: $project, version: $version, report: $report, idempotencyKey: $key) { id version status }
}`;
const ACCEPT = `mutation($id: ID!) { acceptSubmission(id: $id) { id status reviewedBy project { key } } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectSubmission(id: $id, reason: $reason) { id status reason } }`;
const WITHDRAW = `mutation($project: String!, $version: Int!) {
  withdrawProjectReport(projectKey: $project, version: $version, reason: "ended early") { id status }
}`;
const GAP = `{ recommendationsWithoutProjects(first: 50) { nodes { key } } }`;
const PROJECT = `query($id: ID!) { node(id: $id) { ... on Project {
  key title status
  report { reportedByKey reportedBy { key } submittedBy acceptedBy version submission }
  sources { document { key role report { acceptedBy } } paragraph }
  implementers { entity { key } role evidence }
  beneficiaries { memberState { key } evidence }
  resolutions { resolution { key } evidence justification }
  recommendations { recommendation { key } evidence justification sources { paragraph } }
} } }`;

const report = (overrides: Record<string, unknown> = {}) => ({
  title: 'Border screening training in Kazakhstan',
  summary: 'Trains border officers to screen travellers against watch lists.',
  implementers: [{ entity: 'UNODC', role: 'LEAD' }],
  beneficiaries: ['KAZ'],
  themes: ['border-management'],
  period: { start: 2021, end: 2023 },
  status: 'ONGOING',
  budget: { amount: 250000, currency: 'USD', year: 2021 },
  recommendations: [
    { key: 'R-4', justification: 'Delivers the border training R-4 asks of Kazakhstan.' },
  ],
  resolutions: [
    { key: 'S/RES/2396 (2017)', justification: 'Watch-list screening as 2396 requires.' },
  ],
  ...overrides,
});

const submissionCount = cypher<Record<string, never>, number>(
  'testSubmissionCount',
)`MATCH (s:Submission) RETURN count(s) AS row`;

const gapKeys = (result: any): string[] =>
  result.data.recommendationsWithoutProjects.nodes.map((n: { key: string }) => n.key);

describe('reporting: submit, review, publish', () => {
  const db = testDb();
  let execute: Awaited<ReturnType<typeof createExecutor>>;
  let reporter = '';
  let otherReporter = '';
  let reviewer = '';
  let reader = '';
  let admin = '';

  beforeAll(async () => {
    await resetGraph(db, gapFixture());
    execute = await createExecutor(db);
    reporter = await bearer(db, 'unodc-reporter', 'reporter', { entities: ['UNODC'] });
    otherReporter = await bearer(db, 'unoct-reporter', 'reporter', { entities: ['UNOCT'] });
    reviewer = await bearer(db, 'reviewer-1', 'reviewer');
    reader = await bearer(db, 'reader-mli', 'reader', { memberStates: ['MLI'] });
    admin = await bearer(db, 'admin-1', 'admin');
  });

  const submit = async (key: string, overrides: Record<string, unknown> = {}, auth = reporter) =>
    execute(SUBMIT, { report: report(overrides), key }, auth);

  it('walkthrough: a submission is invisible until accepted; then its recommendation leaves the gap list', async () => {
    expect(gapKeys(await execute(GAP))).toContain('R-4');

    const submitted = await submit('walkthrough-1');
    expect(submitted.errors).toBeUndefined();
    const s = submitted.data!.submitProject;
    expect(s).toMatchObject({
      version: 1,
      status: 'SUBMITTED',
      entity: 'UNODC',
      submittedBy: 'unodc-reporter',
    });
    expect(s.projectKey).toMatch(/^RPT-[0-9A-Z]{10}$/);

    // Public: no project, no search hit, and the gap answer is unchanged.
    expect((await execute(PROJECT, { id: `Project:${s.projectKey}` })).data!.node).toBeNull();
    const search = await execute(`{ search(text: "Border screening training") { node { id } } }`);
    expect(JSON.stringify(search.data)).not.toContain(s.projectKey);
    expect(gapKeys(await execute(GAP))).toContain('R-4');

    const accepted = await execute(ACCEPT, { id: s.id }, reviewer);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptSubmission).toMatchObject({
      status: 'ACCEPTED',
      reviewedBy: 'reviewer-1',
      project: { key: s.projectKey },
    });

    const project = (await execute(PROJECT, { id: `Project:${s.projectKey}` })).data!.node;
    expect(project).toMatchObject({
      title: 'Border screening training in Kazakhstan',
      status: 'ONGOING',
      report: {
        reportedByKey: 'UNODC',
        reportedBy: { key: 'UNODC' },
        submittedBy: 'unodc-reporter',
        acceptedBy: 'reviewer-1',
        version: 1,
        submission: s.id,
      },
      implementers: [{ entity: { key: 'UNODC' }, role: 'lead', evidence: 'REPORTED' }],
      beneficiaries: [{ memberState: { key: 'KAZ' }, evidence: 'REPORTED' }],
      resolutions: [
        {
          resolution: { key: 'S/RES/2396 (2017)' },
          evidence: 'REPORTED',
          justification: 'Watch-list screening as 2396 requires.',
        },
      ],
    });
    expect(project.recommendations).toEqual([
      {
        recommendation: { key: 'R-4' },
        evidence: 'REPORTED',
        justification: 'Delivers the border training R-4 asks of Kazakhstan.',
        sources: [{ paragraph: 'recommendations.0' }],
      },
    ]);
    expect(project.sources).toEqual([
      {
        document: {
          key: `ctkg-report:${s.projectKey}`,
          role: 'report',
          report: { acceptedBy: 'reviewer-1' },
        },
        paragraph: 'project',
      },
    ]);
    expect(gapKeys(await execute(GAP))).not.toContain('R-4');
    // Counting only documented evidence, R-4 is still a gap: the link is the entity's word.
    const documented = await execute(
      `{ recommendationsWithoutProjects(first: 50, evidence: [DOCUMENTED]) { nodes { key } } }`,
    );
    expect(gapKeys(documented)).toContain('R-4');

    const trail = await execute(
      `query($t: String) { auditTrail(target: $t) { totalCount nodes { action actor role before after } } }`,
      { t: s.projectKey },
      reviewer,
    );
    expect(trail.data!.auditTrail.nodes.map((e: any) => [e.action, e.actor, e.role])).toEqual([
      ['accept', 'reviewer-1', 'REVIEWER'],
      ['submit', 'unodc-reporter', 'REPORTER'],
    ]);
    const [acceptEvent, submitEvent] = trail.data!.auditTrail.nodes;
    expect(JSON.parse(acceptEvent.before)).toMatchObject({ status: 'submitted', version: 1 });
    expect(JSON.parse(acceptEvent.after)).toMatchObject({ status: 'accepted', version: 1 });
    expect(submitEvent.before).toBeNull();
    expect(JSON.parse(submitEvent.after).report.title).toBe(
      'Border screening training in Kazakhstan',
    );
  });

  it('a retried submission under the same key returns the first answer and stores one; another request under it is a CONFLICT', async () => {
    const before = (await db.read(submissionCount, {}))[0]!;
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => submit('retry-1', { title: 'Retried report' })),
    );
    const ids = new Set(answers.map((a) => a.data?.submitProject.id));
    expect(answers.every((a) => a.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    expect((await db.read(submissionCount, {}))[0]).toBe(before + 1);

    const different = await submit('retry-1', { title: 'Something else' });
    expect(different.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(different.errors?.[0]?.message).toContain('retry-1');
    // Another reporter's "retry-1" is its own.
    const other = await submit(
      'retry-1',
      { implementers: [{ entity: 'UNOCT', role: 'LEAD' }] },
      otherReporter,
    );
    expect(other.errors).toBeUndefined();
    expect(other.data!.submitProject.id).not.toBe([...ids][0]);
  });

  it('updates need the latest version; a new version is published only when accepted, the old one superseded', async () => {
    const first = (await submit('versions-1', { title: 'Version one' })).data!.submitProject;
    await execute(ACCEPT, { id: first.id }, reviewer);

    const second = await execute(
      UPDATE,
      {
        project: first.projectKey,
        version: 1,
        report: report({ title: 'Version two' }),
        key: 'versions-2',
      },
      reporter,
    );
    expect(second.data!.updateProjectReport).toMatchObject({ version: 2, status: 'SUBMITTED' });
    const stale = await execute(
      UPDATE,
      {
        project: first.projectKey,
        version: 1,
        report: report({ title: 'Stale' }),
        key: 'versions-3',
      },
      reporter,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const title = async () =>
      (await execute(PROJECT, { id: `Project:${first.projectKey}` })).data!.node.title;
    expect(await title()).toBe('Version one');
    await execute(ACCEPT, { id: second.data!.updateProjectReport.id }, reviewer);
    expect(await title()).toBe('Version two');

    const versions = await execute(
      `query($p: String) { submissions(projectKey: $p) { nodes { version status } } }`,
      { p: first.projectKey },
      reporter,
    );
    expect(versions.data!.submissions.nodes).toEqual([
      { version: 2, status: 'ACCEPTED' },
      { version: 1, status: 'SUPERSEDED' },
    ]);

    // Two updates racing on one version: exactly one wins.
    const race = await Promise.all(
      ['race-a', 'race-b', 'race-c'].map((key) =>
        execute(
          UPDATE,
          { project: first.projectKey, version: 2, report: report({ title: key }), key },
          reporter,
        ),
      ),
    );
    expect(race.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(race.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
  });

  it('a rejection keeps the project unpublished and tells the reporter why', async () => {
    const s = (await submit('reject-1', { title: 'To be rejected' })).data!.submitProject;
    const rejected = await execute(
      REJECT,
      { id: s.id, reason: 'No beneficiary evidence given' },
      reviewer,
    );
    expect(rejected.data!.rejectSubmission).toMatchObject({
      status: 'REJECTED',
      reason: 'No beneficiary evidence given',
    });
    expect((await execute(PROJECT, { id: `Project:${s.projectKey}` })).data!.node).toBeNull();
    const seen = await execute(
      `query($id: ID!) { submission(id: $id) { status reason } }`,
      { id: s.id },
      reporter,
    );
    expect(seen.data!.submission).toEqual({
      status: 'REJECTED',
      reason: 'No beneficiary evidence given',
    });
    // Another entity's reporter cannot see it: the same answer as for no submission.
    const hidden = await execute(
      `query($id: ID!) { submission(id: $id) { status } }`,
      { id: s.id },
      otherReporter,
    );
    expect(hidden.data!.submission).toBeNull();
    const again = await execute(ACCEPT, { id: s.id }, reviewer);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'REJECTED' });
  });

  it('a withdrawal unpublishes the project and its recommendation is a gap again', async () => {
    const s = (
      await submit('withdraw-1', {
        title: 'Withdrawn project',
        recommendations: [{ key: 'R-5', justification: 'Answers R-5.' }],
      })
    ).data!.submitProject;
    await execute(ACCEPT, { id: s.id }, reviewer);
    expect(gapKeys(await execute(GAP))).not.toContain('R-5');
    const withdrawn = await execute(WITHDRAW, { project: s.projectKey, version: 1 }, reporter);
    expect(withdrawn.data!.withdrawProjectReport.status).toBe('WITHDRAWN');
    expect((await execute(PROJECT, { id: `Project:${s.projectKey}` })).data!.node).toBeNull();
    expect(gapKeys(await execute(GAP))).toContain('R-5');
    // Retried: the same answer.
    const retried = await execute(WITHDRAW, { project: s.projectKey, version: 1 }, reporter);
    expect(retried.data!.withdrawProjectReport.status).toBe('WITHDRAWN');
  });

  it('a reload of the curated data, even --replace, keeps accepted reports published', async () => {
    const s = (await submit('reload-1', { title: 'Survives reloads' })).data!.submitProject;
    await execute(ACCEPT, { id: s.id }, reviewer);
    await loadDataset(
      db,
      { data: { ...emptyDataset(), ...gapFixture() }, origin: new Map(), files: [] },
      { replace: true },
    );
    const project = (await execute(PROJECT, { id: `Project:${s.projectKey}` })).data!.node;
    expect(project).toMatchObject({
      title: 'Survives reloads',
      report: { acceptedBy: 'reviewer-1' },
    });
    expect(project.recommendations[0]).toMatchObject({
      recommendation: { key: 'R-4' },
      evidence: 'REPORTED',
    });
  });

  describe('bad input: BAD_USER_INPUT naming path and value, and nothing written', () => {
    const cases: [string, Record<string, unknown>, string, string | null][] = [
      ['empty title', { title: '  ' }, 'report.title', null],
      ['no implementer', { implementers: [] }, 'report.implementers', null],
      [
        'unknown entity',
        {
          implementers: [
            { entity: 'UNODC', role: 'LEAD' },
            { entity: 'NOPE', role: 'PARTNER' },
          ],
        },
        'report.implementers.1.entity',
        'NOPE',
      ],
      ['not ISO3', { beneficiaries: ['Kazakhstan'] }, 'report.beneficiaries.0', 'Kazakhstan'],
      ['unknown State', { beneficiaries: ['ZZZ'] }, 'report.beneficiaries.0', 'ZZZ'],
      ['start after end', { period: { start: 2024, end: 2020 } }, 'report.period.end', null],
      [
        'negative budget',
        { budget: { amount: -5, currency: 'USD' } },
        'report.budget.amount',
        '-5',
      ],
      [
        'bad currency',
        { budget: { amount: 5, currency: 'dollars' } },
        'report.budget.currency',
        'dollars',
      ],
      [
        'theme twice',
        { themes: ['border-management', 'border-management'] },
        'report.themes.1',
        null,
      ],
      ['unknown theme', { themes: ['space-law'] }, 'report.themes.0', 'space-law'],
      [
        'unknown recommendation',
        { recommendations: [{ key: 'R-404', justification: 'x' }] },
        'report.recommendations.0.key',
        'R-404',
      ],
      [
        'unknown resolution',
        { resolutions: [{ key: 'S/RES/9999 (2099)', justification: 'x' }] },
        'report.resolutions.0.key',
        'S/RES/9999 (2099)',
      ],
      [
        'long justification',
        { recommendations: [{ key: 'R-4', justification: 'x'.repeat(501) }] },
        'report.recommendations.0.justification',
        null,
      ],
      ['year out of range', { period: { start: 1066 } }, 'report.period.start', '1066'],
      ['title too long', { title: 'x'.repeat(301) }, 'report.title', null],
    ];
    it.each(cases)('%s', async (_name, overrides, path, value) => {
      const before = (await db.read(submissionCount, {}))[0];
      const result = await submit(`bad-${path}-${String(value)}`, overrides);
      const error = result.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      const problems = error?.extensions?.problems as { path: string; value: string | null }[];
      expect(problems.map((p) => p.path)).toContain(path);
      if (value !== null) expect(problems.find((p) => p.path === path)?.value).toBe(value);
      expect(error?.message).toContain(path);
      expect((await db.read(submissionCount, {}))[0]).toBe(before);
    });

    it('idempotencyKey, version, reason, projectKey and id', async () => {
      const code = (r: any) => r.errors?.[0]?.extensions?.code;
      expect(code(await submit(''))).toBe('BAD_USER_INPUT');
      expect(code(await submit('k'.repeat(201)))).toBe('BAD_USER_INPUT');
      const s = (await submit('args-1')).data!.submitProject;
      const unknownProject = await execute(
        UPDATE,
        { project: 'RPT-NOSUCHKEY0', version: 1, report: report(), key: 'args-2' },
        reviewer,
      );
      expect(unknownProject.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'projectKey',
      });
      const badVersion = await execute(
        UPDATE,
        { project: s.projectKey, version: 7, report: report(), key: 'args-3' },
        reporter,
      );
      expect(badVersion.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: 1,
      });
      const noReason = await execute(REJECT, { id: s.id, reason: ' ' }, reviewer);
      expect(noReason.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      const longReason = await execute(REJECT, { id: s.id, reason: 'r'.repeat(1001) }, reviewer);
      expect(longReason.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      const longWithdrawal = await execute(
        `mutation($p: String!) { withdrawProjectReport(projectKey: $p, version: 1, reason: "${'w'.repeat(1001)}") { id } }`,
        { p: s.projectKey },
        reporter,
      );
      expect(longWithdrawal.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      const noSubmission = await execute(ACCEPT, { id: 'no-such-id' }, reviewer);
      expect(noSubmission.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
      const badEnum = await execute(
        SUBMIT,
        { report: report({ status: 'FINISHED' }), key: 'args-4' },
        reporter,
      );
      expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('every role × operation', () => {
    type Who = 'anonymous' | 'reader' | 'reporter' | 'otherReporter' | 'reviewer' | 'admin';
    const auth = (who: Who) =>
      ({ anonymous: undefined, reader, reporter, otherReporter, reviewer, admin })[who];
    const codeOf = (r: any): string | null => r.errors?.[0]?.extensions?.code ?? null;

    let pending: { id: string; projectKey: string };
    beforeAll(async () => {
      pending = (await submit('matrix-pending')).data!.submitProject;
    });

    // For each operation: the callers refused and with which code; everyone else is allowed.
    const operations: {
      name: string;
      run: (who: Who) => Promise<any>;
      refused: Partial<Record<Who, string>>;
    }[] = [
      {
        name: 'submitProject',
        run: (who) => execute(SUBMIT, { report: report(), key: `matrix-submit-${who}` }, auth(who)),
        refused: {
          anonymous: 'UNAUTHENTICATED',
          reader: 'FORBIDDEN',
          otherReporter: 'FORBIDDEN',
          reviewer: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        name: 'updateProjectReport',
        run: (who) =>
          execute(
            UPDATE,
            {
              project: pending.projectKey,
              version: 1,
              report: report(),
              key: `matrix-update-${who}`,
            },
            auth(who),
          ),
        // Allowed callers race for version 1: the first wins, the next gets CONFLICT — both mean "allowed".
        refused: {
          anonymous: 'UNAUTHENTICATED',
          reader: 'FORBIDDEN',
          otherReporter: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        name: 'acceptSubmission',
        run: (who) => execute(ACCEPT, { id: pending.id }, auth(who)),
        refused: {
          anonymous: 'UNAUTHENTICATED',
          reader: 'FORBIDDEN',
          reporter: 'FORBIDDEN',
          otherReporter: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        name: 'rejectSubmission',
        run: (who) => execute(REJECT, { id: pending.id, reason: 'matrix' }, auth(who)),
        refused: {
          anonymous: 'UNAUTHENTICATED',
          reader: 'FORBIDDEN',
          reporter: 'FORBIDDEN',
          otherReporter: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        name: 'withdrawProjectReport',
        run: (who) => execute(WITHDRAW, { project: pending.projectKey, version: 99 }, auth(who)),
        refused: {
          anonymous: 'UNAUTHENTICATED',
          reader: 'FORBIDDEN',
          otherReporter: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        name: 'submissions',
        run: (who) => execute(`{ submissions { totalCount } }`, {}, auth(who)),
        refused: { anonymous: 'UNAUTHENTICATED', reader: 'FORBIDDEN' },
      },
      {
        name: 'auditTrail',
        run: (who) => execute(`{ auditTrail { totalCount } }`, {}, auth(who)),
        refused: {
          anonymous: 'UNAUTHENTICATED',
          reader: 'FORBIDDEN',
          reporter: 'FORBIDDEN',
          otherReporter: 'FORBIDDEN',
        },
      },
    ];
    const everyone: Who[] = [
      'anonymous',
      'reader',
      'reporter',
      'otherReporter',
      'reviewer',
      'admin',
    ];

    for (const op of operations) {
      it(`${op.name}`, async () => {
        for (const who of everyone) {
          const code = codeOf(await op.run(who));
          const refused = op.refused[who];
          if (refused) expect([who, code]).toEqual([who, refused]);
          else
            expect([who, code]).not.toSatisfy(
              ([, c]: [Who, string | null]) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED',
            );
        }
      });
    }

    it('a refusal names the operation and not whether the record exists', async () => {
      const existing = await execute(
        WITHDRAW,
        { project: pending.projectKey, version: 1 },
        otherReporter,
      );
      const missing = await execute(
        WITHDRAW,
        { project: 'RPT-NOSUCHKEY0', version: 1 },
        otherReporter,
      );
      expect(existing.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
      expect(existing.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        operation: 'withdrawProjectReport',
      });
    });

    it('a reporter lists only its entities’ submissions; a reviewer lists all', async () => {
      const mine = await execute(`{ submissions(first: 100) { nodes { entity } } }`, {}, reporter);
      const all = await execute(
        `{ submissions(first: 100) { totalCount nodes { entity } } }`,
        {},
        reviewer,
      );
      expect(new Set(mine.data!.submissions.nodes.map((n: any) => n.entity))).toEqual(
        new Set(['UNODC']),
      );
      expect(new Set(all.data!.submissions.nodes.map((n: any) => n.entity))).toEqual(
        new Set(['UNODC', 'UNOCT']),
      );
    });
  });
});
