import type { Browser } from 'playwright-core';
import { openDb } from '../../src/db/context';
import type { Db } from '../../src/db/query';
import { loadFacts } from '../helpers/browse-fixtures';
import { type RunningApp, startTestApp } from '../helpers/test-app';
import { clearDatabase, resetToSeed } from '../helpers/test-db';
import { openPage, screenshot, useSeededBrowser, visit } from './support';

/** What a page's own script sees, as far as these tests look (the project's types leave out the DOM). */
interface PageElement {
  tagName: string;
  namespaceURI: string | null;
  attributes: Iterable<{ name: string }>;
  innerText: string;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  /** Set by the hostile texts' scripts, if one ever ran. */
  __xss?: unknown;
  document: { querySelector(selectors: string): PageElement | null; querySelectorAll(selectors: string): Iterable<PageElement> };
}

/** Hostile text shows as text; empty and unreachable databases get pages that say so in words. */
let db: Db;
let app: RunningApp;
let browser: Browser;

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';
const QUOTE_1 = `The envoy ${SCRIPT} met the minister in Vienna on 3 March 2019.`;
const QUOTE_2 = `Critics said ${IMG} was a bad sign.`;
/** Text that tries to close an attribute and open a new one, with either quote, or to close the tag. */
const DQ = '" onmouseover="window.__xss=1" data-x="';
const SQ = "' onfocus='window.__xss=1' autofocus x='";
const TAG = '"><svg onload=window.__xss=1>';
const QUOTE_3 = `Observers wrote ${DQ} and ${SQ} then ${TAG} in Vienna.`;
const JS_URL = 'javascript:window.__xss=1';

const HOSTILE_FACTS = {
  article: {
    id: 'hostile-article',
    title: `Hostile ${SCRIPT} headline`,
    publishedAt: '2026-01-20',
    text: `${QUOTE_1}\n${QUOTE_2}\n${QUOTE_3}`,
  },
  actors: [
    { id: 'hostile-script-actor', name: `Script ${SCRIPT} Actor`, kind: 'person', description: `Described as ${IMG}` },
    { id: 'hostile-img-group', name: `Image ${IMG} Group`, kind: 'group' },
    { id: 'hostile-quote-actor', name: `Quote ${DQ} Actor`, kind: 'person', aliases: [`Alias ${SQ}`], description: `Closes ${TAG}` },
  ],
  events: [
    {
      id: 'hostile-talks-2026',
      type: 'talks',
      title: `Talks ${SCRIPT} in Vienna`,
      summary: `Summary with ${IMG}`,
      date: { start: '2026-01-15' },
      place: `Vienna ${IMG}`,
      participants: [
        { actor: 'hostile-script-actor', role: 'agent' },
        { actor: 'hostile-img-group', role: 'target' },
      ],
      sources: [{ quote: QUOTE_1 }],
    },
    {
      id: 'hostile-criticism-2026',
      type: 'criticism',
      title: `Criticism ${IMG}`,
      date: { start: '2026-01' },
      participants: [
        { actor: 'hostile-img-group', role: 'agent' },
        { actor: 'hostile-script-actor', role: 'target' },
      ],
      sources: [{ quote: QUOTE_2 }],
    },
    {
      id: 'hostile-quotes-2026',
      type: 'statement',
      title: `Quotes ${DQ} and ${SQ} ${TAG}`,
      summary: `Summary ${SQ}`,
      date: { start: '2026-01-20' },
      place: `Vienna ${DQ}`,
      participants: [
        { actor: 'hostile-quote-actor', role: 'source' },
        { actor: 'hostile-script-actor', role: 'target' },
      ],
      sources: [{ quote: QUOTE_3 }],
    },
  ],
  affiliations: [{ actor: 'hostile-script-actor', counterpart: 'hostile-img-group', role: 'member_of', title: `Member ${SCRIPT}` }],
  reactions: [{ author: `Reader ${IMG}`, text: `Reaction ${SCRIPT}`, stance: 'critical', about: ['hostile-talks-2026'] }],
};

useSeededBrowser((suite) => ({ db, app, browser } = suite));

