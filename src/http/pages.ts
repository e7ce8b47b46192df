import { readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestHandler, Router } from 'express';
import express from 'express';
import helmet from 'helmet';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * Where `npm run build:web` (src/web/build.ts) writes the pages: dist/web. This module runs from
 * src/http under tsx and from dist/src/http once compiled; both reach the same folder.
 */
export const WEB_DIR = HERE.endsWith(`${sep}dist${sep}src${sep}http`)
  ? resolve(HERE, '../../web')
  : resolve(HERE, '../../dist/web');

/** The pages and the file each is built to. */
const PAGES: Record<string, string> = {
  '/explorer': 'explorer.html',
  '/dashboard': 'dashboard.html',
};

const TYPES: Record<string, string> = {
  js: 'text/javascript',
  css: 'text/css',
  map: 'application/json',
  svg: 'image/svg+xml',
};

// What a bundle file may be called: the build's own names, nothing with a path in it.
const ASSET = /^[a-z]+\.(js|css|svg|js\.map|css\.map)$/;

/**
 * Content-Security-Policy of the two pages: the playground's (src/http/playground.ts), without
 * its one exception, 'unsafe-inline' styles. Cytoscape.js would inject a <style> element; the
 * explorer's stylesheet carries the id Cytoscape looks for, so it does not. Chart.js and
 * Cytoscape size their canvases through the CSSOM, which style-src does not govern.
 */
export const PAGES_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

const NOT_BUILT =
  'The explorer and dashboard are not built: run `npm run build:web` (npm start and npm run build do it).';

/**
 * Routes of the graph explorer (`/explorer`) and the gap dashboard (`/dashboard`): their HTML,
 * and `/web/<file>` for their bundles. Everything comes from `dir` (the bundles built from
 * src/web with the installed Cytoscape.js and Chart.js), so the pages make no request off this
 * host. Files are read on each request (they are small, and a rebuild shows without a restart);
 * the HTML names each bundle with its content hash, so bundles can be cached.
 */
export function createPagesRouter(dir: string = WEB_DIR): Router {
  const router = express.Router();
  const csp = helmet.contentSecurityPolicy({ useDefaults: false, directives: PAGES_CSP });

  const page =
    (file: string): RequestHandler =>
    async (_req, res) => {
      const html = await readFile(resolve(dir, file)).catch(() => null);
      if (html === null) {
        res.status(503).type('text/plain').send(NOT_BUILT);
        return;
      }
      res.type('html').set('Cache-Control', 'no-store').send(html);
    };
  for (const [path, file] of Object.entries(PAGES)) router.get(path, csp, page(file));

  router.get('/web/:file', csp, async (req, res) => {
    const match = ASSET.exec(req.params.file);
    const body = match ? await readFile(resolve(dir, req.params.file)).catch(() => null) : null;
    if (match === null || body === null) {
      res.status(404).json({
        errors: [{ message: 'No such page file', extensions: { code: 'NOT_FOUND' } }],
      });
      return;
    }
    const ext = match[1]!.endsWith('map') ? 'map' : match[1]!;
    // A versioned URL (`?v=<hash>`) never changes content; an unversioned one may after a rebuild.
    const cache = req.query['v'] === undefined ? 'no-cache' : 'public, max-age=31536000, immutable';
    res.type(TYPES[ext]!).set('Cache-Control', cache).send(body);
  });
  return router;
}
