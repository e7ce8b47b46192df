import type { Label } from '../core/ids.js';

/** A relationship field of the API: from which label, over which type, in which direction, to which labels. */
export interface Relation {
  /** The GraphQL field on the `from` type that lists these links. */
  readonly field: string;
  readonly from: Label;
  readonly type: string;
  readonly direction: 'out' | 'in';
  readonly to: readonly Label[];
}

/**
 * Every relationship field the node types expose. The Cypher of each is built once from this
 * closed catalogue (labels and types cannot be parameters), never from input.
 */
export const RELATIONS = {
  projectImplementers: {
    field: 'implementers',
    from: 'Project',
    type: 'IMPLEMENTED_BY',
    direction: 'out',
    to: ['Entity'],
  },
  projectBeneficiaries: {
    field: 'beneficiaries',
    from: 'Project',
    type: 'BENEFITS',
    direction: 'out',
    to: ['MemberState'],
  },
  projectRegions: {
    field: 'regions',
    from: 'Project',
    type: 'COVERS',
    direction: 'out',
    to: ['Region'],
  },
  projectResolutions: {
    field: 'resolutions',
    from: 'Project',
    type: 'SUPPORTS',
    direction: 'out',
    to: ['Resolution'],
  },
  projectThemes: {
    field: 'themes',
    from: 'Project',
    type: 'ADDRESSES',
    direction: 'out',
    to: ['ThematicArea'],
  },
  projectRecommendations: {
    field: 'recommendations',
    from: 'Project',
    type: 'IMPLEMENTS',
    direction: 'out',
    to: ['Recommendation'],
  },
  projectContinues: {
    field: 'continues',
    from: 'Project',
    type: 'CONTINUES',
    direction: 'out',
    to: ['Project'],
  },
  projectContinuedBy: {
    field: 'continuedBy',
    from: 'Project',
    type: 'CONTINUES',
    direction: 'in',
    to: ['Project'],
  },
  recommendationIssuer: {
    field: 'issuer',
    from: 'Recommendation',
    type: 'ISSUED_BY',
    direction: 'out',
    to: ['Entity'],
  },
  recommendationAddressees: {
    field: 'addressedTo',
    from: 'Recommendation',
    type: 'ADDRESSED_TO',
    direction: 'out',
    to: ['MemberState', 'Entity'],
  },
  recommendationProjects: {
    field: 'implementingProjects',
    from: 'Recommendation',
    type: 'IMPLEMENTS',
    direction: 'in',
    to: ['Project'],
  },
  recommendationThemes: {
    field: 'themes',
    from: 'Recommendation',
    type: 'ADDRESSES',
    direction: 'out',
    to: ['ThematicArea'],
  },
  recommendationReferences: {
    field: 'refersTo',
    from: 'Recommendation',
    type: 'REFERS_TO',
    direction: 'out',
    to: ['Resolution', 'LegalInstrument'],
  },
  entityProjects: {
    field: 'projects',
    from: 'Entity',
    type: 'IMPLEMENTED_BY',
    direction: 'in',
    to: ['Project'],
  },
  entityIssued: {
    field: 'recommendationsIssued',
    from: 'Entity',
    type: 'ISSUED_BY',
    direction: 'in',
    to: ['Recommendation'],
  },
  entityReceived: {
    field: 'recommendationsReceived',
    from: 'Entity',
    type: 'ADDRESSED_TO',
    direction: 'in',
    to: ['Recommendation'],
  },
  entityMandatedBy: {
    field: 'mandatedBy',
    from: 'Entity',
    type: 'MANDATES',
    direction: 'in',
    to: ['Resolution'],
  },
  entityContributions: {
    field: 'contributions',
    from: 'Entity',
    type: 'CONTRIBUTES_TO',
    direction: 'in',
    to: ['MemberState', 'Entity'],
  },
  memberStateProjects: {
    field: 'projects',
    from: 'MemberState',
    type: 'BENEFITS',
    direction: 'in',
    to: ['Project'],
  },
  memberStateRecommendations: {
    field: 'recommendations',
    from: 'MemberState',
    type: 'ADDRESSED_TO',
    direction: 'in',
    to: ['Recommendation'],
  },
  memberStateRegions: {
    field: 'regions',
    from: 'MemberState',
    type: 'MEMBER_OF',
    direction: 'out',
    to: ['Region'],
  },
  memberStateContributions: {
    field: 'contributions',
    from: 'MemberState',
    type: 'CONTRIBUTES_TO',
    direction: 'out',
    to: ['Entity'],
  },
  regionMembers: {
    field: 'members',
    from: 'Region',
    type: 'MEMBER_OF',
    direction: 'in',
    to: ['MemberState'],
  },
  regionProjects: {
    field: 'projects',
    from: 'Region',
    type: 'COVERS',
    direction: 'in',
    to: ['Project'],
  },
  resolutionProjects: {
    field: 'supportingProjects',
    from: 'Resolution',
    type: 'SUPPORTS',
    direction: 'in',
    to: ['Project'],
  },
  resolutionMandates: {
    field: 'mandates',
    from: 'Resolution',
    type: 'MANDATES',
    direction: 'out',
    to: ['Entity'],
  },
  resolutionCitedBy: {
    field: 'citingRecommendations',
    from: 'Resolution',
    type: 'REFERS_TO',
    direction: 'in',
    to: ['Recommendation'],
  },
  instrumentCitedBy: {
    field: 'citingRecommendations',
    from: 'LegalInstrument',
    type: 'REFERS_TO',
    direction: 'in',
    to: ['Recommendation'],
  },
  themeProjects: {
    field: 'projects',
    from: 'ThematicArea',
    type: 'ADDRESSES',
    direction: 'in',
    to: ['Project'],
  },
  themeRecommendations: {
    field: 'recommendations',
    from: 'ThematicArea',
    type: 'ADDRESSES',
    direction: 'in',
    to: ['Recommendation'],
  },
} as const satisfies Record<string, Relation>;

export type RelationName = keyof typeof RELATIONS;
