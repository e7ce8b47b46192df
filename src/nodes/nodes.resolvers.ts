import { toEnum } from '../core/enums.js';
import { linkEvidenceField } from '../core/evidence.js';
import { isLabel, type Label } from '../core/ids.js';
import type { Context } from '../graphql/context.js';
import type {
  Audience,
  EntityKind,
  Evidence,
  ProjectStatus,
  Resolvers,
  ResponseKind,
} from '../graphql/generated.js';
import { readNodes } from './nodes.reads.js';
import { ALL_LINKS, linkScope, linkSlot, type LinkScope } from './link-scope.js';
import { compiledLinks } from './projection.js';
import { RELATIONS, type RelationName } from './relations.js';
import {
  hasLabel,
  type LinkRow,
  type NodeRow,
  type ProjectRow,
  type ReportProvenanceRow,
  type RowOf,
  type SourceRow,
} from '../core/rows.js';

type LinkArgs = { includeIllustrative?: boolean | null; evidence?: readonly string[] | null };
type Parent = Pick<NodeRow, 'key' | '_links' | '_nodes' | '_sources'>;

/**
 * The links of `relation` from `parent`: compiled into the statement that read the parent when it
 * was (see projection.ts), else one batched round trip per field per level.
 */
function links(
  relation: RelationName,
  parent: Parent,
  scope: LinkScope,
  ctx: Context,
  info: { fieldName: string },
): Promise<LinkRow[]> | LinkRow[] {
  const compiled = compiledLinks(parent, linkSlot(info.fieldName, scope), RELATIONS[relation]);
  return compiled ?? ctx.loaders.links(relation, scope).load(parent.key);
}

/** A relationship field with an `includeIllustrative` argument (false by default), maybe `evidence`. */
const linkField =
  (relation: RelationName) =>
  (parent: Parent, args: LinkArgs, ctx: Context, info: { fieldName: string }) =>
    links(relation, parent, linkScope(args), ctx, info);

const sourcesOf =
  (label: Label) =>
  (parent: Parent, _args: unknown, ctx: Context): Promise<SourceRow[]> | SourceRow[] =>
    parent._sources ?? ctx.loaders.sourcesByKey(label).load(parent.key);

function zipSources(
  documents: readonly string[] | undefined,
  paragraphs: readonly string[] | undefined,
): SourceRow[] {
  return (documents ?? []).map((document, i) => ({ document, paragraph: paragraphs?.[i] ?? '' }));
}

const nodeBase = (label: Label) => ({
  id: (row: { key: string }) => `${label}:${row.key}`,
  sources: sourcesOf(label),
  illustrative: (row: { illustrative?: boolean | null }) => row.illustrative === true,
});

// Fields every link type shares.
const linkBase = {
  sources: (link: LinkRow) => zipSources(link.props.sourceDocuments, link.props.sourceParagraphs),
  how: (link: LinkRow) => (link.props.how ? toEnum<'STATED' | 'INFERRED'>(link.props.how) : null),
  rule: (link: LinkRow) => link.props.rule ?? null,
  illustrative: (link: LinkRow) =>
    link.props.illustrative === true || link.node.illustrative === true,
  evidence: (link: LinkRow) => toEnum<Evidence>(linkEvidenceField.evidence(link.props)),
};

const justification = (link: LinkRow) =>
  typeof link.props.justification === 'string' ? link.props.justification : null;

/** The reporting provenance of a published report's project or document; null otherwise. */
const reportOf = (row: ReportProvenanceRow) =>
  row.reportSubmission === null || row.reportSubmission === undefined ? null : row;

// What an implementation link inferred by ctkg's rules adds.
const inferredBase = {
  score: (link: LinkRow) => linkEvidenceField.score(link.props),
  reasons: (link: LinkRow) => linkEvidenceField.reasons(link.props),
  rulesVersion: (link: LinkRow) => linkEvidenceField.rulesVersion(link.props),
};

const resolveNodeType = (row: NodeRow) => row.label;

/** `row` as the row type of `labels`; a row of another label is a broken link in the graph. */
function labelled<L extends NodeRow['label']>(row: NodeRow, labels: readonly L[]): RowOf<L> {
  if (hasLabel(row, labels)) return row;
  throw new Error(`a link reaches a ${row.label} where ${labels.join(' or ')} was expected`);
}