describe('text stored with <script> or <img onerror> in it', () => {
  beforeAll(async () => {
    await loadFacts(db, HOSTILE_FACTS);
  });

  const pages: Array<[string, string, string]> = [
    ['home', '/', `Talks ${SCRIPT} in Vienna`],
    ['timeline', '/timeline?from=2025-12-20&to=2026-02-28', `Talks ${SCRIPT} in Vienna`],
    ['timeline by actor', '/timeline?from=2025-12-20&to=2026-02-28&group=actor', `Image ${IMG} Group`],
    ['event', '/events/hostile-talks-2026', `Talks ${SCRIPT} in Vienna`],
    ['actors', '/actors', `Script ${SCRIPT} Actor`],
    ['actor', '/actors/hostile-script-actor', `Member ${SCRIPT}`],
    ['graph', '/graph?actor=hostile-script-actor', `Script ${SCRIPT} Actor`],
    ['articles', '/articles', `Hostile ${SCRIPT} headline`],
    ['article', '/articles/hostile-article', `Reaction ${SCRIPT}`],
    ['search', '/search?q=Vienna', `Talks ${SCRIPT} in Vienna`],
    ['event with quotes', '/events/hostile-quotes-2026', `Quotes ${DQ} and ${SQ} ${TAG}`],
    ['actor with quotes', '/actors/hostile-quote-actor', `Quote ${DQ} Actor`],
    ['graph with quotes', '/graph?actor=hostile-quote-actor', `Quote ${DQ} Actor`],
    ['search with quotes', `/search?q=${encodeURIComponent('Quote')}`, `Quote ${DQ} Actor`],
  ];

  test.each(pages)('shows as text on the %s page and never runs', async (name, path, literal) => {
    const watched = await openPage(browser, app.baseUrl);
    try {
      expect(await visit(watched, app.baseUrl, path)).toBe(200);
      if (name.startsWith('timeline')) await watched.page.waitForSelector('.vis-item');
      if (name === 'graph') {
        await watched.page.waitForSelector('.graph svg .node');
        await watched.page.click('[data-graph-list] summary');
      }
      const text = await watched.page.locator('main').innerText();
      expect(text).toContain(literal);
      expect(await watched.page.evaluate(() => (globalThis as unknown as PageGlobals).__xss)).toBeUndefined();
      expect(await watched.page.locator('main img[src="x"], main script, svg[onload]').count()).toBe(0);
      // No text broke out of an attribute: no event-handler attribute anywhere, none of the injected ones,
      // and no link or source that runs script.
      const injected = await watched.page.evaluate(() => {
        const doc = (globalThis as unknown as PageGlobals).document;
        const names: string[] = [];
        for (const element of doc.querySelectorAll('*')) {
          for (const attribute of element.attributes) {
            // (an SVG shape's own x is geometry; on an HTML element it can only have come from the text)
            const html = element.namespaceURI === 'http://www.w3.org/1999/xhtml';
            if (/^on/i.test(attribute.name) || ['autofocus', 'data-x'].includes(attribute.name) || (html && attribute.name === 'x')) {
              names.push(`${element.tagName}[${attribute.name}]`);
            }
          }
        }
        const links = [...doc.querySelectorAll('[href], [src], [action]')]
          .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action'))
          .filter((value) => value !== null && /^\s*(javascript|data|vbscript):/i.test(value));
        return { names, links };
      });
      expect(injected).toEqual({ names: [], links: [] });
      // Hovering and focusing what the hostile names sit in runs nothing either.
      for (const locator of [watched.page.locator('main a').first(), watched.page.locator('main h1')]) {
        if ((await locator.count()) > 0) await locator.hover();
      }
      await watched.page.keyboard.press('Tab');
      if (name === 'timeline') {
        await watched.page.locator('.item-title[data-event="hostile-talks-2026"]').click();
        await watched.page.waitForSelector('[data-event-panel] h3');
        await expect(watched.page.locator('[data-event-panel]').innerText()).resolves.toContain(QUOTE_1);
        expect(await watched.page.evaluate(() => (globalThis as unknown as PageGlobals).__xss)).toBeUndefined();
      }
      if (name === 'article') await screenshot(watched.page, 'hostile-article-1280');
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  test('a javascript: url stored on an article (from before urls were checked) is not made a link', async () => {
    // The schema refuses such a url now; data written before must still not become a link.
    await db.driver.executeQuery("MATCH (a:Article {id: 'hostile-article'}) SET a.url = $url", { url: JS_URL });
    const watched = await openPage(browser, app.baseUrl);
    try {
      expect(await visit(watched, app.baseUrl, '/articles/hostile-article')).toBe(200);
      expect(await watched.page.locator('a[href^="javascript:" i]').count()).toBe(0);
      expect(await watched.page.locator('main a', { hasText: 'original' }).count()).toBe(0);
      await expect(watched.page.locator('main').innerText()).resolves.toContain(`Hostile ${SCRIPT} headline`);
      expect(await watched.page.evaluate(() => (globalThis as unknown as PageGlobals).__xss)).toBeUndefined();
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  afterAll(async () => {
    await resetToSeed(db);
  });
});

describe('an empty knowledge base', () => {
  beforeAll(async () => {
    await clearDatabase(db);
  });
  afterAll(async () => {
    await resetToSeed(db);
  });

  test.each([
    ['/', 'No events yet'],
    ['/timeline', 'No events in this window'],
    ['/graph', 'No actor takes part in an event'],
    ['/actors', 'No actor matches'],
    ['/articles', 'No article has been loaded yet'],
    ['/search?q=anything', 'Nothing matches'],
  ])('%s says so in words', async (path, words) => {
    const watched = await openPage(browser, app.baseUrl);
    try {
      expect(await visit(watched, app.baseUrl, path)).toBe(200);
      await watched.page.waitForFunction((w) => (globalThis as unknown as PageGlobals).document.querySelector('main')!.innerText.includes(w), words);
      if (path === '/') await screenshot(watched.page, 'empty-home-1280');
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('a database that is down', () => {
  let downDb: Db;
  let downApp: RunningApp;
  beforeAll(async () => {
    // Nothing listens on port 9: every query fails to connect, as when Neo4j is stopped.
    downDb = openDb({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'unused' }, { DB_TIMEOUT_S: 1 });
    downApp = await startTestApp(downDb);
  });
  afterAll(async () => {
    await downApp.close();
    await downDb.driver.close();
  });

  test.each(['/', '/timeline', '/events/pardon-123-prisoners-2025-12', '/graph'])('%s answers 503 with a page in words', async (path) => {
    const watched = await openPage(browser, downApp.baseUrl);
    try {
      expect(await visit(watched, downApp.baseUrl, path)).toBe(503);
      await expect(watched.page.title()).resolves.toMatch(/^Database unavailable · /);
      const text = await watched.page.locator('main').innerText();
      expect(text).toContain('The database is not reachable right now');
      expect(text).not.toMatch(/Neo4jError|ServiceUnavailable|at .*\.(ts|js):\d+/);
      if (path === '/') await screenshot(watched.page, 'database-down-1280');
      expect(watched.problems.filter((p) => !p.includes('status of 503'))).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
