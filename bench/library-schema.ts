/**
 * The library contestant's type definitions: ctkg's graph as @neo4j/graphql 7 users would declare
 * it — the nine labels, and every relationship field of src/nodes/relations.ts with its type and
 * direction, plus the CITED_IN provenance links. Relationship properties (`@relationshipProperties`)
 * where a question reads or filters them: an implementer's `role`, an IMPLEMENTS link's
 * `illustrative`. Read-only, like ctkg's graph API: no generated mutations.
 */
export const typeDefs = /* GraphQL */ `
  extend schema @mutation(operations: [])

  type Implementation @relationshipProperties {
    role: String
  }

  type Implements @relationshipProperties {
    illustrative: Boolean
    how: String
    rule: String
  }

  type Citation @relationshipProperties {
    paragraph: String
  }

  union Addressee = MemberState | Entity
  union Reference = Resolution | LegalInstrument
  union Contributor = MemberState | Entity

  type Document @node {
    key: String!
    title: String!
    illustrative: Boolean!
  }

  type Project @node {
    key: String!
    title: String!
    status: String!
    pillars: [String!]!
    startYear: Int
    endYear: Int
    illustrative: Boolean!
    implementers: [Entity!]!
      @relationship(type: "IMPLEMENTED_BY", direction: OUT, properties: "Implementation")
    beneficiaries: [MemberState!]! @relationship(type: "BENEFITS", direction: OUT)
    regions: [Region!]! @relationship(type: "COVERS", direction: OUT)
    resolutions: [Resolution!]! @relationship(type: "SUPPORTS", direction: OUT)
    themes: [ThematicArea!]! @relationship(type: "ADDRESSES", direction: OUT)
    recommendations: [Recommendation!]!
      @relationship(type: "IMPLEMENTS", direction: OUT, properties: "Implements")
    sources: [Document!]! @relationship(type: "CITED_IN", direction: OUT, properties: "Citation")
  }

  type Recommendation @node {
    key: String!
    title: String!
    pillars: [String!]!
    illustrative: Boolean!
    issuer: Entity @relationship(type: "ISSUED_BY", direction: OUT)
    addressedTo: [Addressee!]! @relationship(type: "ADDRESSED_TO", direction: OUT)
    implementingProjects: [Project!]!
      @relationship(type: "IMPLEMENTS", direction: IN, properties: "Implements")
    themes: [ThematicArea!]! @relationship(type: "ADDRESSES", direction: OUT)
    refersTo: [Reference!]! @relationship(type: "REFERS_TO", direction: OUT)
    sources: [Document!]! @relationship(type: "CITED_IN", direction: OUT, properties: "Citation")
  }

  type Entity @node {
    key: String!
    name: String!
    illustrative: Boolean!
    projects: [Project!]!
      @relationship(type: "IMPLEMENTED_BY", direction: IN, properties: "Implementation")
    recommendationsIssued: [Recommendation!]! @relationship(type: "ISSUED_BY", direction: IN)
    recommendationsReceived: [Recommendation!]! @relationship(type: "ADDRESSED_TO", direction: IN)
    mandatedBy: [Resolution!]! @relationship(type: "MANDATES", direction: IN)
    contributions: [Contributor!]! @relationship(type: "CONTRIBUTES_TO", direction: IN)
    sources: [Document!]! @relationship(type: "CITED_IN", direction: OUT, properties: "Citation")
  }

  type MemberState @node {
    key: String!
    name: String!
    illustrative: Boolean!
    projects: [Project!]! @relationship(type: "BENEFITS", direction: IN)
    recommendations: [Recommendation!]! @relationship(type: "ADDRESSED_TO", direction: IN)
    regions: [Region!]! @relationship(type: "MEMBER_OF", direction: OUT)
    contributions: [Entity!]! @relationship(type: "CONTRIBUTES_TO", direction: OUT)
  }

  type Region @node {
    key: String!
    name: String!
    illustrative: Boolean!
    members: [MemberState!]! @relationship(type: "MEMBER_OF", direction: IN)
    projects: [Project!]! @relationship(type: "COVERS", direction: IN)
  }

  type Resolution @node {
    key: String!
    year: Int!
    illustrative: Boolean!
    supportingProjects: [Project!]! @relationship(type: "SUPPORTS", direction: IN)
    mandates: [Entity!]! @relationship(type: "MANDATES", direction: OUT)
    citingRecommendations: [Recommendation!]! @relationship(type: "REFERS_TO", direction: IN)
  }

  type LegalInstrument @node {
    key: String!
    name: String!
    illustrative: Boolean!
    citingRecommendations: [Recommendation!]! @relationship(type: "REFERS_TO", direction: IN)
  }

  type ThematicArea @node {
    key: String!
    name: String!
    illustrative: Boolean!
    projects: [Project!]! @relationship(type: "ADDRESSES", direction: IN)
    recommendations: [Recommendation!]! @relationship(type: "ADDRESSES", direction: IN)
  }
`;
