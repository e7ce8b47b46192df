// Builds the explorer and dashboard pages (`npm run build:web`): esbuild bundles each page's
// TypeScript and CSS, with Cytoscape.js and Chart.js from node_modules, into dist/web, which
// src/http/pages.ts serves. Nothing is fetched from elsewhere: the pages work air-gapped.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Where the bundles go by default: dist/web, beside the compiled server (see src/http/pages.ts). */
export const DEFAULT_WEB_OUT = resolve(HERE, '../../dist/web');

/** The pages: each has `pages/<page>.html`, `client/<page>/main.ts` and `client/<page>/<page>.css`. */
export const PAGES = ['explorer', 'dashboard'] as const;

/** One file the build wrote. */
export interface BuiltFile {
  readonly name: string;
  readonly bytes: number;
}

/**
 * Bundles the pages into `outDir` and returns the files written. The HTML references each bundle
 * with a content hash (`/web/explorer.js?v=…`), so a browser never runs a stale bundle; files of
 * an earlier build that this one does not produce are removed. Each file is replaced atomically,
 * so a server reading the folder meanwhile sees the old file or the new one, never half of one.
 */
export async function buildWeb(outDir: string = DEFAULT_WEB_OUT): Promise<BuiltFile[]> {
  const result = await build({
    absWorkingDir: HERE,
    entryPoints: PAGES.flatMap((page) => [
      { in: join(HERE, 'client', page, 'main.ts'), out: page },
      { in: join(HERE, 'client', page, `${page}.css`), out: page },
    ]),
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    // The bundles are served as they are: no output is written until every file is built.
    write: false,
    logLevel: 'warning',
  });
  const files = new Map<string, Uint8Array>();
  for (const file of result.outputFiles) files.set(basename(file.path), file.contents);

  const version = (name: string) => {
    const contents = files.get(name);
    if (contents === undefined) throw new Error(`buildWeb: esbuild produced no ${name}`);
    return createHash('sha256').update(contents).digest('hex').slice(0, 12);
  };
  for (const page of PAGES) {
    const template = await readFile(join(HERE, 'pages', `${page}.html`), 'utf8');
    const html = template.replace(/\{\{([\w-]+\.(?:js|css))\}\}/g, (_match, name: string) => {
      return `/web/${name}?v=${version(name)}`;
    });
    files.set(`${page}.html`, Buffer.from(html));
  }

  files.set('favicon.svg', await readFile(join(HERE, 'pages', 'favicon.svg')));

  await mkdir(outDir, { recursive: true });
  for (const [name, contents] of files) {
    const temporary = join(outDir, `.${name}.${process.pid}.tmp`);
    await writeFile(temporary, contents);
    await rename(temporary, join(outDir, name));
  }
  for (const name of await readdir(outDir)) {
    if (!files.has(name) && !name.endsWith('.tmp')) await rm(join(outDir, name), { force: true });
  }
  return [...files]
    .map(([name, contents]) => ({ name, bytes: contents.byteLength }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = process.argv[2] === undefined ? DEFAULT_WEB_OUT : resolve(process.argv[2]);
  const files = await buildWeb(outDir);
  for (const file of files) console.log(`${file.name.padEnd(20)} ${file.bytes} bytes`);
  console.log(`web pages built in ${outDir}`);
}
