// A real browser for the page tests: Debian's headless Chromium driven by playwright-core, with
// every request and console error recorded, and screenshots and timings written to a folder.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Timing } from '../../src/web/hook.js';

const CHROMIUM = '/usr/bin/chromium';
// Everything that could reach off the host on its own (updates, sync, QUIC probes) is off.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
// In-page URLs that never touch the network.
const IN_PAGE = new Set(['data:', 'blob:', 'about:']);

/** The laptop screen the pages must be readable on. */
export const VIEWPORT = { width: 1280, height: 800 };

export interface Session {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** Every URL any page of the context requested (and every WebSocket it opened). */
  readonly requested: string[];
  /** Console errors and uncaught exceptions of every page. */
  readonly errors: string[];
  newPage(): Promise<Page>;
  /** The requested URLs that left this host. */
  offHost(): string[];
  close(): Promise<void>;
}

/** Debian's headless Chromium; fails loudly, naming the package, when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM}: install it with apt-get install -y chromium`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The URLs that left this host (in-page data:, blob: and about: URLs never do). */
export const offHost = (requested: readonly string[]): string[] =>
  requested.filter((url) => {
    const parsed = new URL(url);
    return !IN_PAGE.has(parsed.protocol) && !LOCAL_HOSTS.has(parsed.hostname);
  });

/** Launches Chromium with one context (1280×800, downloads accepted) that records everything. */
export async function openSession(): Promise<Session> {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const requested: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('websocket', (socket) => requested.push(socket.url()));
  };
  context.on('page', watch);
  return {
    browser,
    context,
    requested,
    errors,
    newPage: () => context.newPage(),
    offHost: () => offHost(requested),
    close: () => browser.close(),
  };
}

/** Where screenshots and timings go: `CTKG_SCREENSHOTS`, or a new folder under the system's temp. */
export async function shotsFolder(): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const folder = process.env['CTKG_SCREENSHOTS'] ?? join(tmpdir(), 'ctkg-web-screenshots', stamp);
  await mkdir(folder, { recursive: true });
  return folder;
}

/** Writes `timings.md` (a table) and `timings.json` to `folder`. */
export async function writeTimings(
  folder: string,
  pages: Readonly<Record<string, readonly Timing[]>>,
  note: string,
): Promise<void> {
  const lines = [
    '# Page timings',
    '',
    note,
    '',
    '| page | step | ms (action → drawn) | of which API | nodes | links |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const [page, timings] of Object.entries(pages)) {
    for (const t of timings) {
      lines.push(`| ${page} | ${t.step} | ${t.ms} | ${t.requestMs} | ${t.nodes} | ${t.edges} |`);
    }
  }
  await writeFile(join(folder, 'timings.md'), `${lines.join('\n')}\n`);
  await writeFile(join(folder, 'timings.json'), `${JSON.stringify(pages, null, 2)}\n`);
}
