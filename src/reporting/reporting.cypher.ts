// Statements of the reporting area: submissions (one node per version of a reported project),
// the published project's removal, reference checks and the audit trail. Submissions and audit
// events carry system labels: no public statement reads them.
import { cypher, trustedCypher } from '../db/cypher.js';

/** A submission as stored: one version of one reported project. */
export interface SubmissionRow {
  readonly id: string;
  readonly projectKey: string;
  readonly version: number;
  /** submitted | accepted | rejected | withdrawn | superseded */
  readonly status: string;
  /** The reporting entity (an implementer within the reporter's scope). */
  readonly entity: string;
  /** The validated report, as JSON. */
  readonly payload: string;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly reason: string | null;
}

const row = (s: string) => `{ id: ${s}.id, projectKey: ${s}.projectKey, version: ${s}.version,
    status: ${s}.status, entity: ${s}.entity, payload: ${s}.payload, submittedBy: ${s}.submittedBy,
    submittedAt: toString(${s}.submittedAt), reviewedBy: ${s}.reviewedBy,
    reviewedAt: CASE WHEN ${s}.reviewedAt IS NULL THEN null ELSE toString(${s}.reviewedAt) END,
    reason: ${s}.reason }`;

/** The submission a client key already made, with the digest of the request that made it. */
export const submissionByIdempotencyKey = trustedCypher<
  { idempotencyKey: string },
  SubmissionRow & { readonly requestDigest: string }
>(
  'submissionByIdempotencyKey',
  `
  MATCH (s:Submission {idempotencyKey: $idempotencyKey})
  RETURN ${row('s').replace(/ }$/, ', requestDigest: s.requestDigest }')} AS row`,
);

export const submissionById = trustedCypher<{ id: string }, SubmissionRow>(
  'submissionById',
  `
  MATCH (s:Submission {id: $id}) RETURN ${row('s')} AS row`,
);

/** The latest version of a reported project (what an update or withdrawal must name). */
export const latestSubmission = trustedCypher<{ projectKey: string }, SubmissionRow>(
  'latestSubmission',
  `
  MATCH (s:Submission {projectKey: $projectKey})
  RETURN ${row('s')} AS row ORDER BY s.version DESC LIMIT 1`,
);

/**
 * Creates a version. The (projectKey, version) and idempotencyKey constraints make a concurrent
 * second writer of the same version, or of the same client key, fail at commit.
 */
export const createSubmission = trustedCypher<
  {
    id: string;
    projectKey: string;
    version: number;
    entity: string;
    payload: string;
    submittedBy: string;
    idempotencyKey: string;
    requestDigest: string;
  },
  SubmissionRow
>(
  'createSubmission',
  `
  CREATE (s:Submission {id: $id, projectKey: $projectKey, version: $version, status: 'submitted',
                        entity: $entity, payload: $payload, submittedBy: $submittedBy,
                        submittedAt: datetime(), idempotencyKey: $idempotencyKey,
                        requestDigest: $requestDigest})
  RETURN ${row('s')} AS row`,
);

/** Earlier versions still waiting for review are superseded by a newer one. */
export const supersedePending = cypher<{ projectKey: string; version: number }, number>(
  'supersedePending',
)`
  MATCH (s:Submission {projectKey: $projectKey})
  WHERE s.status = 'submitted' AND s.version < $version
  SET s.status = 'superseded'
  RETURN count(s) AS row`;

/** Sets a submission's review outcome (or withdrawal); returns the new row. */
export const setSubmissionStatus = trustedCypher<
  { id: string; status: string; reviewedBy: string | null; reason: string | null },
  SubmissionRow
>(
  'setSubmissionStatus',
  `
  MATCH (s:Submission {id: $id})
  SET s.status = $status, s.reviewedBy = $reviewedBy, s.reviewedAt = datetime(), s.reason = $reason
  RETURN ${row('s')} AS row`,
);

/** Withdraws a project's latest, waiting and accepted versions (the reporter's word, or a reviewer's). */
export const withdrawVersions = cypher<
  { projectKey: string; latest: string; by: string; reason: string | null },
  number
>('withdrawVersions')`
  MATCH (s:Submission {projectKey: $projectKey})
  WHERE s.status IN ['submitted', 'accepted'] OR s.id = $latest
  SET s.status = 'withdrawn', s.reviewedBy = $by, s.reviewedAt = datetime(), s.reason = $reason
  RETURN count(s) AS row`;

/** The accepted version of a project, replaced when a newer one is accepted. */
export const supersedeAccepted = cypher<{ projectKey: string; except: string }, number>(
  'supersedeAccepted',
)`
  MATCH (s:Submission {projectKey: $projectKey, status: 'accepted'}) WHERE s.id <> $except
  SET s.status = 'superseded'
  RETURN count(s) AS row`;

/** Every accepted version: what a reload of the seed publishes again. */
export const acceptedSubmissions = trustedCypher<Record<string, never>, SubmissionRow>(
  'acceptedSubmissions',
  `
  MATCH (s:Submission {status: 'accepted'}) RETURN ${row('s')} AS row ORDER BY s.projectKey`,
);

