// Publishing an accepted report: the project, its links and a report document (the provenance
// every reported fact cites) written through the seed's own checks and writer, links marked
// REPORTED. Runs inside the caller's write transaction; the caller refreshes derived data.
import type { Tx } from '../db/db.js';
import {
  buildGraph,
  emptyDataset,
  writeGraphIn,
  type ExistingKeys,
  type Graph,
  type NodeRow,
  type SeedIssue,
} from '../records/index.js';
import { toProjectRecord, type ProjectReport, type ReportProblem } from './report.js';
import {
  setSupportJustifications,
  unknownReferences,
  unpublishProject,
  writeReportedImplements,
  type ReferenceKeys,
  type SubmissionRow,
} from './reporting.cypher.js';

/** Who accepted a version, and when (ISO date-time). */
export interface Acceptance {
  readonly acceptedBy: string;
  readonly acceptedAt: string;
}

/** The key of the document a published version cites: one per project, replaced per version. */
export const reportDocumentKey = (projectKey: string): string => `ctkg-report:${projectKey}`;

/** Every key a report refers to, by the label it must carry. */
export function referencesOf(report: ProjectReport): ReferenceKeys {
  return {
    entities: [...new Set(report.implementers.map((i) => i.entity))],
    states: report.beneficiaries,
    regions: report.regions,
    themes: report.themes,
    recommendations: report.recommendations.map((r) => r.key),
    resolutions: report.resolutions.map((r) => r.key),
  };
}

/** Which of the given keys the graph lacks, per kind: one statement, however many reports. */
export async function unknownKeys(
  run: Pick<Tx, 'run'>,
  refs: ReferenceKeys,
): Promise<ReferenceKeys> {
  const [unknown] = await run.run(unknownReferences, refs);
  return (
    unknown ?? {
      entities: [],
      states: [],
      regions: [],
      themes: [],
      recommendations: [],
      resolutions: [],
    }
  );
}

/** The keys of many reports, merged for one `unknownKeys` call. */
export function mergedReferences(reports: readonly ProjectReport[]): ReferenceKeys {
  const all = reports.map(referencesOf);
  const merge = (pick: (r: ReferenceKeys) => string[]) => [...new Set(all.flatMap(pick))];
  return {
    entities: merge((r) => r.entities),
    states: merge((r) => r.states),
    regions: merge((r) => r.regions),
    themes: merge((r) => r.themes),
    recommendations: merge((r) => r.recommendations),
    resolutions: merge((r) => r.resolutions),
  };
}

/** The report's references among `unknown`, each as the path of the field that names it. */
export function referenceProblems(report: ProjectReport, unknown: ReferenceKeys): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const flag = (
    values: readonly string[],
    missing: readonly string[],
    path: string,
    what: string,
  ) =>
    values.forEach((value, i) => {
      if (missing.includes(value))
        problems.push({ path: `${path}.${i}`, value, message: `unknown ${what} "${value}"` });
    });
  report.implementers.forEach((x, i) => {
    if (unknown.entities.includes(x.entity))
      problems.push({
        path: `implementers.${i}.entity`,
        value: x.entity,
        message: `unknown entity "${x.entity}"`,
      });
  });
  flag(report.beneficiaries, unknown.states, 'beneficiaries', 'Member State');
  flag(report.regions, unknown.regions, 'regions', 'region');
  flag(report.themes, unknown.themes, 'themes', 'thematic area');
  const keyed = (
    list: readonly { key: string }[],
    missing: readonly string[],
    path: string,
    what: string,
  ) =>
    list.forEach((x, i) => {
      if (missing.includes(x.key))
        problems.push({
          path: `${path}.${i}.key`,
          value: x.key,
          message: `unknown ${what} "${x.key}"`,
        });
    });
  keyed(report.recommendations, unknown.recommendations, 'recommendations', 'recommendation');
  keyed(report.resolutions, unknown.resolutions, 'resolutions', 'resolution');
  return problems;
}

/** The report's references missing from the graph, each as the path of the field that names it. */
export async function missingReferences(
  run: Pick<Tx, 'run'>,
  report: ProjectReport,
): Promise<ReportProblem[]> {
  return referenceProblems(report, await unknownKeys(run, referencesOf(report)));
}

/** The rows of one published version; every link it states is REPORTED evidence. */
function reportGraph(
  submission: SubmissionRow,
  report: ProjectReport,
  acceptance: Acceptance,
  issues: SeedIssue[],
): Graph {
  const documentKey = reportDocumentKey(submission.projectKey);
  const data = emptyDataset();
  data.documents.push({
    key: documentKey,
    sources: [],
    illustrative: false,
    title: `Project report: ${report.title} (${submission.entity}, version ${submission.version})`,
    symbol: null,
    symbolPrinted: false,
    date: acceptance.acceptedAt.slice(0, 10),
    language: 'en',
    publisher: submission.entity,
    role: 'report',
  });
  data.projects.push(toProjectRecord(report, submission.projectKey, documentKey));
  // References were checked against the graph before this point: every key is taken as existing.
  const refs = referencesOf(report);
  const existing: ExistingKeys = new Map([
    ['Entity', new Set(refs.entities)],
    ['MemberState', new Set(refs.states)],
    ['Region', new Set(refs.regions)],
    ['ThematicArea', new Set(refs.themes)],
    ['Resolution', new Set(refs.resolutions)],
  ]);
  const graph = buildGraph({ data, origin: new Map(), files: [] }, existing, issues);
  const provenance = {
    reportedBy: submission.entity,
    reportSubmittedBy: submission.submittedBy,
    reportedAt: submission.submittedAt,
    reportAcceptedBy: acceptance.acceptedBy,
    reportAcceptedAt: acceptance.acceptedAt,
    reportVersion: submission.version,
    reportSubmission: submission.id,
  };
  const nodes = new Map(
    [...graph.nodes].map(([label, rows]): [typeof label, NodeRow[]] => [
      label,
      rows.map((row) => ({
        key: row.key,
        props: {
          ...row.props,
          ...provenance,
          ...(label === 'Document' ? { reportOf: submission.projectKey } : {}),
        },
      })),
    ]),
  );
  return {
    ...graph,
    nodes,
    rels: graph.rels.map((rel) => ({ ...rel, props: { ...rel.props, evidence: 'reported' } })),
  };
}

/**
 * Replaces the published state of `submission.projectKey` by this version. Throws nothing for
 * dangling references: the caller checked them (a submission), or accepts losing a link whose
 * target a reload removed (a republish), which `issues` then lists.
 */
export async function publishReport(
  tx: Tx,
  submission: SubmissionRow,
  report: ProjectReport,
  acceptance: Acceptance,
): Promise<readonly SeedIssue[]> {
  await tx.run(unpublishProject, { projectKey: submission.projectKey });
  const issues: SeedIssue[] = [];
  await writeGraphIn(tx, reportGraph(submission, report, acceptance, issues), { replace: false });
  const document = reportDocumentKey(submission.projectKey);
  await tx.run(writeReportedImplements, {
    project: submission.projectKey,
    rows: report.recommendations.map((r, i) => ({
      recommendation: r.key,
      justification: r.justification,
      document,
      paragraph: `recommendations.${i}`,
    })),
  });
  await tx.run(setSupportJustifications, {
    project: submission.projectKey,
    rows: report.resolutions.map((r) => ({ resolution: r.key, justification: r.justification })),
  });
  return issues;
}
