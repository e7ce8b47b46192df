import { fromEnum, toEnum } from '../core/enums.js';
import { connection, parsePage } from '../core/paging.js';
import { asLabel } from '../core/rows.js';
import type { Context } from '../graphql/context.js';
import type {
  ImplementerRole,
  ProjectReportInput,
  ProjectStatus,
  Resolvers,
  Role,
  SubmissionStatus,
} from '../graphql/generated.js';
import { importProjects } from './import.js';
import { authorize, entityScope } from './permissions.js';
import type { ProjectReport } from './report.js';
import { listAudit, listSubmissions, submissionById } from './reporting.cypher.js';
import {
  acceptSubmission,
  rejectSubmission,
  submitProject,
  updateProjectReport,
  withdrawProjectReport,
  type Caller,
} from './submissions.js';

/**
 * The GraphQL input as the report schema reads it: enum values in stored case, and lists the
 * caller left out absent (so the schema's defaults apply). Validation happens in the schema.
 */
function reportInput(input: ProjectReportInput): Record<string, unknown> {
  const present = Object.entries(input).filter(
    ([, value]) => value !== null && value !== undefined,
  );
  const raw: Record<string, unknown> = Object.fromEntries(present);
  if (input.implementers)
    raw['implementers'] = input.implementers.map((i) => ({
      entity: i.entity,
      role: fromEnum(i.role),
    }));
  if (input.status) raw['status'] = fromEnum(input.status);
  if (input.period)
    raw['period'] = { start: input.period.start ?? null, end: input.period.end ?? null };
  if (input.budget)
    raw['budget'] = Object.fromEntries(
      Object.entries(input.budget).filter(([, value]) => value !== null && value !== undefined),
    );
  return raw;
}

const caller = (ctx: Context, operation: Parameters<typeof authorize>[1]): Caller => ({
  actor: authorize(ctx.principal, operation),
  requestId: ctx.requestId,
});

export const reportingResolvers: Resolvers = {
  Query: {
    submissions: async (_root, args, ctx) => {
      const { actor } = caller(ctx, 'submissions');
      const page = parsePage(args.first, args.after, ctx.limits.maxPage);
      const scope = entityScope(actor);
      const [result] = await ctx.db.read(listSubmissions, {
        statuses: args.status?.map((s) => fromEnum(s)) ?? null,
        entities: scope === null ? null : [...scope],
        projectKey: args.projectKey ?? null,
        skip: page.offset,
        limit: page.first,
      });
      return connection(page, result);
    },
    submission: async (_root, { id }, ctx) => {
      const { actor } = caller(ctx, 'submissions');
      const [row] = await ctx.db.read(submissionById, { id });
      const scope = entityScope(actor);
      // Another entity's submission answers as one that does not exist.
      if (!row || (scope !== null && !scope.includes(row.entity))) return null;
      return row;
    },
    auditTrail: async (_root, args, ctx) => {
      caller(ctx, 'auditTrail');
      const page = parsePage(args.first, args.after, ctx.limits.maxPage);
      const [result] = await ctx.db.read(listAudit, {
        target: args.target ?? null,
        actor: args.actor ?? null,
        actions: args.actions ? [...args.actions] : null,
        skip: page.offset,
        limit: page.first,
      });
      return connection(page, result);
    },
  },
  Mutation: {
    submitProject: (_root, args, ctx) =>
      submitProject(
        ctx.db,
        caller(ctx, 'submitProject'),
        reportInput(args.report),
        args.idempotencyKey,
      ),
    updateProjectReport: (_root, args, ctx) =>
      updateProjectReport(
        ctx.db,
        caller(ctx, 'updateProjectReport'),
        args.projectKey,
        args.version,
        reportInput(args.report),
        args.idempotencyKey,
      ),
    withdrawProjectReport: (_root, args, ctx) =>
      withdrawProjectReport(
        ctx.db,
        caller(ctx, 'withdrawProjectReport'),
        args.projectKey,
        args.version,
        args.reason ?? null,
      ),
    acceptSubmission: (_root, { id }, ctx) =>
      acceptSubmission(ctx.db, caller(ctx, 'acceptSubmission'), id),
    importProjects: (_root, args, ctx) =>
      importProjects(
        ctx.db,
        caller(ctx, 'importProjects'),
        args.format === 'CSV' ? 'csv' : 'iati',
        args.content,
        args.dryRun !== false,
      ),
    rejectSubmission: (_root, { id, reason }, ctx) =>
      rejectSubmission(ctx.db, caller(ctx, 'rejectSubmission'), id, reason),
  },
  Submission: {
    status: (s) => toEnum<SubmissionStatus>(s.status),
    report: (s) => JSON.parse(s.payload) as ProjectReport,
    project: async (s, _args, ctx) =>
      s.status === 'accepted'
        ? asLabel(await ctx.loaders.nodeByKey('Project').load(s.projectKey), 'Project')
        : null,
  },
  ProjectReportContent: {
    implementers: (r) =>
      r.implementers.map((i) => ({ entity: i.entity, role: toEnum<ImplementerRole>(i.role) })),
    status: (r) => toEnum<ProjectStatus>(r.status),
    period: (r) =>
      r.period === null ? null : { start: r.period.start, end: r.period.end, asWritten: null },
  },
  ReportProvenance: {
    reportedBy: async (r, _args, ctx) =>
      r.reportedBy
        ? asLabel(await ctx.loaders.nodeByKey('Entity').load(r.reportedBy), 'Entity')
        : null,
    reportedByKey: (r) => r.reportedBy ?? '',
    submittedBy: (r) => r.reportSubmittedBy ?? '',
    reportedAt: (r) => r.reportedAt ?? '',
    acceptedBy: (r) => r.reportAcceptedBy ?? '',
    acceptedAt: (r) => r.reportAcceptedAt ?? '',
    version: (r) => r.reportVersion ?? 0,
    submission: (r) => r.reportSubmission ?? '',
  },
  ImportResult: {
    format: (r) => (r.format === 'csv' ? 'CSV' : 'IATI'),
  },
  AuditEvent: {
    role: (a) => toEnum<Role>(a.role),
  },
};
