// The reporting operations: submit, update and withdraw a reported project, accept or reject a
// version. Each runs in one managed write transaction (retried by the driver on transient
// failures) with its audit event, so it happens wholly or not at all; a client's idempotency key
// makes a retried submission return the first answer instead of a second record.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ConflictError, InputError, isConstraintViolation } from '../core/errors.js';
import type { Cypher } from '../db/cypher.js';
import type { Db, Tx } from '../db/db.js';
import { refreshDerived } from '../records/index.js';
import { entityScope, requireEntity, type Actor, type Operation } from './permissions.js';
import {
  mergedReferences,
  missingReferences,
  publishReport,
  referenceProblems,
  unknownKeys,
} from './publish.js';
import { validateReport, type ProjectReport, type ReportProblem } from './report.js';
import {
  acceptedSubmissions,
  createSubmission,
  latestSubmission,
  recordAudit,
  setSubmissionStatus,
  submissionById,
  submissionByIdempotencyKey,
  supersedeAccepted,
  supersedePending,
  unpublishProject,
  withdrawVersions,
  type SubmissionRow,
} from './reporting.cypher.js';

/** Who acts, and the request it came in (the audit trail names both). */
export interface Caller {
  readonly actor: Actor;
  readonly requestId: string | null;
}

const MAX_IDEMPOTENCY_KEY = 200;
const MAX_REASON = 1000;
const SHOWN_PROBLEMS = 5;

/** BAD_USER_INPUT listing every problem (path, value, message) in `extensions.problems`. */
export function reportRejected(argument: string, problems: readonly ReportProblem[]): InputError {
  const shown = problems
    .slice(0, SHOWN_PROBLEMS)
    .map((p) => `${argument}.${p.path}: ${p.message}${p.value === null ? '' : ` (got ${p.value})`}`)
    .join('; ');
  const more =
    problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : '';
  return new InputError(
    `The ${argument} has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${shown}${more}`,
    argument,
    { problems: problems.map((p) => ({ ...p, path: `${argument}.${p.path}` })) },
  );
}

/** A valid report, or BAD_USER_INPUT naming every problem. */
function parseReport(input: unknown): ProjectReport {
  const result = validateReport(input);
  if (!result.ok) throw reportRejected('report', result.problems);
  return result.report;
}

function checkIdempotencyKey(key: string): void {
  if (key.trim().length === 0 || key.length > MAX_IDEMPOTENCY_KEY)
    throw new InputError(
      `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY} characters (got ${key.length})`,
      'idempotencyKey',
    );
}

const digest = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** A reported project's key: `RPT-` and 10 random base-32 characters. */
const newProjectKey = (): string =>
  `RPT-${randomBytes(8).readBigUInt64BE().toString(32).toUpperCase().padStart(10, '0').slice(-10)}`;

/**
 * Records one write in the audit trail, in the write's own transaction (so neither happens
 * without the other). `before`/`after` are stored as JSON; null for a creation or a deletion.
 */
export async function audit(
  tx: Pick<Tx, 'run'>,
  caller: { actor: { name: string; role: string }; requestId: string | null },
  action: string,
  target: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.run(recordAudit, {
    id: randomUUID(),
    actor: caller.actor.name,
    role: caller.actor.role,
    action,
    target,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    requestId: caller.requestId,
  });
}

const summary = (s: SubmissionRow) => ({
  submission: s.id,
  version: s.version,
  status: s.status,
  entity: s.entity,
});

/** The references a report names that the graph lacks, as BAD_USER_INPUT. */
async function checkReferences(tx: Tx, report: ProjectReport): Promise<void> {
  const problems = await missingReferences(tx, report);
  if (problems.length > 0) throw reportRejected('report', problems);
}

/** The stored form of a client's key: keys are the caller's own, two reporters may both use "row-1". */
const scopedKey = (caller: Caller, clientKey: string) => `${caller.actor.name}\u001f${clientKey}`;

/**
 * The submission an earlier request under the same client key made, or null; a different request
 * under that key is a CONFLICT.
 */
async function replay(
  run: <P extends object, R>(q: Cypher<P, R>, p: P) => Promise<R[]>,
  caller: Caller,
  clientKey: string,
  requestDigest: string,
): Promise<SubmissionRow | null> {
  const [earlier] = await run(submissionByIdempotencyKey, {
    idempotencyKey: scopedKey(caller, clientKey),
  });
  if (!earlier) return null;
  if (earlier.requestDigest !== requestDigest)
    throw new ConflictError(
      `idempotencyKey "${clientKey}" was already used for a different request`,
      {
        idempotencyKey: clientKey,
      },
    );
  const { requestDigest: _digest, ...row } = earlier;
  return row;
}

/**
 * Runs a write that creates a submission under a client's key: the first request's answer is
 * returned to every retry of it, and a different request under the same key is a CONFLICT.
 */
