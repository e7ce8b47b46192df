// The offline playground in a real browser: Debian's headless Chromium driven by playwright-core.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import type { Context } from '../../src/graphql/context.js';
import { createApollo, createApp } from '../../src/http/app.js';
import { gapFixture } from '../support/fixtures.js';
import { TEST_LIMITS } from '../support/graphql.js';
import { resetGraph, testDb } from '../support/neo4j.js';
import { launchChromium, offHost } from '../support/browser.js';

interface RecommendationsResult {
  data?: { recommendationsWithoutProjects: { totalCount: number; nodes: { id: string }[] } };
  errors?: unknown[];
}

// A CodeMirror 5 wrapper element carries its editor; the DOM itself holds only the lines in view.
type EditorElement = { CodeMirror?: { getValue(): string } };
// The tsconfig has no DOM lib: the page's `document`, typed as far as these callbacks use it.
type PageGlobals = { document: { querySelector(selector: string): EditorElement | null } };

/** The full text of the CodeMirror editor at `selector`. */
function editorText(page: Page, selector: string): Promise<string> {
  return page.$eval(
    selector,
    (element) => (element as unknown as EditorElement).CodeMirror?.getValue() ?? '',
  );
}

describe('GET /graphql playground', () => {
  const db = testDb();
  const requested: string[] = [];
  const consoleErrors: string[] = [];
  // GraphiQL fetches the schema for its docs and completion with its introspection query on load.
  const introspections: Promise<{ status: number; body: string }>[] = [];
  let httpServer: Server;
  let apollo: ApolloServer<Context>;
  let browser: Browser | undefined;
  let page: Page;
  let origin: string;

  beforeAll(async () => {
    await resetGraph(db, gapFixture());

    // Built as src/server.ts builds it.
    httpServer = createServer();
    const deps = { db, log: createLogger('silent'), limits: TEST_LIMITS, httpServer };
    apollo = createApollo(deps);
    await apollo.start();
    httpServer.on('request', createApp(deps, apollo));
    await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.request().postData()?.includes('IntrospectionQuery')) {
        introspections.push(response.text().then((body) => ({ status: response.status(), body })));
      }
    });
    page.on('websocket', (socket) => requested.push(socket.url()));
    await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
    await page
      .locator('.graphiql-query-editor .CodeMirror')
      .waitFor({ state: 'visible', timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
    // apollo.stop() drains and closes httpServer (drain plugin), as on SIGTERM.
    await apollo?.stop();
  });

  it('opens with the gap query as the first tab', async () => {
    expect(await page.title()).toContain('GraphQL playground');
    expect(await editorText(page, '.graphiql-query-editor .CodeMirror')).toContain(
      'recommendationsWithoutProjects',
    );
  });

  it('runs the first example and shows its data in the result pane', async () => {
    await page.locator('.graphiql-execute-button').click();
    const pane = '.result-window .CodeMirror';
    await page.waitForFunction(
      (selector) => {
        const { document } = globalThis as unknown as PageGlobals;
        return (
          document.querySelector(selector)?.CodeMirror?.getValue().includes('totalCount') ?? false
        );
      },
      pane,
      { timeout: 20_000 },
    );
    const result = JSON.parse(await editorText(page, pane)) as RecommendationsResult;
    expect(result.errors).toBeUndefined();
    // Real data only: R-3 (illustrative link), R-4 and R-5 have no real implementing project.
    const gap = result.data?.recommendationsWithoutProjects;
    expect(gap?.totalCount).toBe(3);
    expect(gap?.nodes.map((n) => n.id).sort()).toEqual([
      'Recommendation:R-3',
      'Recommendation:R-4',
      'Recommendation:R-5',
    ]);
  });

  it('opens the schema docs with the Query root type', async () => {
    // GraphiQL retries a failed introspection with fewer fields; its last answer is what it shows.
    const answers = await Promise.all(introspections);
    const last = answers.at(-1);
    expect(last, 'GraphiQL sent no introspection query').toBeDefined();
    expect((JSON.parse(last?.body ?? '{}') as { errors?: unknown }).errors).toBeUndefined();
    expect(last?.status).toBe(200);

    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => explorer.innerText(), { timeout: 20_000 }).toContain('query: Query');
    await explorer
      .locator('a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ })
      .first()
      .click();
    await expect
      .poll(() => explorer.innerText(), { timeout: 20_000 })
      .toContain('recommendationsWithoutProjects');
  });

  it('runs under its Content-Security-Policy without a violation', () => {
    expect(
      consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text)),
    ).toEqual([]);
  });

  it('makes no request off this host', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(offHost(requested)).toEqual([]);
    expect(requested).toEqual(
      expect.arrayContaining([`${origin}/playground/graphiql.js`, `${origin}/graphql`]),
    );
  });
});
