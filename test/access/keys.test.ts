// API keys end to end: `npm run keys` makes, lists and revokes them; the API takes the caller
// from `Authorization: Bearer <key>` and refuses a bad or revoked one, never reading it as anonymous.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.js';
import { cypher } from '../../src/db/cypher.js';
import { createLogger } from '../../src/core/logger.js';
import { createApollo, createApp } from '../../src/http/app.js';
import { TEST_LIMITS } from '../support/graphql.js';
import { gapFixture } from '../support/fixtures.js';
import { resetGraph, testDb } from '../support/neo4j.js';
import { npmRun } from '../support/npm-run.js';

const keys = (...args: string[]) => npmRun('keys', args);

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

const storedKeys = cypher<Record<string, never>, { name: string; hash: string }>('testStoredKeys')`
  MATCH (k:ApiKey) RETURN k {.name, .hash} AS row ORDER BY row.name`;

const keyAudit = cypher<
  { target: string },
  { action: string; before: string | null; after: string | null }
>('testKeyAudit')`
  MATCH (a:AuditEvent {target: $target}) RETURN a {.action, .before, .after} AS row ORDER BY a.at`;

describe('API keys', () => {
  const db = testDb();
  let base = '';
  let server: Server;
  let reporterKey = '';

  const viewer = async (authorization?: string) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: JSON.stringify({
        query: '{ viewer { authenticated name role entities memberStates } }',
      }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    await resetGraph(db, gapFixture());
    const log = createLogger('silent');
    const deps = { db, log, limits: TEST_LIMITS };
    const apollo = createApollo(deps);
    await apollo.start();
    server = createApp(deps, apollo).listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('npm run keys -- create prints the new key alone on its last line, exit 0, and stores only a hash', async () => {
    const run = await keys(
      'create',
      '--role',
      'reporter',
      '--entity',
      'UNODC',
      '--name',
      'unodc reporting',
    );
    expect(run.code, run.stderr).toBe(0);
    reporterKey = lastLine(run.stdout);
    expect(reporterKey).toMatch(/^ctkg_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
    const stored = await db.read(storedKeys, {});
    expect(stored.map((k) => k.name)).toEqual(['unodc reporting']);
    expect(JSON.stringify(stored)).not.toContain(reporterKey.split('_').at(-1));
  });

  it('npm run keys -- list shows names, roles and scopes, never a key, exit 0', async () => {
    const run = await keys('list');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^unodc reporting\treporter\tentities UNODC\tcreated .+\tactive$/m);
    expect(run.stdout).toContain('1 key(s).');
    expect(run.stdout).not.toContain(reporterKey);
  });

  it('refuses a bad create with exit 2, naming the option, and writes nothing', async () => {
    for (const [args, message] of [
      [['--role', 'pope', '--name', 'x'], '--role must be one of'],
      [['--role', 'reporter', '--name', 'x'], 'needs at least one --entity'],
      [
        ['--role', 'reporter', '--entity', 'NOPE', '--name', 'x'],
        '--entity "NOPE" is not an entity',
      ],
      [['--role', 'reader', '--member-state', 'XXX', '--name', 'x'], '--member-state "XXX"'],
      [['--role', 'reporter', '--entity', 'UNODC', '--name', 'unodc reporting'], 'exists'],
      [['--role', 'admin'], '--name is required'],
      [['--role', 'admin', '--name', 'x', '--colour', 'red'], "Unknown option '--colour'"],
    ] as const) {
      const run = await keys('create', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
    }
    expect((await db.read(storedKeys, {})).map((k) => k.name)).toEqual(['unodc reporting']);
  });

  it('takes the caller from the key: anonymous without one, the key holder with it', async () => {
    expect(await viewer()).toMatchObject({
      status: 200,
      body: { data: { viewer: { authenticated: false, name: null, role: null, entities: [] } } },
    });
    expect(await viewer(`Bearer ${reporterKey}`)).toMatchObject({
      status: 200,
      body: {
        data: {
          viewer: {
            authenticated: true,
            name: 'unodc reporting',
            role: 'REPORTER',
            entities: ['UNODC'],
          },
        },
      },
    });
  });

  it('refuses a malformed, unknown or tampered credential with 401 UNAUTHENTICATED', async () => {
    const tampered = `${reporterKey.slice(0, -1)}${reporterKey.endsWith('A') ? 'B' : 'A'}`;
    const unknown = `ctkg_AAAAAAAAAAAA_${'A'.repeat(43)}`;
    for (const authorization of [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer not-a-key',
      `Bearer ${unknown}`,
      `Bearer ${tampered}`,
    ]) {
      const { status, body } = await viewer(authorization);
      expect(status, authorization).toBe(401);
      expect(body['errors'][0].extensions.code, authorization).toBe('UNAUTHENTICATED');
      expect(body['data'], authorization).toBeUndefined();
    }
  });

  it('keeps keys when the graph is replaced, and npm run keys -- revoke refuses the key at once', async () => {
    await loadSeed(db, undefined, { replace: true });
    expect((await viewer(`Bearer ${reporterKey}`)).status).toBe(200);
    const run = await keys('revoke', 'unodc reporting');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Revoked "unodc reporting"');
    const refused = await viewer(`Bearer ${reporterKey}`);
    expect(refused.status).toBe(401);
    expect(refused.body['errors'][0].message).toBe('The API key has been revoked');
    expect((await keys('list')).stdout).toMatch(/^unodc reporting\t.*\trevoked \S+$/m);
    const again = await keys('revoke', 'unodc reporting');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('No active key named "unodc reporting"');
    // Both writes are in the audit trail, with the key's state before and after (no secret).
    const trail = await db.read(keyAudit, { target: 'unodc reporting' });
    expect(trail.map((e) => e.action)).toEqual(['key.create', 'key.revoke']);
    expect(JSON.parse(trail[1]!.before!)).toMatchObject({ revokedAt: null });
    expect(JSON.parse(trail[1]!.after!)).toMatchObject({
      name: 'unodc reporting',
      revokedAt: expect.any(String),
    });
    expect(trail.map((e) => `${e.before}${e.after}`).join('')).not.toMatch(/hash|salt|ctkg_/);
  });

  it('answers an unknown command with the usage, exit 2', async () => {
    const run = await keys('rotate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run keys -- create');
  });
});
