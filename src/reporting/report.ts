// A project as an entity reports it (A/73/866 para 59): the seed format's project fields, with
// a justification in place of a document reference on every link. The API, the CSV template and
// IATI activities all reach the graph through `validateReport`, then `toProjectRecord`, which
// checks the result against the seed's own ProjectRecord schema.
import { z } from 'zod';
import { Pillar, ProjectRecord, ProjectStatus } from '../records/index.js';

const text = z.string().trim().min(1);
const key = text.max(200);
const year = z.number().int().min(1900).max(2100);
const justified = z.strictObject({ key, justification: text.max(500) });

/** Caps on what one report may carry: a report is one project, not a bulk load. */
export const REPORT_CAPS = {
  implementers: 50,
  beneficiaries: 200,
  regions: 50,
  themes: 20,
  codes: 20,
  links: 50,
} as const;

export const ProjectReport = z
  .strictObject({
    title: text.max(300),
    summary: text.max(2000).optional(),
    codes: z.array(text.max(100)).max(REPORT_CAPS.codes).default([]),
    pillars: z.array(Pillar).max(4).default([]),
    implementers: z
      .array(z.strictObject({ entity: key, role: z.enum(['lead', 'partner', 'funder']) }))
      .min(1)
      .max(REPORT_CAPS.implementers),
    beneficiaries: z
      .array(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code'))
      .max(REPORT_CAPS.beneficiaries)
      .default([]),
    regions: z.array(key).max(REPORT_CAPS.regions).default([]),
    global: z.boolean().default(false),
    themes: z.array(key).max(REPORT_CAPS.themes).default([]),
    period: z
      .strictObject({ start: year.nullable().default(null), end: year.nullable().default(null) })
      .refine((p) => p.start === null || p.end === null || p.start <= p.end, {
        message: 'start must not be after end',
        path: ['end'],
      })
      .nullable()
      .default(null),
    status: ProjectStatus.default('unknown'),
    budget: z
      .strictObject({
        amount: z.number().finite().nonnegative(),
        currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
        year: year.optional(),
      })
      .nullable()
      .default(null),
    /** Recommendations the project answers, each with why. */
    recommendations: z.array(justified).max(REPORT_CAPS.links).default([]),
    /** Resolutions the project supports, each with why. */
    resolutions: z.array(justified).max(REPORT_CAPS.links).default([]),
  })
  .superRefine((report, ctx) => {
    const dup = (list: readonly string[], path: string) => {
      const seen = new Set<string>();
      list.forEach((value, i) => {
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', message: `"${value}" is listed twice`, path: [path, i] });
        seen.add(value);
      });
    };
    dup(
      report.implementers.map((i) => `${i.entity}/${i.role}`),
      'implementers',
    );
    dup(report.beneficiaries, 'beneficiaries');
    dup(report.regions, 'regions');
    dup(report.themes, 'themes');
    dup(
      report.recommendations.map((r) => r.key),
      'recommendations',
    );
    dup(
      report.resolutions.map((r) => r.key),
      'resolutions',
    );
  });
export type ProjectReport = z.infer<typeof ProjectReport>;

/** One thing wrong with a report: where (a dotted path), the value found, and what is wrong. */
export interface ReportProblem {
  readonly path: string;
  readonly value: string | null;
  readonly message: string;
}

const MAX_VALUE_CHARS = 120;

/** The value at `path` in `input`, as a short string for a problem report (null when absent). */
function valueAt(input: unknown, path: readonly PropertyKey[]): string | null {
  let at: unknown = input;
  for (const step of path) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<PropertyKey, unknown>)[step];
  }
  if (at === undefined) return null;
  const shown = typeof at === 'string' ? at : JSON.stringify(at);
  return shown.length > MAX_VALUE_CHARS ? `${shown.slice(0, MAX_VALUE_CHARS)}…` : shown;
}

/** Validates a report; every problem names its path and value. */
export function validateReport(
  input: unknown,
): { ok: true; report: ProjectReport } | { ok: false; problems: ReportProblem[] } {
  const result = ProjectReport.safeParse(input);
  if (result.success) return { ok: true, report: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      value: valueAt(input, issue.path),
      message: issue.message,
    })),
  };
}

/**
 * The report as a seed-format project record whose every fact cites the report's own document
 * (`paragraph` names the report's field), validated by the seed's schema.
 */
export function toProjectRecord(
  report: ProjectReport,
  projectKey: string,
  documentKey: string,
): ProjectRecord {
  const at = (paragraph: string) => ({ document: documentKey, paragraph });
  return ProjectRecord.parse({
    key: projectKey,
    sources: [at('project')],
    title: report.title,
    summary: report.summary,
    codes: report.codes,
    pillars: report.pillars,
    period: report.period === null ? null : { start: report.period.start, end: report.period.end },
    statuses: [{ status: report.status, source: at('status') }],
    budgets:
      report.budget === null
        ? []
        : [
            {
              amount: report.budget.amount,
              currency: report.budget.currency,
              year: report.budget.year,
              source: at('budget'),
            },
          ],
    implementers: report.implementers.map((x, i) => ({ ...x, source: at(`implementers.${i}`) })),
    beneficiaries: report.beneficiaries.map((state, i) => ({
      state,
      source: at(`beneficiaries.${i}`),
    })),
    regions: report.regions.map((region, i) => ({ region, source: at(`regions.${i}`) })),
    global: report.global,
    themes: report.themes.map((theme, i) => ({
      theme,
      how: 'stated',
      source: at(`themes.${i}`),
    })),
    // Justifications are not seed fields: the reporting writer sets them on the written links.
    resolutions: report.resolutions.map((r, i) => ({
      resolution: r.key,
      source: at(`resolutions.${i}`),
    })),
  });
}