/** The node at the far end of a link, typed as the link field promises. */
const farEnd =
  <L extends NodeRow['label']>(labels: readonly L[]) =>
  (link: LinkRow): RowOf<L> =>
    labelled(link.node, labels);

export const nodeResolvers: Resolvers = {
  Query: {
    node: async (_root, { id }, ctx, info) =>
      (await readNodes(ctx.db, info, info.fieldNodes, [id], 'id'))[0] ?? null,
    nodes: (_root, { ids }, ctx, info) => readNodes(ctx.db, info, info.fieldNodes, ids, 'ids'),
  },
  Node: { __resolveType: resolveNodeType },
  Addressee: { __resolveType: (row) => (row.label === 'MemberState' ? 'MemberState' : 'Entity') },
  Reference: {
    __resolveType: (row) => (row.label === 'Resolution' ? 'Resolution' : 'LegalInstrument'),
  },
  Contributor: { __resolveType: (row) => (row.label === 'MemberState' ? 'MemberState' : 'Entity') },
  Link: { __resolveType: () => null },
  Source: {
    document: async (source, _args, ctx) => {
      const document =
        source.doc ?? (await ctx.loaders.nodeByKey('Document').load(source.document));
      if (document?.label !== 'Document')
        throw new Error(`Source cites unknown document ${source.document}`);
      return document;
    },
  },
  Project: {
    ...nodeBase('Project'),
    report: reportOf,
    pillars: (p) => p.pillars as ('I' | 'II' | 'III' | 'IV')[],
    status: (p) => toEnum<ProjectStatus>(p.status),
    // A missing property is absent from a full row and null in a projection: both mean unknown.
    period: ({ startYear = null, endYear = null, periodAsWritten = null }) =>
      startYear === null && endYear === null && periodAsWritten === null
        ? null
        : { start: startYear, end: endYear, asWritten: periodAsWritten },
    statusHistory: (p: ProjectRow) =>
      p.statusValues.map((status, i) => ({
        status,
        asWritten: p.statusAsWritten[i] || null,
        asOf: p.statusAsOf[i] || null,
        source: { document: p.statusDocuments[i] ?? '', paragraph: p.statusParagraphs[i] ?? '' },
      })),
    budgets: (p: ProjectRow) =>
      p.budgetAmounts.map((amount, i) => ({
        amount,
        currency: p.budgetCurrencies[i] ?? '',
        kind: p.budgetKinds[i] || null,
        year: p.budgetYears[i] || null,
        source: { document: p.budgetDocuments[i] ?? '', paragraph: p.budgetParagraphs[i] ?? '' },
      })),
    implementers: linkField('projectImplementers'),
    beneficiaries: linkField('projectBeneficiaries'),
    regions: linkField('projectRegions'),
    resolutions: linkField('projectResolutions'),
    themes: linkField('projectThemes'),
    recommendations: linkField('projectRecommendations'),
    continues: linkField('projectContinues'),
    continuedBy: linkField('projectContinuedBy'),
  },
  StatusReport: { status: (s) => toEnum<ProjectStatus>(s.status) },
  Recommendation: {
    ...nodeBase('Recommendation'),
    audience: (r) => toEnum<Audience>(r.audience),
    pillars: (r) => r.pillars as ('I' | 'II' | 'III' | 'IV')[],
    issuer: async (r, _args, ctx, info) => {
      const [link] = await links('recommendationIssuer', r, ALL_LINKS, ctx, info);
      return link?.node.label === 'Entity' ? link.node : null;
    },
    responseKind: (r) => (r.responseKind ? toEnum<ResponseKind>(r.responseKind) : null),
    responseReason: (r) => r.responseReason ?? null,
    // Not yet classified counts as answerable: the gap questions never hide an unread one.
    projectAnswerable: (r) => (r.responseKind ?? 'project') === 'project',
    responses: (r) =>
      (r.responseSummaries ?? []).map((summary, i) => ({
        summary,
        source: {
          document: r.responseDocuments?.[i] ?? '',
          paragraph: r.responseParagraphs?.[i] ?? '',
        },
      })),
    addressedTo: linkField('recommendationAddressees'),
    implementingProjects: linkField('recommendationProjects'),
    themes: linkField('recommendationThemes'),
    refersTo: linkField('recommendationReferences'),
  },
  Entity: {
    ...nodeBase('Entity'),
    kind: (e) => toEnum<EntityKind>(e.kind),
    projects: linkField('entityProjects'),
    recommendationsIssued: linkField('entityIssued'),
    recommendationsReceived: linkField('entityReceived'),
    mandatedBy: linkField('entityMandatedBy'),
    contributions: async (e, _args, ctx, info) =>
      (await links('entityContributions', e, ALL_LINKS, ctx, info)).map((l) => ({
        contributor: l.node,
        recipient: e,
        props: l.props,
      })),
  },
  MemberState: {
    ...nodeBase('MemberState'),
    projects: linkField('memberStateProjects'),
    recommendations: linkField('memberStateRecommendations'),
    regions: linkField('memberStateRegions'),
    contributions: async (s, _args, ctx, info) =>
      (await links('memberStateContributions', s, ALL_LINKS, ctx, info)).map((l) => ({
        contributor: s,
        recipient: l.node,
        props: l.props,
      })),
  },
  Region: {
    ...nodeBase('Region'),
    members: linkField('regionMembers'),
    projects: linkField('regionProjects'),
  },
  Resolution: {
    ...nodeBase('Resolution'),
    supportingProjects: linkField('resolutionProjects'),
    mandates: linkField('resolutionMandates'),
    citingRecommendations: linkField('resolutionCitedBy'),
  },
  LegalInstrument: {
    ...nodeBase('LegalInstrument'),
    citingRecommendations: linkField('instrumentCitedBy'),
  },
  ThematicArea: {
    ...nodeBase('ThematicArea'),
    projects: linkField('themeProjects'),
    recommendations: linkField('themeRecommendations'),
  },
  Document: {
    ...nodeBase('Document'),
    report: reportOf,
    reconciliation: (d) =>
      (d.reconciliationScopes ?? []).map((scope, i) => ({
        scope,
        stated: d.reconciliationStated?.[i] || null,
        parsed: d.reconciliationParsed?.[i] || null,
        note: d.reconciliationNotes?.[i] || null,
      })),
  },
  EntityLink: { ...linkBase, entity: farEnd(['Entity']), role: (l) => l.props.role ?? null },
  ProjectLink: {
    ...linkBase,
    ...inferredBase,
    project: farEnd(['Project']),
    role: (l) => l.props.role ?? null,
    justification,
  },
  MemberStateLink: {
    ...linkBase,
    memberState: farEnd(['MemberState']),
    basis: (l) => l.props.basis ?? null,
  },
  RegionLink: { ...linkBase, region: farEnd(['Region']), basis: (l) => l.props.basis ?? null },
  ResolutionLink: { ...linkBase, resolution: farEnd(['Resolution']), justification },
  RecommendationLink: {
    ...linkBase,
    ...inferredBase,
    recommendation: farEnd(['Recommendation']),
    justification,
  },
  ThematicAreaLink: { ...linkBase, thematicArea: farEnd(['ThematicArea']) },
  AddresseeLink: { ...linkBase, addressee: farEnd(['MemberState', 'Entity']) },
  ReferenceLink: { ...linkBase, target: farEnd(['Resolution', 'LegalInstrument']) },
  Contribution: {
    contributor: (c) => labelled(c.contributor, ['MemberState', 'Entity']),
    recipient: (c) => labelled(c.recipient, ['Entity']),
    fund: (c) => (c.props['fund'] as string | null) ?? null,
    rank: (c) => (c.props['rank'] as number | undefined) ?? 0,
    listDate: (c) => (c.props['listDate'] as string | null) ?? null,
    amount: (c) => (c.props['amount'] as number | null) ?? null,
    currency: (c) => (c.props['currency'] as string | null) ?? null,
    period: (c) => (c.props['period'] as string | null) ?? null,
    note: (c) => (c.props['note'] as string | null) ?? null,
    source: (c) =>
      zipSources(c.props.sourceDocuments, c.props.sourceParagraphs)[0] ?? {
        document: '',
        paragraph: '',
      },
  },
};

export { isLabel };
