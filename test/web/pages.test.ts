// The graph explorer and the gap dashboard in a real browser, on the real graph: the server runs as
// `npm start` runs it (a node process that seeds the empty database with seed/data), the bundles
// are built from the current sources, and Debian's headless Chromium drives the pages as a user
// would. Assertions read what is drawn (Cytoscape's model and Chart.js's data through the pages'
// `window` hooks, and the DOM), that no request left the origin and that nothing was logged as an
// error. Screenshots of fixed steps and a timings table go to a folder printed at the end.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWeb } from '../../src/web/build.js';
import type { ChartSnapshot, ExplorerSnapshot, Timing } from '../../src/web/hook.js';
import { resetGraph, testDb } from '../support/neo4j.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import {
  openSession,
  shotsFolder,
  VIEWPORT,
  writeTimings,
  type Session,
} from '../support/browser.js';

// The README's numbers ("What answers a recommendation, with what evidence").
const GAPS_DOCUMENTED = 8;
const TRUE_GAPS = ['A72840-75', 'A72840-77', 'A72840-77b', 'A73866-63', 'A74677-79b', 'A74677-80'];

/** A page's test hook (`globalThis.ctkgExplorer` …): ready and idle, and its timings. */
const hook = (name: 'ctkgExplorer' | 'ctkgDashboard') => ({
  ready: (page: Page) =>
    page.waitForFunction(
      (global) => {
        const h = (globalThis as any)[global];
        return h?.ready === true && h.idle() === true;
      },
      name,
      { timeout: 30_000 },
    ),
  timings: (page: Page): Promise<Timing[]> =>
    page.evaluate((global) => [...(globalThis as any)[global].timings], name),
});

const explorer = {
  ...hook('ctkgExplorer'),
  snapshot: (page: Page): Promise<ExplorerSnapshot> =>
    page.evaluate(() => (globalThis as any).ctkgExplorer.snapshot()),
};

const dashboard = {
  ...hook('ctkgDashboard'),
  charts: (page: Page): Promise<ChartSnapshot[]> =>
    page.evaluate(() => (globalThis as any).ctkgDashboard.charts()),
};

/** The keys of the gap list, in order. */
const gapKeys = (page: Page): Promise<string[]> =>
  page.locator('#gap-list > li').evaluateAll((li) => li.map((x: any) => String(x.dataset.key)));

/** Waits for the page to send the GraphQL operation `name` with illustrative records (`$ill: true`). */
const askedWithIllustrative = (page: Page, name: string) =>
  page.waitForRequest(
    (r) =>
      r.url().endsWith('/graphql') &&
      (r.postData() ?? '').includes(name) &&
      (r.postDataJSON() as { variables: { ill?: boolean } }).variables.ill === true,
  );

/** Types `text` into the explorer's search and waits for the option with `id`. */
async function search(page: Page, text: string, id: string) {
  await page.locator('#search').fill(text);
  const option = page.locator(`#search-results [role="option"][data-id="${id}"]`);
  await option.waitFor({ state: 'visible', timeout: 20_000 });
  return option;
}

const chart = (charts: ChartSnapshot[], id: string) => {
  const found = charts.find((c) => c.id === id);
  expect(found, `chart ${id}`).toBeDefined();
  return found!;
};
const dataset = (c: ChartSnapshot, label: string | RegExp) => {
  const found = c.datasets.find((d) =>
    typeof label === 'string' ? d.label === label : label.test(d.label),
  );
  expect(
    found,
    `dataset ${String(label)} of ${c.id}: ${c.datasets.map((d) => d.label).join(' | ')}`,
  ).toBeDefined();
  return found!;
};

