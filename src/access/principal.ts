// Who sent a request: anonymous, or the holder of an API key with its role and scopes.
import { createHash } from 'node:crypto';
import { AuthenticationError } from '../core/errors.js';
import type { OidcConfig } from '../config.js';
import type { Db } from '../db/db.js';
import { createJwtVerifier } from './oidc.js';
import { apiKeyById } from './access.cypher.js';
import { parseKey, verifySecret, type Role } from './keys.js';

export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'key';
      readonly name: string;
      readonly role: Role;
      /** Entities a reporter reports for. */
      readonly entities: readonly string[];
      /** Member States whose confidential records a reader may see. */
      readonly memberStates: readonly string[];
    };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** Verified token digests: the slow hash runs once per key and process, not once per request. */
const VERIFIED_MAX = 1000;

/**
 * Returns the function that turns an `Authorization` header into a principal. No header is
 * anonymous; anything else that is not a valid, unrevoked key is refused, never read as anonymous.
 * The key is read on every request, so a revocation takes effect at once.
 */
export function createAuthenticator(db: Db, oidc: OidcConfig | null = null) {
  const verified = new Map<string, true>();
  const verifyJwt = oidc === null ? null : createJwtVerifier(oidc);
  return async (authorization: string | undefined): Promise<Principal> => {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <key>"');
    const parsed = parseKey(match[1]!);
    if (!parsed) {
      if (verifyJwt !== null) return verifyJwt(match[1]!);
      throw new AuthenticationError('The credential is not a ctkg API key');
    }
    const [stored] = await db.read(apiKeyById, { id: parsed.id });
    if (!stored) throw new AuthenticationError('The API key is not known');
    if (stored.revokedAt !== null) throw new AuthenticationError('The API key has been revoked');
    const digest = createHash('sha256').update(`${stored.hash}:${match[1]!}`).digest('base64url');
    if (!verified.has(digest)) {
      if (!(await verifySecret(parsed.secret, stored.salt, stored.hash)))
        throw new AuthenticationError('The API key is not valid');
      if (verified.size >= VERIFIED_MAX) verified.clear();
      verified.set(digest, true);
    }
    return {
      kind: 'key',
      name: stored.name,
      role: stored.role as Role,
      entities: stored.entities,
      memberStates: stored.memberStates,
    };
  };
}