async function once(
  db: Db,
  caller: Caller,
  clientKey: string,
  request: unknown,
  write: (
    tx: Tx,
    stored: { idempotencyKey: string; requestDigest: string },
  ) => Promise<SubmissionRow>,
): Promise<SubmissionRow> {
  checkIdempotencyKey(clientKey);
  const requestDigest = digest(request);
  const stored = { idempotencyKey: scopedKey(caller, clientKey), requestDigest };
  try {
    return await db.transaction(
      async (tx) =>
        (await replay((q, p) => tx.run(q, p), caller, clientKey, requestDigest)) ??
        (await write(tx, stored)),
    );
  } catch (error) {
    // A concurrent request with the same key committed first: answer as it did.
    if (isConstraintViolation(error)) {
      const first = await replay((q, p) => db.read(q, p), caller, clientKey, requestDigest);
      if (first) return first;
      throw new ConflictError('Another request changed this project at the same time; retry');
    }
    throw error;
  }
}

/** The reporting entity: the lead if it is in the caller's scope, else its first such implementer. */
export function reportingEntity(caller: Caller, report: ProjectReport): string | null {
  const scope = entityScope(caller.actor);
  const ordered = [...report.implementers].sort(
    (a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'),
  );
  return ordered.find((i) => scope === null || scope.includes(i.entity))?.entity ?? null;
}

/** Creates version 1 of a new project in the caller's transaction (its references checked). */
async function createFirstVersion(
  tx: Tx,
  caller: Caller,
  report: ProjectReport,
  entity: string,
  stored: { idempotencyKey: string; requestDigest: string },
): Promise<SubmissionRow> {
  const [created] = await tx.run(createSubmission, {
    id: randomUUID(),
    projectKey: newProjectKey(),
    version: 1,
    entity,
    payload: JSON.stringify(report),
    submittedBy: caller.actor.name,
    ...stored,
  });
  await audit(tx, caller, 'submit', created!.projectKey, null, { ...summary(created!), report });
  return created!;
}

/** Submits a new reported project (version 1), waiting for review. */
export async function submitProject(
  db: Db,
  caller: Caller,
  input: unknown,
  clientKey: string,
): Promise<SubmissionRow> {
  const report = parseReport(input);
  const entity = reportingEntity(caller, report);
  requireEntity(caller.actor, entity, 'submitProject');
  return once(db, caller, clientKey, { op: 'submit', report }, async (tx, stored) => {
    await checkReferences(tx, report);
    return createFirstVersion(tx, caller, report, entity!, stored);
  });
}

/**
 * Submits many new projects in one transaction, all or none (a bulk import): each under its own
 * client key, so a file sent again returns the first submissions instead of new ones.
 */
export async function submitMany(
  db: Db,
  caller: Caller,
  rows: readonly { report: ProjectReport; entity: string; clientKey: string }[],
  note: Record<string, unknown>,
): Promise<SubmissionRow[]> {
  for (const row of rows) checkIdempotencyKey(row.clientKey);
  return db.transaction(async (tx) => {
    // Checked again inside the write, for every row in one statement: a reload may have removed
    // a key since the caller's check.
    const unknown = await unknownKeys(tx, mergedReferences(rows.map((r) => r.report)));
    const problems = rows.flatMap((r) => referenceProblems(r.report, unknown));
    if (problems.length > 0) throw reportRejected('content', problems);
    const out: SubmissionRow[] = [];
    for (const row of rows) {
      const requestDigest = digest({ op: 'submit', report: row.report });
      out.push(
        (await replay((q, p) => tx.run(q, p), caller, row.clientKey, requestDigest)) ??
          (await createFirstVersion(tx, caller, row.report, row.entity, {
            idempotencyKey: scopedKey(caller, row.clientKey),
            requestDigest,
          })),
      );
    }
    await audit(tx, caller, 'import', `import:${caller.requestId ?? randomUUID()}`, null, {
      ...note,
      submissions: out.map((s) => s.projectKey),
    });
    return out;
  });
}

/** The latest version of a project the caller may act on; the same refusal when there is none. */
async function latestFor(
  tx: Tx,
  caller: Caller,
  projectKey: string,
  version: number,
  operation: Operation,
): Promise<SubmissionRow> {
  const [latest] = await tx.run(latestSubmission, { projectKey });
  if (entityScope(caller.actor) !== null)
    requireEntity(caller.actor, latest?.entity ?? null, operation);
  if (!latest)
    throw new InputError(`No reported project has the key "${projectKey}"`, 'projectKey', {
      value: projectKey,
    });
  if (latest.version !== version)
    throw new ConflictError(
      `Version ${version} of ${projectKey} is not the latest (${latest.version}); read it again and resend`,
      { currentVersion: latest.version },
    );
  return latest;
}

/** Sends a new version of a reported project; it waits for review like the first. */
export async function updateProjectReport(
  db: Db,
  caller: Caller,
  projectKey: string,
  version: number,
  input: unknown,
  clientKey: string,
): Promise<SubmissionRow> {
  const report = parseReport(input);
  return once(
    db,
    caller,
    clientKey,
    { op: 'update', projectKey, version, report },
    async (tx, stored) => {
      const latest = await latestFor(tx, caller, projectKey, version, 'updateProjectReport');
      await checkReferences(tx, report);
      const [created] = await tx.run(createSubmission, {
        id: randomUUID(),
        projectKey,
        version: version + 1,
        entity: latest.entity,
        payload: JSON.stringify(report),
        submittedBy: caller.actor.name,
        ...stored,
      });
      await tx.run(supersedePending, { projectKey, version: version + 1 });
      await audit(
        tx,
        caller,
        'update',
        projectKey,
        { ...summary(latest), report: JSON.parse(latest.payload) as unknown },
        { ...summary(created!), report },
      );
      return created!;
    },
  );
}

function checkReason(reason: string | null, required: boolean): string | null {
  const trimmed = reason?.trim() ?? '';
  if (required && trimmed.length === 0)
    throw new InputError('reason must say why (1 to 1000 characters)', 'reason');
  if (trimmed.length > MAX_REASON)
    throw new InputError(
      `reason must be at most ${MAX_REASON} characters (got ${trimmed.length})`,
      'reason',
    );
  return trimmed.length === 0 ? null : trimmed;
}

/** Withdraws a reported project: its waiting versions and its published state, at once. */
export async function withdrawProjectReport(
  db: Db,
  caller: Caller,
  projectKey: string,
  version: number,
  reason: string | null,
): Promise<SubmissionRow> {
  const why = checkReason(reason, false);
  return db.transaction(async (tx) => {
    const latest = await latestFor(tx, caller, projectKey, version, 'withdrawProjectReport');
    if (latest.status === 'withdrawn') return latest; // a retried withdrawal
    await tx.run(withdrawVersions, {
      projectKey,
      latest: latest.id,
      by: caller.actor.name,
      reason: why,
    });
    const [removed] = await tx.run(unpublishProject, { projectKey });
    if ((removed ?? 0) > 0) await refreshDerived(tx, { infer: true });
    const [after] = await tx.run(submissionById, { id: latest.id });
    await audit(tx, caller, 'withdraw', projectKey, summary(latest), {
      ...summary(after!),
      unpublished: (removed ?? 0) > 0,
      reason: why,
    });
    return after!;
  });
}

/** A submission a reviewer acts on, or BAD_USER_INPUT when there is none. */
async function reviewable(tx: Tx, id: string): Promise<SubmissionRow> {
  const [submission] = await tx.run(submissionById, { id });
  if (!submission) throw new InputError(`No submission has the id "${id}"`, 'id', { value: id });
  return submission;
}

const notWaiting = (s: SubmissionRow) =>
  new ConflictError(`Submission ${s.id} is ${s.status}, not waiting for review`, {
    status: s.status.toUpperCase(),
  });

/** Accepts a version: it becomes the published project at once, its links REPORTED evidence. */
export async function acceptSubmission(db: Db, caller: Caller, id: string): Promise<SubmissionRow> {
  return db.transaction(async (tx) => {
    const submission = await reviewable(tx, id);
    if (submission.status === 'accepted') return submission; // a retried acceptance
    if (submission.status !== 'submitted') throw notWaiting(submission);
    const report = parseReport(JSON.parse(submission.payload));
    await checkReferences(tx, report);
    const [accepted] = await tx.run(setSubmissionStatus, {
      id,
      status: 'accepted',
      reviewedBy: caller.actor.name,
      reason: null,
    });
    await tx.run(supersedeAccepted, { projectKey: submission.projectKey, except: id });
    await publishReport(tx, accepted!, report, {
      acceptedBy: caller.actor.name,
      acceptedAt: accepted!.reviewedAt!,
    });
    await refreshDerived(tx, { infer: true });
    await audit(
      tx,
      caller,
      'accept',
      submission.projectKey,
      summary(submission),
      summary(accepted!),
    );
    return accepted!;
  });
}

/** Rejects a version with a reason its reporter can read; the published state is unchanged. */
export async function rejectSubmission(
  db: Db,
  caller: Caller,
  id: string,
  reason: string,
): Promise<SubmissionRow> {
  const why = checkReason(reason, true);
  return db.transaction(async (tx) => {
    const submission = await reviewable(tx, id);
    if (submission.status === 'rejected') return submission;
    if (submission.status !== 'submitted') throw notWaiting(submission);
    const [rejected] = await tx.run(setSubmissionStatus, {
      id,
      status: 'rejected',
      reviewedBy: caller.actor.name,
      reason: why,
    });
    await audit(tx, caller, 'reject', submission.projectKey, summary(submission), {
      ...summary(rejected!),
      reason: why,
    });
    return rejected!;
  });
}

/**
 * Publishes every accepted version again, in the caller's transaction: a reload of the seed
 * (which may replace the whole graph) keeps what entities reported and reviewers accepted.
 */
export async function republishAccepted(tx: Tx): Promise<number> {
  const accepted = await tx.run(acceptedSubmissions, {});
  for (const submission of accepted) {
    const result = validateReport(JSON.parse(submission.payload));
    if (!result.ok) continue; // stored only after validation: cannot happen short of tampering
    await publishReport(tx, submission, result.report, {
      acceptedBy: submission.reviewedBy ?? 'unknown',
      acceptedAt: submission.reviewedAt ?? submission.submittedAt,
    });
  }
  return accepted.length;
}
