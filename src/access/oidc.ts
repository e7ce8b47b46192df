// Bearer JWTs from an organisation's identity provider, verified with `jose` against the
// configured issuer, audience and JWKS; the role and scopes come from configured claims.
import { createRemoteJWKSet, jwtVerify, errors } from 'jose';
import type { OidcConfig } from '../config.js';
import { AuthenticationError } from '../core/errors.js';
import { ROLES, type Role } from './keys.js';
import type { Principal } from './principal.js';

const strings = (value: unknown): string[] | null =>
  value === undefined
    ? []
    : Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? value
      : null;

/** Returns the verifier of JWTs for `config`; the JWKS is fetched and cached by `jose`. */
export function createJwtVerifier(config: OidcConfig) {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  return async (token: string): Promise<Principal> => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        audience: config.audience,
      }));
    } catch (error) {
      // jose's codes say what failed (expired, wrong audience, bad signature …) without the token.
      const reason =
        error instanceof errors.JOSEError
          ? error.code.replace(/^ERR_/, '').toLowerCase()
          : 'invalid';
      throw new AuthenticationError(`The token is not valid (${reason})`);
    }
    const role = payload[config.roleClaim];
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
      throw new AuthenticationError(
        `The token's "${config.roleClaim}" claim must be one of ${ROLES.join(', ')}`,
      );
    const entities = strings(payload[config.entitiesClaim]);
    const memberStates = strings(payload[config.memberStatesClaim]);
    if (entities === null || memberStates === null)
      throw new AuthenticationError(
        `The token's "${config.entitiesClaim}" and "${config.memberStatesClaim}" claims must be lists of keys`,
      );
    return {
      kind: 'key',
      name: payload.sub ?? 'unnamed subject',
      role: role as Role,
      entities,
      memberStates,
    };
  };
}