describe('the explorer and the dashboard in a browser, on the real graph', () => {
  const db = testDb();
  let server: ServerProcess;
  let session: Session;
  let folder: string;
  let shot = 0;
  const timings: Record<string, Timing[]> = {};
  const screenshot = async (page: Page, name: string) => {
    shot += 1;
    await page.screenshot({ path: join(folder, `${String(shot).padStart(2, '0')}-${name}.png`) });
  };

  beforeAll(async () => {
    folder = await shotsFolder();
    // The bundles under test are the current sources', whatever dist/web held.
    await buildWeb();
    // Empty, so the server seeds the real data at start, as on a fresh clone's `npm start`.
    await resetGraph(db);
    // A longer statement timeout than the 6 s default: the first run of each statement includes
    // Neo4j planning it, which on a CI machine shared with other test databases can take longer.
    server = await startServer(
      { neo4j: inject('neo4j'), env: { NEO4J_TX_TIMEOUT_MS: '30000' } },
      240_000,
    );
    session = await openSession();
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
    if (folder !== undefined) {
      await writeTimings(
        folder,
        timings,
        `Headless Chromium at ${VIEWPORT.width}×${VIEWPORT.height}, the real graph, the server as npm start runs it, on the test machine (shared CPU): one run, not a benchmark. "first view" counts from navigation; other steps from the user's action until the result is drawn; a step's first run per label includes Neo4j planning its statements.`,
      );
      console.log(`page screenshots and timings: ${folder}`);
    }
  });

  describe('/explorer', () => {
    let page: Page;
    let cted: { projects: number; mandates: number };

    beforeAll(async () => {
      page = await session.newPage();
    });

    afterAll(async () => {
      if (page !== undefined) timings['explorer'] = await explorer.timings(page);
    });

    it('is served from this host under a CSP stricter than the playground’s', async () => {
      const response = await fetch(`${server.base}/explorer`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    });

    it('opens with a legend of every label and evidence level', async () => {
      await page.goto(`${server.base}/explorer`);
      await explorer.ready(page);
      expect(await page.title()).toContain('graph explorer');
      const legend = await page.locator('#legend').innerText();
      for (const name of ['Entities', 'Projects', 'Resolutions', 'Member States', 'Documents']) {
        expect(legend).toMatch(new RegExp(`${name} \\(\\d+\\)`));
      }
      for (const level of ['Documented', 'Reported', 'Inferred', 'Illustrative record']) {
        expect(legend).toContain(level);
      }
      expect((await explorer.snapshot(page)).nodes).toEqual([]);
      await screenshot(page, 'explorer-empty');
    });

    it('searches "CTED": results grouped by type, the entity first, also by its Chinese name and as it is typed', async () => {
      const option = await search(page, 'CTED', 'Entity:CTED');
      const first = page.locator('#search-results [role="option"]').first();
      expect(await first.getAttribute('data-id')).toBe('Entity:CTED');
      expect(await first.getAttribute('aria-selected')).toBe('true');
      const groups = await page.locator('#search-results .group-label').allInnerTexts();
      expect(groups[0]?.trim()).toBe('Entities');
      expect(groups.map((g) => g.trim())).toEqual(expect.arrayContaining(['Recommendations']));
      expect(await option.innerText()).toContain('反恐怖主义委员会执行局');
      await screenshot(page, 'search-cted');

      await search(page, '反恐怖主义委员会执行局', 'Entity:CTED');
      // Type-ahead: a word not yet complete finds what it begins.
      await search(page, 'CTE', 'Entity:CTED');
      await search(page, 'Nige', 'MemberState:NGA');
      await search(page, 'CTED', 'Entity:CTED');
    });

    it('focuses CTED from the keyboard, with its degree badges before anything is fetched', async () => {
      await page.locator('#search').press('Enter');
      await explorer.ready(page);
      const snapshot = await explorer.snapshot(page);
      expect(snapshot.nodes.map((n) => n.id)).toEqual(['Entity:CTED']);
      expect(snapshot.selected).toBe('Entity:CTED');
      const details = page.locator('#details');
      await expect.poll(() => details.innerText()).toContain('反恐怖主义委员会执行局');
      const badge = async (type: string) =>
        Number(
          await details
            .locator('.links tr', { hasText: type })
            .locator('.badge')
            .first()
            .innerText(),
        );
      cted = { projects: await badge('IMPLEMENTED_BY'), mandates: await badge('MANDATES') };
      expect(cted.projects).toBeGreaterThan(0);
      expect(cted.mandates).toBeGreaterThan(0);
      // The badge counts links not yet drawn, and the node says so too.
      expect(snapshot.nodes[0]?.text).toMatch(/^CTED {2}\+\d+$/);
    });

    it('expands CTED: its projects and mandating resolutions are drawn', async () => {
      await page.locator('#details').getByRole('button', { name: 'Expand all' }).click();
      await explorer.ready(page);
      const { nodes, edges } = await explorer.snapshot(page);
      const label = new Map(nodes.map((n) => [n.id, n.label]));
      const implementers = edges.filter(
        (e) => e.type === 'IMPLEMENTED_BY' && e.target === 'Entity:CTED' && e.visible,
      );
      // Expand all fetches 25 per type; CTED has fewer projects than that.
      expect(implementers.length).toBe(Math.min(cted.projects, 25));
      expect(implementers.every((e) => label.get(e.source) === 'Project')).toBe(true);
      const mandates = edges.filter((e) => e.type === 'MANDATES' && e.target === 'Entity:CTED');
      expect(mandates.length).toBe(cted.mandates);
      expect(mandates.map((e) => e.source)).toContain('Resolution:S/RES/2395 (2017)');
      expect(mandates.every((e) => e.visible && e.lineStyle === 'solid')).toBe(true);
      expect(nodes.find((n) => n.id === 'Resolution:S/RES/2395 (2017)')?.visible).toBe(true);
      const status = await page.locator('#status').innerText();
      expect(status).toMatch(/^Expanded CTED \(all types\): \d+ links/);
      await screenshot(page, 'cted-expanded');
    });

    it('follows the shortest paths from CTED to a Member State, each hop with its source', async () => {
      await page.locator('#details').getByRole('button', { name: 'Path from here' }).click();
      await search(page, 'Nigeria', 'MemberState:NGA');
      await page.locator('#search').press('Enter');
      await explorer.ready(page);
      expect((await explorer.snapshot(page)).selected).toBe('MemberState:NGA');
      await page.locator('#details').getByRole('button', { name: 'Path to here' }).click();
      await explorer.ready(page);

      const { nodes, edges } = await explorer.snapshot(page);
      const onPath = edges.filter((e) => e.classes.includes('path'));
      expect(onPath.length).toBeGreaterThanOrEqual(2);
      expect(onPath.every((e) => e.visible)).toBe(true);
      // CTED implements a project that benefits Nigeria: two hops, drawn.
      const viaProjects = onPath.filter((e) => e.type === 'IMPLEMENTED_BY').map((e) => e.source);
      for (const project of viaProjects) {
        expect(
          onPath.some(
            (e) => e.type === 'BENEFITS' && e.source === project && e.target === 'MemberState:NGA',
          ),
        ).toBe(true);
      }
      expect(nodes.filter((n) => n.classes.includes('path')).map((n) => n.id)).toEqual(
        expect.arrayContaining(['Entity:CTED', 'MemberState:NGA']),
      );
      const paths = page.locator('#paths');
      const text = await paths.innerText();
      expect(text).toMatch(/\d+ shortest paths? of 2 hops/);
      expect(text).toMatch(/IMPLEMENTED_BY\s+documented/);
      expect(text).toMatch(/A\/72\/840, annex II matrix, pillar [IV]+, serial \d+/);
      await screenshot(page, 'path-to-nigeria');
    });

    it('opens a source: the document is drawn and shown with its own sources', async () => {
      await page
        .locator('#paths')
        .getByRole('button', { name: 'Open document A/72/840' })
        .first()
        .click();
      await explorer.ready(page);
      const snapshot = await explorer.snapshot(page);
      expect(snapshot.selected).toBe('Document:A/72/840');
      expect(snapshot.nodes.find((n) => n.id === 'Document:A/72/840')?.visible).toBe(true);
      const details = page.locator('#details');
      await expect
        .poll(() => details.innerText())
        .toContain('Activities of the United Nations system in implementing');
      expect(await details.innerText()).toMatch(/Sources\s+A\/72\/840, title/);
      await screenshot(page, 'source-document');
    });

    it('reveals the links among what is drawn', async () => {
      const before = await explorer.snapshot(page);
      await page.locator('#reveal').click();
      await explorer.ready(page);
      const after = await explorer.snapshot(page);
      const drawn = new Set(after.nodes.map((n) => n.id));
      expect(after.nodes.length).toBe(before.nodes.length);
      expect(after.edges.length).toBeGreaterThan(before.edges.length);
      expect(after.edges.every((e) => drawn.has(e.source) && drawn.has(e.target))).toBe(true);
      // CTED's projects are cited in A/72/840, which is drawn: those links are among the new ones.
      expect(
        after.edges.some(
          (e) =>
            e.type === 'CITED_IN' &&
            e.target === 'Document:A/72/840' &&
            e.source.startsWith('Project:'),
        ),
      ).toBe(true);
    });

    it('switches evidence levels: an inferred link is drawn dotted, only when asked for', async () => {
      await search(page, 'A72840-79', 'Recommendation:A72840-79');
      await page.locator('#search').press('Enter');
      await explorer.ready(page);
      await page
        .locator('#details')
        .getByRole('button', { name: /^Expand .*\(IMPLEMENTS\)/ })
        .click();
      await explorer.ready(page);
      const inferred = (s: ExplorerSnapshot) =>
        s.edges.find(
          (e) =>
            e.type === 'IMPLEMENTS' &&
            e.target === 'Recommendation:A72840-79' &&
            e.evidence === 'INFERRED',
        );
      let edge = inferred(await explorer.snapshot(page));
      expect(edge, 'the inferred IMPLEMENTS link of A72840-79').toBeDefined();
      expect(edge?.visible).toBe(false);
      expect(await page.locator('#evidence-inferred').isChecked()).toBe(false);

      await page.locator('#evidence-inferred').check();
      await explorer.ready(page);
      let snapshot = await explorer.snapshot(page);
      edge = inferred(snapshot);
      expect(edge?.visible).toBe(true);
      expect(edge?.lineStyle).toBe('dotted');
      expect(snapshot.nodes.find((n) => n.id === edge?.source)?.visible).toBe(true);
      expect(snapshot.fragment).toContain('ev=DRI');

      // On the link: its evidence level and the rules' reasons.
      // (The evaluated function returns nothing: a Cytoscape collection would be serialised.)
      await page.evaluate((id) => {
        (globalThis as any).ctkgExplorer.cy.getElementById(id).select();
      }, edge!.id);
      const details = page.locator('#details');
      await expect.poll(() => details.innerText()).toContain('INFERRED');
      const text = await details.innerText();
      expect(text).toContain('never a fact');
      expect(text).toMatch(/Reasons:\s+both address/);
      await screenshot(page, 'inferred-link');

      // Without documented links, only the inferred one (and the nodes it joins) stay drawn.
      await page.locator('#evidence-documented').uncheck();
      await explorer.ready(page);
      snapshot = await explorer.snapshot(page);
      expect(
        snapshot.edges
          .filter((e) => e.visible)
          .every((e) => e.evidence !== 'DOCUMENTED' || e.classes.includes('path')),
      ).toBe(true);
      expect(inferred(snapshot)?.visible).toBe(true);
      await page.locator('#evidence-documented').check();
      await explorer.ready(page);
      snapshot = await explorer.snapshot(page);
      expect(
        snapshot.edges
          .filter((e) => e.evidence === 'DOCUMENTED')
          .every((e) => e.lineStyle === 'solid'),
      ).toBe(true);
    });

    it('keeps illustrative records out unless asked for, and marks them', async () => {
      await page.locator('#search').fill('CTED-ILL-001');
      await expect
        .poll(() => page.locator('#search-status').innerText())
        .toContain('Nothing matches');
      await page.locator('#show-illustrative').check();
      const option = await search(page, 'CTED-ILL-001 ', 'Recommendation:CTED-ILL-001');
      expect(await option.innerText()).toContain('illustrative');
      await option.click();
      await explorer.ready(page);
      let node = (await explorer.snapshot(page)).nodes.find(
        (n) => n.id === 'Recommendation:CTED-ILL-001',
      );
      expect(node?.illustrative).toBe(true);
      expect(node?.classes).toContain('illustrative');
      expect(node?.text).toContain('(illustrative)');
      expect(node?.visible).toBe(true);
      await expect
        .poll(() => page.locator('#details').innerText())
        .toContain('Illustrative record');
      await page.locator('#show-illustrative').uncheck();
      await explorer.ready(page);
      node = (await explorer.snapshot(page)).nodes.find(
        (n) => n.id === 'Recommendation:CTED-ILL-001',
      );
      expect(node?.visible).toBe(false);
    });

    it('asks again for what is drawn when illustrative records are switched on', async () => {
      const other = await session.newPage();
      await other.goto(`${server.base}/explorer`);
      await explorer.ready(other);
      await search(other, 'Uganda', 'MemberState:UGA');
      await other.locator('#search').press('Enter');
      await explorer.ready(other);
      await other.locator('#details').getByRole('button', { name: 'Expand all' }).click();
      await explorer.ready(other);
      const illustrative = (s: ExplorerSnapshot) =>
        s.nodes
          .filter((n) => n.illustrative)
          .map((n) => n.id)
          .sort();
      expect(illustrative(await explorer.snapshot(other))).toEqual([]);

      // Ticking the box, not expanding again, fetches the two illustrative recommendations
      // addressed to Uganda.
      const asked = askedWithIllustrative(other, 'ExplorerNeighborhood');
      await other.locator('#show-illustrative').check();
      await asked;
      await explorer.ready(other);
      let snapshot = await explorer.snapshot(other);
      const examples = ['Recommendation:CTED-ILL-027', 'Recommendation:CTED-ILL-028'];
      expect(illustrative(snapshot)).toEqual(examples);
      for (const id of examples) {
        const node = snapshot.nodes.find((n) => n.id === id);
        expect(node?.visible).toBe(true);
        expect(node?.classes).toContain('illustrative');
      }
      expect(
        snapshot.edges
          .filter((e) => e.type === 'ADDRESSED_TO' && e.target === 'MemberState:UGA' && e.visible)
          .map((e) => e.source)
          .sort(),
      ).toEqual(examples);
      expect(snapshot.fragment).toContain('ill=1');

      await other.locator('#show-illustrative').uncheck();
      await explorer.ready(other);
      snapshot = await explorer.snapshot(other);
      expect(snapshot.nodes.filter((n) => n.illustrative && n.visible)).toEqual([]);
      expect(snapshot.fragment).not.toContain('ill=1');
      await other.close();
    });

    it('restores the same view from its URL in a new page', async () => {
      // Select the path's start from the paths panel, so the selection is part of the view.
      await page
        .locator('#paths')
        .getByRole('button', { name: 'CTED', exact: true })
        .first()
        .click();
      await explorer.ready(page);
      const before = await explorer.snapshot(page);
      const url = page.url();
      expect(url).toContain('#n=Entity:CTED;');

      const copy = await session.newPage();
      await copy.goto(url);
      await explorer.ready(copy);
      const after = await explorer.snapshot(copy);
      const ids = (s: ExplorerSnapshot) => s.nodes.map((n) => n.id).sort();
      const links = (s: ExplorerSnapshot) =>
        s.edges.map((e) => `${e.type} ${e.source} ${e.target}`).sort();
      const shown = (s: ExplorerSnapshot) =>
        s.nodes
          .filter((n) => n.visible)
          .map((n) => n.id)
          .sort();
      expect(ids(after)).toEqual(ids(before));
      expect(links(after)).toEqual(links(before));
      expect(shown(after)).toEqual(shown(before));
      expect(after.selected).toBe(before.selected);
      const position = (s: ExplorerSnapshot, id: string) => s.nodes.find((n) => n.id === id);
      expect(Math.round(position(after, 'MemberState:NGA')!.x)).toBe(
        Math.round(position(before, 'MemberState:NGA')!.x),
      );
      expect(await copy.locator('#evidence-inferred').isChecked()).toBe(true);
      expect(await copy.locator('#paths').innerText()).toMatch(/shortest paths? of 2 hops/);
      await screenshot(copy, 'restored-view');
      timings['explorer (deep link, first)'] = await explorer.timings(copy);
      // Again, with the server's statements planned: what a second visitor waits.
      await copy.reload();
      await explorer.ready(copy);
      expect(ids(await explorer.snapshot(copy))).toEqual(ids(before));
      timings['explorer (deep link, again)'] = await explorer.timings(copy);
      await copy.close();
    });

    it('exports the view as PNG, Cytoscape.js JSON and GEXF', async () => {
      const save = async (button: string) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator(button).click(),
        ]);
        return {
          name: download.suggestedFilename(),
          body: await readFile(await download.path()),
        };
      };
      const shown = (await explorer.snapshot(page)).nodes.filter((n) => n.visible);

      const png = await save('#export-png');
      expect(png.name).toBe('ctkg-view.png');
      expect(png.body.subarray(1, 4).toString()).toBe('PNG');

      const json = await save('#export-json');
      const elements = JSON.parse(json.body.toString()).elements;
      expect(elements.nodes.map((n: any) => n.data.id).sort()).toEqual(
        shown.map((n) => n.id).sort(),
      );

      const gexf = await save('#export-gexf');
      const text = gexf.body.toString();
      expect(XMLValidator.validate(text)).toBe(true);
      const graph = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text)
        .gexf.graph;
      expect(graph.nodes.node.length).toBe(shown.length);
      expect(graph.edges.edge.length).toBe(elements.edges.length);
    });

    it('is operable from the keyboard', async () => {
      await page.locator('body').press('/');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe(
        'search',
      );
      await page.locator('#graph').focus();
      const from = (await explorer.snapshot(page)).selected;
      await page.keyboard.press('ArrowRight');
      const to = (await explorer.snapshot(page)).selected;
      expect(to).not.toBeNull();
      expect(to).not.toBe(from);
      await page.keyboard.press('Escape');
      expect((await explorer.snapshot(page)).selected).toBeNull();
    });

    it('fits a 1280×800 screen without sideways scrolling', async () => {
      const width = await page.evaluate(
        () => (globalThis as any).document.documentElement.scrollWidth,
      );
      expect(width).toBeLessThanOrEqual(VIEWPORT.width);
      const box = await page.locator('#graph').boundingBox();
      expect(box!.width).toBeGreaterThan(800);
      expect(box!.height).toBeGreaterThan(450);
    });

    it('times a second expansion of CTED, with the statements planned', async () => {
      await search(page, 'CTED', 'Entity:CTED');
      await page.locator('#search').press('Enter');
      await explorer.ready(page);
      await page.locator('#details').getByRole('button', { name: 'Collapse' }).click();
      await page.locator('#details').getByRole('button', { name: 'Expand all' }).click();
      await explorer.ready(page);
      const steps = (await explorer.timings(page)).filter(
        (t) => t.step === 'expand CTED (all types)',
      );
      expect(steps.length).toBe(2);
    });
  });

  describe('/dashboard', () => {
    let page: Page;

    beforeAll(async () => {
      page = await session.newPage();
    });

    afterAll(async () => {
      if (page !== undefined) timings['dashboard'] = await dashboard.timings(page);
    });

    it('shows the pillar coverage chart with the reports’ figures beside the computed ones', async () => {
      await page.goto(`${server.base}/dashboard`);
      await dashboard.ready(page);
      const pillar = chart(await dashboard.charts(page), 'chart-pillar-main');
      expect(pillar.labels).toEqual(['Pillar I', 'Pillar II', 'Pillar III', 'Pillar IV']);
      // As A/72/840's annex II matrix prints them, per pillar heading and in its introduction.
      expect(dataset(pillar, 'Stated: A/72/840, annex II matrix, pillar …').data).toEqual([
        120, 55, 125, 17,
      ]);
      expect(dataset(pillar, 'Stated: A/72/840, annex II matrix, introduction').data).toEqual([
        120, 55, 128, 17,
      ]);
      const computed = dataset(pillar, /^Computed from the graph \(as of 2018-02\)$/).data;
      expect(computed.every((n) => typeof n === 'number' && n > 0)).toBe(true);
      expect(
        dataset(pillar, 'Projects in the graph (current filters)').data.every((n) => (n ?? 0) > 0),
      ).toBe(true);
      const table = await page.locator('#pillar table.stated').innerText();
      expect(table).toContain('“128 projects”');
      expect(table).toContain('“320 projects”');
      await screenshot(page, 'dashboard-pillars');
    });

    it('charts coverage by region, entity and thematic area, with the evidence levels', async () => {
      const charts = await dashboard.charts(page);
      for (const id of ['region', 'entity', 'theme']) {
        const projects = dataset(chart(charts, `chart-${id}-main`), 'Projects');
        expect(projects.data.length).toBeGreaterThan(3);
        expect(projects.data).toEqual([...projects.data].sort((a, b) => (b ?? 0) - (a ?? 0)));
      }
      const themes = chart(charts, 'chart-theme-evidence');
      for (const label of [
        'With a documented project',
        'With a reported project',
        'No project at any level',
      ]) {
        dataset(themes, label);
      }
      dataset(themes, 'With an inferred project only (not counted)');
      const pillarEvidence = chart(charts, 'chart-pillar-evidence');
      const none = dataset(pillarEvidence, 'No project at any level').data;
      expect(none.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBeGreaterThan(0);
      expect(await page.locator('#chart-pillar-main').getAttribute('aria-label')).toContain(
        'Pillar I 120',
      );
    });

    it('lists the recommendations without projects with their candidates, and switches evidence levels', async () => {
      const summary = page.locator('#gap-summary');
      expect(await summary.innerText()).toMatch(
        new RegExp(`^${GAPS_DOCUMENTED} recommendations a project could answer`),
      );
      const items = page.locator('#gap-list > li');
      expect(await items.count()).toBe(GAPS_DOCUMENTED);
      const first = await items.first().innerText();
      expect(first).toMatch(/Candidate projects \(best \d+ of \d+/);
      expect(first).toMatch(/score \d+/);
      await page.locator('#gaps').evaluate((section: any) => section.scrollIntoView());
      await screenshot(page, 'dashboard-gaps');

      await page.locator('#evidence-inferred').check();
      await dashboard.ready(page);
      expect(await summary.innerText()).toMatch(new RegExp(`^${TRUE_GAPS.length} recommendations`));
      const keys = await page
        .locator('#gap-list > li')
        .evaluateAll((li) => li.map((x: any) => x.dataset.key));
      expect(keys).toEqual(TRUE_GAPS);
      const evidence = chart(await dashboard.charts(page), 'chart-pillar-evidence');
      dataset(evidence, 'With an inferred project only');
    });

    it('offers the API’s own CSV and JSON downloads of what it shows', async () => {
      const csv = await page.locator('#gap-downloads a', { hasText: 'CSV' }).getAttribute('href');
      expect(csv).toBe(
        '/export/recommendations-without-projects.csv?evidence=DOCUMENTED,REPORTED,INFERRED',
      );
      const json = await page.locator('#gap-downloads a', { hasText: 'JSON' }).getAttribute('href');
      const file: any = await page.evaluate(async (href) => (await fetch(href!)).json(), json);
      expect(file.manifest.rowCount).toBe(TRUE_GAPS.length);
      expect(file.rows.map((r: any) => r.key)).toEqual(TRUE_GAPS);
      const rows = await page.evaluate(async (href) => (await fetch(href!)).text(), csv);
      expect(rows.trim().split('\n').length).toBe(TRUE_GAPS.length + 1);
      const coverage = await page
        .locator('#region-downloads a', { hasText: 'JSON' })
        .getAttribute('href');
      expect(coverage).toBe(
        '/export/coverage.json?by=REGION&evidence=DOCUMENTED,REPORTED,INFERRED',
      );
    });

    it('counts as of a report', async () => {
      await page.locator('#evidence-inferred').uncheck();
      await dashboard.ready(page);
      await page.locator('#as-of').selectOption('A/73/866');
      await dashboard.ready(page);
      // The README: as of A/73/866 (2019), six project-answerable recommendations were open.
      expect(await page.locator('#gap-summary').innerText()).toMatch(
        /^6 recommendations a project could answer .*, as of A\/73\/866\./,
      );
      expect(await page.locator('#gap-downloads a', { hasText: 'CSV' }).getAttribute('href')).toBe(
        '/export/recommendations-without-projects.csv?asOf=A%2F73%2F866',
      );
      await page.locator('#as-of').selectOption('');
      await dashboard.ready(page);
    });

    it('filters the gap list by issuer, and links each item to the explorer', async () => {
      await page.locator('#gap-issuer').selectOption('SG');
      await dashboard.ready(page);
      const keys = await page
        .locator('#gap-list > li')
        .evaluateAll((li) => li.map((x: any) => x.dataset.key));
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.length).toBeLessThanOrEqual(GAPS_DOCUMENTED);
      expect(await page.locator('#gap-list > li .meta').allInnerTexts()).toEqual(
        keys.map(() => expect.stringContaining('Issued by SG')),
      );
      expect(await page.locator('#gap-downloads a', { hasText: 'CSV' }).getAttribute('href')).toBe(
        '/export/recommendations-without-projects.csv?issuers=SG',
      );
      const link = await page
        .locator('#gap-list > li a', { hasText: 'Open in the explorer' })
        .first()
        .getAttribute('href');
      expect(link).toMatch(
        new RegExp(`^/explorer#n=Recommendation:${keys[0]};0;0;p&sel=n0&ev=DR$`),
      );
    });

    it('keeps its filters in the URL: a new page opened at it shows the same', async () => {
      // The issuer chosen above is in the address already; two more filters join it.
      await page.locator('#evidence-inferred').check();
      await dashboard.ready(page);
      await page.locator('#resolution-body').selectOption('SC');
      await dashboard.ready(page);
      const url = page.url();
      expect(new URL(url).hash).toBe('#evidence=DOCUMENTED,REPORTED,INFERRED&issuers=SG&body=SC');
      const keys = await gapKeys(page);
      expect(keys.length).toBeGreaterThan(0);

      const copy = await session.newPage();
      await copy.goto(url);
      await dashboard.ready(copy);
      expect(await copy.locator('#evidence-inferred').isChecked()).toBe(true);
      expect(await copy.locator('#gap-issuer').inputValue()).toBe('SG');
      expect(await copy.locator('#resolution-body').inputValue()).toBe('SC');
      expect(await gapKeys(copy)).toEqual(keys);
      expect(await copy.locator('#gap-downloads a', { hasText: 'CSV' }).getAttribute('href')).toBe(
        '/export/recommendations-without-projects.csv?issuers=SG&evidence=DOCUMENTED,REPORTED,INFERRED',
      );
      expect(
        await copy.locator('#resolution-downloads a', { hasText: 'CSV' }).getAttribute('href'),
      ).toBe(
        '/export/resolutions-without-projects.csv?body=SC&evidence=DOCUMENTED,REPORTED,INFERRED',
      );
      await copy.close();
    });

    it('opens at an address written by hand: as of A/73/866, every region charted', async () => {
      const copy = await session.newPage();
      await copy.goto(`${server.base}/dashboard#asOf=A/73/866&showAll=region`);
      await dashboard.ready(copy);
      expect(await copy.locator('#as-of').inputValue()).toBe('A/73/866');
      expect(await copy.locator('#evidence-inferred').isChecked()).toBe(false);
      expect(await copy.locator('#gap-summary').innerText()).toMatch(
        /^6 recommendations a project could answer .*, as of A\/73\/866\./,
      );
      expect(await copy.locator('#region-extra button').getAttribute('aria-pressed')).toBe('true');
      // All 31 regions with projects, not the top 15.
      expect(
        chart(await dashboard.charts(copy), 'chart-region-main').labels.length,
      ).toBeGreaterThan(15);
      await copy.close();
    });

    it('asks the API again when illustrative records are included, and counts them', async () => {
      const copy = await session.newPage();
      await copy.goto(`${server.base}/dashboard`);
      await dashboard.ready(copy);
      const summary = copy.locator('#gap-summary');
      const count = async () => Number(/^\d+/.exec(await summary.innerText())?.[0]);
      expect(await count()).toBe(GAPS_DOCUMENTED);

      const asked = askedWithIllustrative(copy, 'DashboardGaps');
      await copy.locator('#show-illustrative').check();
      await asked;
      await dashboard.ready(copy);
      expect(await count()).toBeGreaterThan(GAPS_DOCUMENTED);
      expect((await gapKeys(copy)).some((key) => key.startsWith('CTED-ILL-'))).toBe(true);
      // CTED's country recommendations are illustrative: only now are any addressed to a region.
      const regions = chart(await dashboard.charts(copy), 'chart-region-evidence');
      expect(regions.datasets.some((d) => d.data.some((n) => (n ?? 0) > 0))).toBe(true);
      expect(new URL(copy.url()).hash).toBe('#includeIllustrative=true');

      await copy.locator('#show-illustrative').uncheck();
      await dashboard.ready(copy);
      expect(await count()).toBe(GAPS_DOCUMENTED);
      expect(new URL(copy.url()).hash).toBe('');
      await copy.close();
    });

    it('fits a 1280×800 screen without sideways scrolling', async () => {
      const width = await page.evaluate(
        () => (globalThis as any).document.documentElement.scrollWidth,
      );
      expect(width).toBeLessThanOrEqual(VIEWPORT.width);
    });
  });

  it('made no request off this host, logged no error and met no CSP refusal', () => {
    expect(session.requested.length).toBeGreaterThan(0);
    expect(session.offHost()).toEqual([]);
    expect(session.errors).toEqual([]);
    expect(session.requested).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/web\/explorer\.js\?v=/),
        expect.stringMatching(/\/web\/dashboard\.js\?v=/),
        `${server.base}/graphql`,
      ]),
    );
  });
});
