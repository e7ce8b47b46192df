// zod schemas of the seed files (seed/FORMAT.md explains them for curators).
import { z } from 'zod';

const text = z.string().trim().min(1);
const optionalText = z.string().trim().min(1).optional();
const year = z.number().int().min(1900).max(2100);

export const Source = z.strictObject({ document: text, paragraph: text });
export type Source = z.infer<typeof Source>;

const sources = z.array(Source).min(1);
const base = {
  key: text.max(200),
  sources,
  illustrative: z.boolean().default(false),
  note: optionalText,
};

export const Pillar = z.enum(['I', 'II', 'III', 'IV']);

const Theme = z.strictObject({
  theme: text,
  how: z.enum(['stated', 'inferred']),
  rule: optionalText,
  source: Source,
});

export const DocumentRecord = z.strictObject({
  ...base,
  sources: z.array(Source),
  title: text,
  symbol: text.nullable(),
  symbolPrinted: z.boolean(),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .nullable(),
  dateNote: optionalText,
  language: text,
  publisher: text.nullable().optional(),
  // `report`: a project report an entity sent through ctkg and a reviewer accepted (issue 10).
  role: z.enum(['source', 'cited', 'report']),
});

export const MemberStateRecord = z.strictObject({
  ...base,
  key: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code'),
  sources: z.array(Source),
  name: text,
  nameZh: optionalText,
  aliases: z.array(text).default([]),
  observer: z.boolean().default(false),
});

export const RegionRecord = z.strictObject({
  ...base,
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case slug'),
  name: text,
  nameZh: optionalText,
  aliases: z.array(text).default([]),
  kind: z.enum(['geographic', 'grouping', 'organisation']),
  members: z
    .array(
      z.strictObject({
        state: text,
        basis: z.enum(['document', 'definition']),
        source: Source.optional(),
      }),
    )
    .default([]),
});

export const EntityKind = z.enum([
  'un-secretariat',
  'un-agency-fund-programme',
  'un-peace-operation',
  'un-intergovernmental-body',
  'working-group',
  'international-organisation',
  'regional-organisation',
  'national-government',
  'think-tank',
  'civil-society',
  'academic',
  'private-sector',
  'other',
]);

export const EntityRecord = z.strictObject({
  ...base,
  name: text,
  nameZh: optionalText,
  aliases: z.array(text).default([]),
  kind: EntityKind,
  compactMember: z.boolean().nullable().default(null),
  compactSource: Source.optional(),
  parent: optionalText,
});

export const ResolutionRecord = z.strictObject({
  ...base,
  kind: z.enum(['resolution', 'presidential-statement']).default('resolution'),
  body: z.enum(['SC', 'GA', 'HRC']),
  number: text,
  year,
  topic: text,
  asWritten: z.array(z.strictObject({ text, source: Source })).default([]),
  correction: optionalText,
  mandates: z.array(z.strictObject({ entity: text, source: Source })).default([]),
  recalls: z.array(z.strictObject({ resolution: text, source: Source })).default([]),
});

export const LegalInstrumentRecord = z.strictObject({
  ...base,
  name: text,
  shortName: optionalText,
  year,
});

export const ThematicAreaRecord = z.strictObject({
  ...base,
  sources: z.array(Source),
  name: text,
  nameZh: optionalText,
  description: text,
  workingGroup: optionalText,
});

export const ProjectStatus = z.enum([
  'ongoing',
  'completed',
  'planned',
  'pipeline',
  'approved',
  'suspended',
  'unknown',
]);

export const ProjectRecord = z.strictObject({
  ...base,
  title: text,
  aliases: z.array(text).default([]),
  codes: z.array(text).default([]),
  pillars: z.array(Pillar).default([]),
  summary: optionalText,
  period: z
    .strictObject({
      start: year.nullable().optional(),
      end: year.nullable().optional(),
      asWritten: optionalText,
    })
    .nullable()
    .default(null),
  statuses: z
    .array(
      z.strictObject({
        status: ProjectStatus,
        asWritten: optionalText,
        asOf: optionalText,
        source: Source,
      }),
    )
    .default([]),
  budgets: z
    .array(
      z.strictObject({
        amount: z.number().nonnegative(),
        currency: z.string().regex(/^[A-Z]{3}$/),
        kind: optionalText,
        year: year.optional(),
        source: Source,
      }),
    )
    .default([]),
  implementers: z
    .array(
      z.strictObject({ entity: text, role: z.enum(['lead', 'partner', 'funder']), source: Source }),
    )
    .default([]),
  beneficiaries: z.array(z.strictObject({ state: text, source: Source })).default([]),
  regions: z.array(z.strictObject({ region: text, source: Source })).default([]),
  global: z.boolean().default(false),
  scopeAsWritten: optionalText,
  resolutions: z
    .array(z.strictObject({ resolution: text, source: Source, how: optionalText }))
    .default([]),
  themes: z.array(Theme).default([]),
  // Earlier phases this project continues (a later phase is a new project, not the same one).
  continues: z.array(z.strictObject({ project: text, source: Source })).default([]),
});

export const ResponseKind = z.enum([
  'project',
  'coordination',
  'reporting',
  'institutional',
  'normative',
  'funding',
]);