/** A page of submissions; `entities` null means every entity (reviewers, admins). */
export const listSubmissions = trustedCypher<
  {
    statuses: string[] | null;
    entities: string[] | null;
    projectKey: string | null;
    skip: number;
    limit: number;
  },
  { total: number; items: SubmissionRow[] }
>(
  'listSubmissions',
  `
  MATCH (s:Submission)
  WHERE ($statuses IS NULL OR s.status IN $statuses)
    AND ($entities IS NULL OR s.entity IN $entities)
    AND ($projectKey IS NULL OR s.projectKey = $projectKey)
  WITH s ORDER BY s.submittedAt DESC, s.id
  WITH collect(s) AS matched
  RETURN { total: size(matched), items: [s IN matched[$skip..$skip + $limit] | ${row('s')}] } AS row`,
);

/** Removes a published reported project and its report document (a new version replaces them). */
export const unpublishProject = cypher<{ projectKey: string }, number>('unpublishProject')`
  OPTIONAL MATCH (p:Project {key: $projectKey}) WHERE p.reportSubmission IS NOT NULL
  OPTIONAL MATCH (d:Document {reportOf: $projectKey})
  WITH collect(DISTINCT p) + collect(DISTINCT d) AS gone
  FOREACH (n IN gone | DETACH DELETE n)
  RETURN size(gone) AS row`;

/** A curated (seed) project with this key: a reported key must not take it. */
export const curatedProjectExists = cypher<{ projectKey: string }, boolean>('curatedProjectExists')`
  RETURN EXISTS { MATCH (p:Project {key: $projectKey}) WHERE p.reportSubmission IS NULL } AS row`;

/** Keys a report names, per kind (the statement answers with the same shape: the unknown ones). */
export interface ReferenceKeys {
  entities: string[];
  states: string[];
  regions: string[];
  themes: string[];
  recommendations: string[];
  resolutions: string[];
}

/** Which of the keys a report names are not in the graph, per kind. */
export const unknownReferences = cypher<ReferenceKeys, ReferenceKeys>('unknownReferences')`
  RETURN {
    entities: [k IN $entities WHERE NOT EXISTS { MATCH (:Entity {key: k}) }],
    states: [k IN $states WHERE NOT EXISTS { MATCH (:MemberState {key: k}) }],
    regions: [k IN $regions WHERE NOT EXISTS { MATCH (:Region {key: k}) }],
    themes: [k IN $themes WHERE NOT EXISTS { MATCH (:ThematicArea {key: k}) }],
    recommendations: [k IN $recommendations WHERE NOT EXISTS { MATCH (:Recommendation {key: k}) }],
    resolutions: [k IN $resolutions WHERE NOT EXISTS { MATCH (:Resolution {key: k}) }]
  } AS row`;

/** The reported implementation links of a published project, with why. */
export const writeReportedImplements = cypher<
  {
    project: string;
    rows: { recommendation: string; justification: string; document: string; paragraph: string }[];
  },
  number
>('writeReportedImplements')`
  MATCH (p:Project {key: $project})
  UNWIND $rows AS row
  MATCH (r:Recommendation {key: row.recommendation})
  CREATE (p)-[i:IMPLEMENTS {evidence: 'reported', how: 'stated', justification: row.justification,
                            sourceDocuments: [row.document], sourceParagraphs: [row.paragraph]}]->(r)
  RETURN count(i) AS row`;

/** Why a reported project supports a resolution (the seed format has no field for it). */
export const setSupportJustifications = cypher<
  { project: string; rows: { resolution: string; justification: string }[] },
  number
>('setSupportJustifications')`
  MATCH (p:Project {key: $project})
  UNWIND $rows AS row
  MATCH (p)-[s:SUPPORTS]->(:Resolution {key: row.resolution})
  SET s.justification = row.justification
  RETURN count(s) AS row`;

/** One audit event: who did what to which record, the state before and after (JSON). */
export interface AuditRow {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly action: string;
  readonly target: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly requestId: string | null;
}

export const recordAudit = cypher<
  {
    id: string;
    actor: string;
    role: string;
    action: string;
    target: string;
    before: string | null;
    after: string | null;
    requestId: string | null;
  },
  string
>('recordAudit')`
  CREATE (a:AuditEvent {id: $id, at: datetime(), actor: $actor, role: $role, action: $action,
                        target: $target, before: $before, after: $after, requestId: $requestId})
  RETURN a.id AS row`;

export const listAudit = cypher<
  {
    target: string | null;
    actor: string | null;
    actions: string[] | null;
    skip: number;
    limit: number;
  },
  { total: number; items: AuditRow[] }
>('listAudit')`
  MATCH (a:AuditEvent)
  WHERE ($target IS NULL OR a.target = $target)
    AND ($actor IS NULL OR a.actor = $actor)
    AND ($actions IS NULL OR a.action IN $actions)
  WITH a ORDER BY a.at DESC, a.id DESC
  WITH collect(a) AS matched
  RETURN { total: size(matched), items: [a IN matched[$skip..$skip + $limit] | {
    id: a.id, at: toString(a.at), actor: a.actor, role: a.role, action: a.action, target: a.target,
    before: a.before, after: a.after, requestId: a.requestId }] } AS row`;
