// The reporting area (issue 10): entities report their projects, reviewers accept or reject them,
// accepted versions are published with REPORTED evidence, and every write is audited.
export { reportingResolvers } from './reporting.resolvers.js';
export { audit, republishAccepted } from './submissions.js';
export { ProjectReport, validateReport, type ReportProblem } from './report.js';
export type { AuditRow, SubmissionRow } from './reporting.cypher.js';
export type { ImportResult as ImportResultRow } from './import.js';
