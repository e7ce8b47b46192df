// The pages router on its own: what it serves from a build folder, and what it says without one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagesRouter } from '../../src/http/pages.js';

describe('the pages router', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const get = (path: string) => fetch(`${base}${path}`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ctkg-web-router-'));
    await writeFile(join(dir, 'explorer.html'), '<!doctype html><title>x</title>');
    await writeFile(join(dir, 'explorer.js'), 'void 0;');
    const app = express();
    app.use(createPagesRouter(dir));
    server = app.listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a built page, uncached, under its own CSP', async () => {
    const response = await get('/explorer');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("style-src 'self';");
    expect(await response.text()).toContain('<title>x</title>');
  });

  it('caches a bundle for good only under its versioned URL', async () => {
    const versioned = await get('/web/explorer.js?v=abc');
    expect(versioned.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/web/explorer.js')).headers.get('cache-control')).toBe('no-cache');
  });

  it('says how to build a page that is not built', async () => {
    const response = await get('/dashboard');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
  });

  it('serves nothing but the build’s own file names', async () => {
    for (const path of [
      '/web/nope.js',
      '/web/..%2Fexplorer.html',
      '/web/explorer.html',
      '/web/.env',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
