import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config/paths';
import { launchOptions, sharedBrowser } from '../helpers/browser';
import { startTestApp, type SeededApp } from '../helpers/test-app';
import { openTestDb, resetToSeed } from '../helpers/test-db';

/**
 * Browser-test support: Debian's Chromium driven by playwright-core, against the real app. Every page
 * opened here records script errors, console errors and any request to a host other than the app's.
 */

export const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts');
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

const CLIENT_SOURCES = path.join(PROJECT_ROOT, 'src', 'client');
/** Written by esbuild after the bundles (named with hashes), so its time is the build's. */
const METAFILE = path.join(PROJECT_ROOT, 'public', 'js', 'meta.json');

/** The latest change under a folder, sub-folders included (a folder's own time changes when a file goes). */
const newest = (dir: string): number =>
  Math.max(
    fs.statSync(dir).mtimeMs,
    ...fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const file = path.join(dir, entry.name);
      return entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs;
    }),
  );

/** Builds public/js from src/client when there is no build or it is older than its sources. */
export function ensureClientBuilt(): void {
  const built = fs.existsSync(METAFILE) ? fs.statSync(METAFILE).mtimeMs : 0;
  const sources = Math.max(
    ...[CLIENT_SOURCES, ...['timeline', 'graph', 'events', 'domain', 'sanctions'].map((dir) => path.join(PROJECT_ROOT, 'src', dir))].map(newest),
  );
  if (built > sources) return;
  execFileSync('npm', ['run', '--silent', 'build:client'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
}

/** A Chromium of the caller's own, with extra switches (e.g. --host-resolver-rules to give the app a name). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(launchOptions(extraArgs));
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Script errors, console errors (CSP violations among them) and requests to other hosts, as they happen. */
  problems: string[];
  close: () => Promise<void>;
}

/** A fresh context and page at the given viewport, watched for problems; requests to other hosts are blocked. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const problems: string[] = [];
  const appHost = new URL(baseUrl).host;
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.host === appHost) return route.continue();
    problems.push(`request to another host: ${url.href}`);
    return route.abort();
  });
  return { page, context, problems, close: () => context.close() };
}

/** The two screens the first-view and analyst pages are checked at: a laptop's first screen and a phone. */
export const SIZES = [
  ['1280', { width: 1280, height: 800 }],
  ['390', PHONE],
] as const;

/** Runs `work` on a fresh watched page at `viewport`, then requires that the page met no problem. */
export async function withPage(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number },
  work: (watched: WatchedPage) => Promise<void>,
): Promise<void> {
  const watched = await openPage(browser, baseUrl, { viewport });
  try {
    await work(watched);
    expect(watched.problems).toEqual([]);
  } finally {
    await watched.close();
  }
}

/** Loads a path and waits until the network is quiet (the page's own API calls included). */
export async function visit(watched: WatchedPage, baseUrl: string, pathname: string): Promise<number> {
  const response = await watched.page.goto(baseUrl + pathname, { waitUntil: 'networkidle' });
  return response?.status() ?? 0;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** How far the page can scroll sideways: 0 when nothing is wider than the viewport. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
  });
}

export interface SeededBrowser extends SeededApp {
  browser: Browser;
}

/**
 * The hooks of a browser test file: the client built, the seed in the test database, the app over it and
 * Chromium before the file's tests (handed to `use`); after them all closed and the seed put back (a file
 * may add to it).
 */
export function useSeededBrowser(use: (suite: SeededBrowser) => void): void {
  let suite: SeededBrowser | undefined;
  beforeAll(async () => {
    ensureClientBuilt();
    const db = openTestDb();
    await resetToSeed(db);
    suite = { db, app: await startTestApp(db), browser: await sharedBrowser() };
    use(suite);
  });
  afterAll(async () => {
    await suite?.browser.close();
    await suite?.app.close();
    if (suite) await resetToSeed(suite.db);
    await suite?.db.driver.close();
  });
}

/** A fresh watched page for each test (handed to `use`); after the test, it must have seen no problem. */
export function useWatchedPage(open: () => Promise<WatchedPage>, use: (watched: WatchedPage) => void): void {
  let watched: WatchedPage | undefined;
  beforeEach(async () => {
    watched = await open();
    use(watched);
  });
  afterEach(async () => {
    const problems = watched?.problems ?? [];
    await watched?.close();
    expect(problems).toEqual([]);
  });
}
