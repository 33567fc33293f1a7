import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Download } from 'playwright-core';
import type { RunningApp } from '../helpers/test-app';
import { openPage, useSeededBrowser, useWatchedPage, visit, type WatchedPage } from './support';

/** The "Download" links and buttons of the timeline and the graph, clicked in Chromium over the seed. */
let app: RunningApp;
let browser: Browser;
let watched: WatchedPage;

useSeededBrowser((suite) => ({ app, browser } = suite));
useWatchedPage(
  () => openPage(browser, app.baseUrl),
  (page) => (watched = page),
);

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([watched.page.waitForEvent('download') as Promise<Download>, click()]);
  // Read as a stream: a browser the suite shares is reached over a socket, and its files have no local path.
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

test('the timeline downloads the events of its window and filters as CSV, PLOVER and JSON-LD', async () => {
  await visit(watched, app.baseUrl, '/timeline?from=2025-09-01&to=2025-09-30');
  await watched.page.waitForSelector('.vis-item');
  const csvLink = watched.page.locator('[data-export-format="csv"]');
  const href = new URL((await csvLink.getAttribute('href'))!, app.baseUrl);
  const from = href.searchParams.get('from')!;
  const to = href.searchParams.get('to')!;
  expect(from <= '2025-09-01' && to >= '2025-09-30').toBe(true);

  const csv = await download(() => csvLink.click());
  expect(csv.name).toMatch(/\.csv$/);
  const rows = parseCsv(csv.bytes.toString('utf8'), { columns: true }) as Array<Record<string, string>>;
  const ids = new Set(rows.map((row) => row.event_id));
  for (const id of ['talks-minsk-2025-09', 'prisoner-release-52-2025-09', 'sanctions-lifted-belavia-2025-09']) expect(ids).toContain(id);
  for (const row of rows) expect(row.date_start! <= to).toBe(true);

  const plover = await download(() => watched.page.locator('[data-export-format="plover"]').click());
  const records = plover.bytes
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(records.map((r) => r.id)).toEqual(expect.arrayContaining([...ids]));

  const jsonld = await download(() => watched.page.locator('[data-export-format="jsonld"]').click());
  expect(JSON.parse(jsonld.bytes.toString('utf8'))['@graph'].length).toBe(records.length);
});

test('the timeline download follows the type filter', async () => {
  await visit(watched, app.baseUrl, '/timeline?type=pardon');
  const href = await watched.page.locator('[data-export-format="csv"]').getAttribute('href');
  expect(href).toContain('type=pardon');
  const csv = await download(() => watched.page.locator('[data-export-format="csv"]').click());
  const rows = parseCsv(csv.bytes.toString('utf8'), { columns: true }) as Array<Record<string, string>>;
  expect(new Set(rows.map((row) => row.event_id))).toEqual(new Set(['pardon-123-prisoners-2025-12']));
});

test('the graph downloads as GraphML, and as the picture drawn in SVG and PNG', async () => {
  await visit(watched, app.baseUrl, '/graph');
  await watched.page.waitForSelector('.graph svg .node');

  const graphml = await download(() => watched.page.locator('[data-export-format="graphml"]').click());
  const xml = new XMLParser({ ignoreAttributes: false }).parse(graphml.bytes.toString('utf8'));
  expect(xml.graphml.graph.node.length).toBe(14);

  const svg = await download(() => watched.page.locator('[data-download-picture="svg"]').click());
  expect(svg.name).toBe('actor-graph.svg');
  const svgText = svg.bytes.toString('utf8');
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText.match(/class="node[ "]/g)?.length).toBe(14);
  expect(svgText).toContain('fill:');

  const png = await download(() => watched.page.locator('[data-download-picture="png"]').click());
  expect(png.name).toBe('actor-graph.png');
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.bytes.length).toBeGreaterThan(5000);
});

test('the timeline downloads for Aleph, OpenCTI, TimelineJS and feed readers, and the graph as dynamic GEXF', async () => {
  await visit(watched, app.baseUrl, '/timeline?type=pardon');
  const stix = await download(() => watched.page.locator('[data-export-format="stix"]').click());
  expect(stix.name).toMatch(/^kb-events-pardon-.*\.stix\.json$/);
  expect(JSON.parse(stix.bytes.toString('utf8')).objects.filter((o: { type: string }) => o.type === 'note')).toHaveLength(1);
  const ftm = await download(() => watched.page.locator('[data-export-format="ftm"]').click());
  expect(ftm.bytes.toString('utf8')).toContain('"id":"kb-event-pardon-123-prisoners-2025-12"');
  const timeline = await download(() => watched.page.locator('[data-export-format="timelinejs"]').click());
  expect(JSON.parse(timeline.bytes.toString('utf8')).events.map((e: { unique_id: string }) => e.unique_id)).toEqual(['pardon-123-prisoners-2025-12']);
  const atom = await download(() => watched.page.locator('[data-export-format="atom"]').click());
  expect(new XMLParser().parse(atom.bytes.toString('utf8')).feed.entry.id).toBe('tag:diplomatic-events-kb,2025:event/pardon-123-prisoners-2025-12');

  await visit(watched, app.baseUrl, '/graph');
  const gexf = await download(() => watched.page.locator('[data-export-format="gexf"]').click());
  const xml = new XMLParser({ ignoreAttributes: false }).parse(gexf.bytes.toString('utf8'));
  expect(xml.gexf.graph['@_mode']).toBe('dynamic');
  expect(xml.gexf.graph.nodes.node.length).toBe(14);
});

test('an actor page shows its codes and names its Atom feed for feed readers', async () => {
  await visit(watched, app.baseUrl, '/actors/belarus');
  await expect(watched.page.locator('.identifiers').innerText()).resolves.toContain('BLR');
  expect(await watched.page.locator('.identifiers a').getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q184');
  const feed = watched.page.locator('link[rel="alternate"][type="application/atom+xml"]');
  expect(await feed.getAttribute('href')).toBe('/api/export?format=atom&actor=belarus');
});
