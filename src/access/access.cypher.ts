import { cypher, trustedCypher } from '../db/cypher.js';

export interface ApiKeyRow {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly entities: string[];
  readonly memberStates: string[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

const row = `{ id: k.id, name: k.name, role: k.role, entities: k.entities, memberStates: k.memberStates,
    createdAt: toString(k.createdAt), createdBy: k.createdBy,
    revokedAt: CASE WHEN k.revokedAt IS NULL THEN null ELSE toString(k.revokedAt) END }`;

/** Creates a key unless one has the name; the row is returned only when created. */
export const createApiKey = trustedCypher<
  {
    id: string;
    name: string;
    role: string;
    entities: string[];
    memberStates: string[];
    salt: string;
    hash: string;
    createdBy: string;
  },
  ApiKeyRow
>(
  'createApiKey',
  `
  OPTIONAL MATCH (existing:ApiKey {name: $name})
  WITH existing WHERE existing IS NULL
  CREATE (k:ApiKey {id: $id, name: $name, role: $role, entities: $entities, memberStates: $memberStates,
                    salt: $salt, hash: $hash, createdAt: datetime(), createdBy: $createdBy})
  RETURN ${row} AS row`,
);

/** The stored key with this id, hash and salt included, to verify a token. */
export const apiKeyById = trustedCypher<
  { id: string },
  ApiKeyRow & { readonly salt: string; readonly hash: string }
>(
  'apiKeyById',
  `
  MATCH (k:ApiKey {id: $id})
  RETURN ${row.replace(/ }$/, ', salt: k.salt, hash: k.hash }')} AS row`,
);

export const apiKeys = trustedCypher<Record<string, never>, ApiKeyRow>(
  'apiKeys',
  `
  MATCH (k:ApiKey) RETURN ${row} AS row ORDER BY row.name`,
);

/** Revokes the key with this name (once); the row comes back only when it was revoked now. */
export const revokeApiKey = trustedCypher<{ name: string }, ApiKeyRow>(
  'revokeApiKey',
  `
  MATCH (k:ApiKey {name: $name}) WHERE k.revokedAt IS NULL
  SET k.revokedAt = datetime()
  RETURN ${row} AS row`,
);

/** Which of the given entity and Member State keys exist in the graph. */
export const knownScopes = cypher<
  { entities: string[]; memberStates: string[] },
  { entities: string[]; memberStates: string[] }
>('knownScopes')`
  RETURN { entities: [k IN $entities WHERE EXISTS { MATCH (:Entity {key: k}) }],
           memberStates: [k IN $memberStates WHERE EXISTS { MATCH (:MemberState {key: k}) }] } AS row`;
