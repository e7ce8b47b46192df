// Bearer JWTs from an identity provider: verified against the configured issuer, audience and JWKS
// (served here by a local HTTP server), role and scopes read from the configured claims.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type OidcConfig } from '../../src/config.js';
import { createLogger } from '../../src/core/logger.js';
import { createApollo, createApp } from '../../src/http/app.js';
import { TEST_LIMITS } from '../support/graphql.js';
import { gapFixture } from '../support/fixtures.js';
import { resetGraph, testDb } from '../support/neo4j.js';

const listen = async (server: Server) => {
  server.listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('OIDC bearer tokens', () => {
  const db = testDb();
  let jwks: Server;
  let app: Server;
  let base = '';
  let signingKey: CryptoKey;
  let otherKey: CryptoKey;
  let oidc: OidcConfig;

  const token = (
    claims: Record<string, unknown>,
    options: { key?: CryptoKey; expires?: string; audience?: string; issuer?: string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'test' })
      .setSubject('alice@unodc.example')
      .setIssuer(options.issuer ?? oidc.issuer)
      .setAudience(options.audience ?? oidc.audience)
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign(options.key ?? signingKey);

  const viewer = async (bearer: string) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({
        query: '{ viewer { authenticated name role entities memberStates } }',
      }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    await resetGraph(db, gapFixture());
    const pair = await generateKeyPair('ES256');
    signingKey = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    const jwksBase = await listen(jwks);
    // The configuration as the service reads it from the environment.
    oidc = loadConfig({
      OIDC_ISSUER: 'https://id.example.org/',
      OIDC_AUDIENCE: 'ctkg',
      OIDC_JWKS_URL: `${jwksBase}/jwks.json`,
    }).oidc!;
    const log = createLogger('silent');
    const deps = { db, log, limits: TEST_LIMITS, oidc };
    const apollo = createApollo(deps);
    await apollo.start();
    app = createServer(createApp(deps, apollo));
    base = await listen(app);
  });
  afterAll(async () => {
    await new Promise((done) => app.close(done));
    await new Promise((done) => jwks.close(done));
  });

  it('takes role and scopes from the configured claims of a valid token', async () => {
    const bearer = await token({ ctkg_role: 'reporter', ctkg_entities: ['UNODC'] });
    expect(await viewer(bearer)).toEqual({
      status: 200,
      body: expect.objectContaining({
        data: {
          viewer: {
            authenticated: true,
            name: 'alice@unodc.example',
            role: 'REPORTER',
            entities: ['UNODC'],
            memberStates: [],
          },
        },
      }),
    });
  });

  it('refuses an expired, foreign, misaddressed or role-less token with 401 UNAUTHENTICATED, saying why', async () => {
    const cases: [Promise<string>, RegExp][] = [
      [token({ ctkg_role: 'reviewer' }, { expires: '1s ago' }), /expired/],
      [token({ ctkg_role: 'reviewer' }, { key: otherKey }), /signature/],
      [token({ ctkg_role: 'reviewer' }, { audience: 'someone-else' }), /claim_validation_failed/],
      [
        token({ ctkg_role: 'reviewer' }, { issuer: 'https://evil.example/' }),
        /claim_validation_failed/,
      ],
      [token({}), /"ctkg_role" claim must be one of/],
      [token({ ctkg_role: 'pope' }), /"ctkg_role" claim must be one of/],
      [token({ ctkg_role: 'reader', ctkg_member_states: 'MLI' }), /must be lists of keys/],
    ];
    for (const [bearer, reason] of cases) {
      const { status, body } = await viewer(await bearer);
      expect(status, String(reason)).toBe(401);
      expect(body['errors'][0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body['errors'][0].message, String(reason)).toMatch(reason);
    }
  });

  it('is off unless configured, and then needs an audience and a JWKS', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example.org/' })).toThrow(
      /OIDC_AUDIENCE: required when OIDC_ISSUER is set[\s\S]*OIDC_JWKS_URL: required/,
    );
  });
});