export const RecommendationRecord = z.strictObject({
  ...base,
  title: text,
  summary: text,
  issuer: text,
  audience: z.enum([
    'member-states',
    'un-system',
    'both',
    'security-council',
    'general-assembly',
    'donors',
    'other',
  ]),
  addressedTo: z
    .array(
      z.union([
        z.strictObject({ entity: text, source: Source }),
        z.strictObject({ state: text, source: Source }),
      ]),
    )
    .default([]),
  themes: z.array(Theme).default([]),
  pillars: z.array(Pillar).default([]),
  refersTo: z
    .array(
      z.union([
        z.strictObject({ resolution: text, source: Source }),
        z.strictObject({ instrument: text, source: Source }),
      ]),
    )
    .default([]),
  paragraph: text,
  heading: optionalText,
  // What kind of response would answer the recommendation; only `project` asks for a project.
  response: z.strictObject({ kind: ResponseKind, reason: text }).optional(),
  // Later documents that report action taken on the recommendation (a documented response).
  responses: z.array(z.strictObject({ summary: text, source: Source })).default([]),
  implementedBy: z
    .array(
      z.strictObject({
        project: text,
        illustrative: z.boolean(),
        how: z.enum(['stated', 'inferred']),
        rule: optionalText,
        source: Source,
      }),
    )
    .default([]),
});

/**
 * A figure a document states about the portfolio (a count, a share, an amount), kept as printed so
 * that coverage can set it beside the figure computed from the graph.
 */
export const StatedFigureRecord = z.strictObject({
  key: text.max(200),
  document: text,
  paragraph: text,
  measure: z.enum([
    'projects',
    'project-share',
    'budget',
    'budget-share',
    'entities',
    'recommendations',
  ]),
  dimension: z.enum([
    'TOTAL',
    'PILLAR',
    'SCOPE',
    'ENTITY',
    'THEMATIC_AREA',
    'REGION',
    'MEMBER_STATE',
  ]),
  // The group within the dimension as ctkg keys it (`III`, `UNODC`, `border-management`,
  // `global`/`regional`/`national` for SCOPE); null for TOTAL.
  group: text.nullable(),
  value: z.number().nonnegative(),
  unit: z.enum(['count', 'percent', 'USD']),
  asWritten: text,
  asOf: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  // Where the graph itemises the set the figure counts: the projects citing `document` at a
  // paragraph starting with this (`annex II matrix`). Absent: the graph holds no such list.
  countedIn: optionalText,
  note: optionalText,
});

export const ContributionRecord = z
  .strictObject({
    state: optionalText,
    contributorEntity: optionalText,
    entity: text,
    fund: optionalText,
    rank: z.number().int().positive(),
    listDate: z.string().nullable().default(null),
    amount: z.number().nonnegative().nullable().default(null),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .default(null),
    period: optionalText,
    note: optionalText,
    source: Source,
  })
  .refine((r) => (r.state === undefined) !== (r.contributorEntity === undefined), {
    message: 'exactly one of state or contributorEntity is required',
    path: ['state'],
  });

export const ProjectIdentityRecord = z.strictObject({
  key: text,
  sameAs: z.array(text).min(1),
  basis: text,
  source: Source.optional(),
});

export const ReconciliationRecord = z.strictObject({
  document: text,
  scope: text,
  stated: z.union([z.number(), z.string()]).nullable(),
  parsed: z.union([z.number(), z.string()]).nullable(),
  note: optionalText,
});

/** File prefix → record schema. A kind may be split over several files with the same prefix. */
export const KINDS = {
  documents: DocumentRecord,
  'member-states': MemberStateRecord,
  regions: RegionRecord,
  entities: EntityRecord,
  resolutions: ResolutionRecord,
  'legal-instruments': LegalInstrumentRecord,
  'thematic-areas': ThematicAreaRecord,
  projects: ProjectRecord,
  recommendations: RecommendationRecord,
  contributions: ContributionRecord,
  'project-identities': ProjectIdentityRecord,
  reconciliation: ReconciliationRecord,
  'stated-figures': StatedFigureRecord,
} as const;

export type Kind = keyof typeof KINDS;

/** A whole dataset, as files give it or as test fixtures build it. */
export interface Dataset {
  documents: z.infer<typeof DocumentRecord>[];
  'member-states': z.infer<typeof MemberStateRecord>[];
  regions: z.infer<typeof RegionRecord>[];
  entities: z.infer<typeof EntityRecord>[];
  resolutions: z.infer<typeof ResolutionRecord>[];
  'legal-instruments': z.infer<typeof LegalInstrumentRecord>[];
  'thematic-areas': z.infer<typeof ThematicAreaRecord>[];
  projects: z.infer<typeof ProjectRecord>[];
  recommendations: z.infer<typeof RecommendationRecord>[];
  contributions: z.infer<typeof ContributionRecord>[];
  'project-identities': z.infer<typeof ProjectIdentityRecord>[];
  reconciliation: z.infer<typeof ReconciliationRecord>[];
  'stated-figures': z.infer<typeof StatedFigureRecord>[];
}

export type DocumentRecord = z.infer<typeof DocumentRecord>;
export type ProjectRecord = z.infer<typeof ProjectRecord>;
export type RecommendationRecord = z.infer<typeof RecommendationRecord>;
export type EntityRecord = z.infer<typeof EntityRecord>;
export type MemberStateRecord = z.infer<typeof MemberStateRecord>;
export type RegionRecord = z.infer<typeof RegionRecord>;
export type ResolutionRecord = z.infer<typeof ResolutionRecord>;
export type ThematicAreaRecord = z.infer<typeof ThematicAreaRecord>;
export type StatedFigureRecord = z.infer<typeof StatedFigureRecord>;
