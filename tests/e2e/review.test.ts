import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/query';
import { EVENT_TYPES } from '../../src/domain/taxonomy';
import { EventDetail, EventPage } from '../../src/events/events.schemas';
import { createDraft, getDraft } from '../../src/drafts/drafts.service';
import { ActorDetail } from '../../src/actors/actors.schemas';
import { History } from '../../src/history/history.schemas';
import { addUsers, PASSWORD } from '../helpers/review';
import { getOk, type RunningApp } from '../helpers/test-app';
import { openPage, PHONE, screenshot, sidewaysOverflow, useSeededBrowser, useWatchedPage, visit, type WatchedPage } from './support';

/**
 * The review workbench in Chromium, as an editor uses it: sign in, paste an article, decide its drafted events
 * (edit one, reject one, add one the extractor missed), commit; then a second report of one of them with
 * another figure, kept as its own claim and flagged.
 */
const ARTICLE = [
  'Belarus frees more prisoners',
  '',
  'On Saturday, December 20, President Alexander Lukashenko pardoned 31 prisoners, his office said. ' +
    'Norwegian envoy Ingrid Vatne met Lukashenko in Minsk on Friday, December 19, for talks. ' +
    'The visit was the first by a Nordic diplomat in five years, officials in Oslo noted.',
].join('\n');
const MISSED = 'The visit was the first by a Nordic diplomat in five years, officials in Oslo noted.';
const SECOND = 'Lukashenko pardons 33\n\nOn December 20, President Alexander Lukashenko pardoned 33 prisoners, state media reported.';

/** The parts of the DOM the selection step uses (the project's types leave the DOM out). */
interface PageNode {
  textContent: string | null;
}
interface PageRange {
  setStart(node: PageNode, offset: number): void;
  setEnd(node: PageNode, offset: number): void;
}
interface PageDocument {
  querySelector(selector: string): unknown;
  createTreeWalker(root: unknown, show: number): { nextNode(): PageNode | null };
  createRange(): PageRange;
  getSelection(): { removeAllRanges(): void; addRange(range: PageRange): void };
}

let app: RunningApp;
let browser: Browser;
let db: Db;
let watched: WatchedPage;

useSeededBrowser((suite) => ({ app, browser, db } = suite));
beforeAll(() => addUsers(db, [{ name: 'alice', role: 'editor' }]));
useWatchedPage(
  () => openPage(browser, app.baseUrl),
  (page) => (watched = page),
);

async function signIn(): Promise<void> {
  const { page } = watched;
  await visit(watched, app.baseUrl, '/review');
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.fill('#login-name', 'alice');
  await page.fill('#login-password', PASSWORD);
  await Promise.all([page.waitForURL(/\/review$/), page.click('form[action="/login"] button[type="submit"]')]);
}

async function paste(text: string, published: string): Promise<void> {
  const { page } = watched;
  await Promise.all([page.waitForURL(/\/articles\/new/), page.click('nav a[href="/articles/new"]')]);
  await page.fill('#new-text', text);
  await page.fill('#new-published', published);
  await Promise.all([page.waitForURL(/\/review\/draft-/), page.click('form[action="/articles/new"] button[type="submit"]')]);
}

const card = (key: number) => watched.page.locator(`#event-${key}`);

test('an editor reviews a pasted article, commits it, and a second report of it is kept as its own claim', async () => {
  const { page } = watched;
  await signIn();
  await paste(ARTICLE, '2025-12-21');

  // Drafts appear with their confidence and reasons, the sentences marked in the article.
  await expect(page.locator('.draft-card').count()).resolves.toBe(2);
  await expect(card(0).locator('.confidence').innerText()).resolves.toMatch(/confidence \d+%/);
  await expect(card(1).locator('.reasons li').allTextContents()).resolves.toEqual(
    expect.arrayContaining([expect.stringMatching(/Ingrid Vatne: proposed new actor/)]),
  );
  expect(await page.locator('[data-review-article] mark').count()).toBe(2);
  // The talks' place as the loader will locate it, by the same gazetteer as facts files.
  await expect(card(1).locator('[data-place-found]').getAttribute('data-place-found')).resolves.toBe('on the map: Minsk, Belarus');
  await screenshot(page, 'review-draft-1280');

  // The type menu offers every type of the taxonomy, grouped by PLOVER category.
  await expect(card(0).locator('select[name="type"] option').count()).resolves.toBe(EVENT_TYPES.length);
  await expect(card(0).locator('select[name="type"] optgroup[label="Sanction"] option[value="diplomats_expelled"]').count()).resolves.toBe(1);
  await expect(page.locator('#add-type optgroup[label="Retreat"] option[value="ceasefire"]').count()).resolves.toBe(1);

  // Edit the pardon: another type and one more actor, then accept it.
  await card(0).locator('select[name="type"]').selectOption('prisoner_release');
  await card(0).locator('input[name="add_target"]').fill('Belarus');
  await Promise.all([page.waitForURL(/#event-0$/), card(0).locator('button[value="accepted"]').click()]);
  await expect(card(0).locator('.decision-badge').innerText()).resolves.toBe('accepted');
  await expect(card(0).locator('h3').innerText()).resolves.toBe('Alexander Lukashenko: prisoner release (prisoners, Belarus)');

  // Reject the talks.
  await Promise.all([page.waitForURL(/#event-1$/), card(1).locator('button[value="rejected"]').click()]);
  await expect(card(1).locator('.decision-badge').innerText()).resolves.toBe('rejected');

  // Add the missed one: create its actor, then select its sentence in the article.
  await page.fill('#actor-name', 'Norway');
  await page.selectOption('#actor-kind', 'state');
  await Promise.all([page.waitForURL(/#actors$/), page.click('form[action$="/actors"] button[type="submit"]')]);
  await page.evaluate((sentence) => {
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    const walker = doc.createTreeWalker(doc.querySelector('[data-review-article]'), 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(sentence.slice(0, 30));
      if (at < 0) continue;
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 30);
      doc.getSelection().removeAllRanges();
      doc.getSelection().addRange(range);
      return;
    }
  }, MISSED);
  await page.waitForSelector('.selection-offer:not([hidden])');
  await expect(page.locator('#add-quote').inputValue()).resolves.toBe(MISSED);
  await page.selectOption('#add-type', 'statement');
  await page.fill('#add-agent', 'Norway');
  await Promise.all([page.waitForURL(/#event-2$/), page.click('form[data-add-event] button[type="submit"]')]);
  await expect(card(2).locator('.decision-badge').innerText()).resolves.toBe('accepted');

  // Commit: the accepted events enter the graph, reviewed.
  await Promise.all([page.waitForURL(/\/review\/draft-[a-z0-9]+$/), page.click('form[action$="/commit"] button')]);
  await expect(page.locator('.notice').innerText()).resolves.toMatch(/2 event\(s\) in the knowledge base/);
  const reviewed = await getOk(app, '/api/events?status=reviewed', EventPage);
  expect(reviewed.items.map((e) => [e.type, e.status])).toEqual([
    ['prisoner_release', 'reviewed'],
    ['statement', 'reviewed'],
  ]);
  const release = reviewed.items[0]!;

  // It is on the timeline, and its history names every step and who took it.
  await visit(watched, app.baseUrl, '/timeline?from=2025-12-01&to=2025-12-31');
  await page.waitForSelector(`.vis-item .item-title[data-event="${release.id}"]`);
  const history = await getOk(app, `/api/events/${release.id}/history`, History);
  expect(history.items.map((c) => `${c.user} ${c.action}`)).toEqual(['extractor drafted', 'alice edited', 'alice accepted', 'alice accepted']);
  await visit(watched, app.baseUrl, `/events/${release.id}`);
  await expect(page.locator('.history li').allInnerTexts()).resolves.toEqual(
    expect.arrayContaining([expect.stringMatching(/alice edited: Edited type, targets/)]),
  );

  // A second article reports the release with another figure: accepted as the known event, its claim is kept.
  await paste(SECOND, '2025-12-22');
  // The second draft calls it a pardon (as the extractor first did): the editor makes it the known release.
  await card(0).locator('select[name="type"]').selectOption('prisoner_release');
  await card(0).locator('input[name="merge_into"]').fill(release.id);
  await Promise.all([page.waitForURL(/#event-0$/), card(0).locator('button[value="accepted"]').click()]);
  await Promise.all([page.waitForURL(/\/review\/draft-[a-z0-9]+$/), page.click('form[action$="/commit"] button')]);
  const event = await getOk(app, `/api/events/${release.id}`, EventDetail);
  expect(event.claims.map((c) => c.figures?.count)).toEqual([31, 33]);
  expect(event.conflicts).toContain('figures');
  await visit(watched, app.baseUrl, `/events/${release.id}`);
  await expect(page.locator('.claims-table tr.conflict th').first().innerText()).resolves.toMatch(/figures.*disagree/s);
  await expect(page.locator('.claims-table').innerText()).resolves.toMatch(/31 prisoners[\s\S]*33 prisoners/);
  await screenshot(page, 'event-claims-1280');
});

test('on a phone the workbench reads top to bottom, with nothing wider than the screen', async () => {
  const phone = await openPage(browser, app.baseUrl, { viewport: PHONE });
  try {
    await phone.page.goto(`${app.baseUrl}/login`);
    await phone.page.fill('#login-name', 'alice');
    await phone.page.fill('#login-password', PASSWORD);
    await Promise.all([phone.page.waitForURL(/\/review/), phone.page.click('form[action="/login"] button[type="submit"]')]);
    const { draft } = await createDraft(
      db,
      { title: 'On a phone', text: ARTICLE.replace('Belarus frees', 'On a phone:'), publishedAt: '2025-12-21' },
      { name: 'alice', role: 'editor', via: 'session' },
    );
    await phone.page.goto(`${app.baseUrl}/review`);
    await Promise.all([phone.page.waitForURL(/\/review\/draft-/), phone.page.locator(`.draft-item a[href="/review/${draft.id}"]`).click()]);
    await expect(phone.page.locator('.draft-card').count()).resolves.toBe(draft.events.length);
    expect(await sidewaysOverflow(phone.page)).toBe(0);
    await screenshot(phone.page, 'review-draft-390');
    await phone.page.goto(`${app.baseUrl}/articles/new`);
    expect(await sidewaysOverflow(phone.page)).toBe(0);
    expect(phone.problems).toEqual([]);
  } finally {
    await phone.close();
  }
});

test("an editor gives a proposed actor its codes on the review page, and corrects a known actor's on its page", async () => {
  const { page } = watched;
  await signIn();
  const { draft } = await createDraft(
    db,
    { title: 'Codes', text: 'On December 19, President Alexander Lukashenko met fishermen in Minsk.', publishedAt: '2025-12-21' },
    { name: 'alice', role: 'editor', via: 'session' },
  );
  await visit(watched, app.baseUrl, `/review/${draft.id}`);
  const name = 'Guild of "Ξ" <Fishers> & Co, Гильдия';
  await page.fill('#actor-name', name);
  await page.selectOption('#actor-kind', 'organization');
  await page.fill('#actor-country', 'blr');
  await page.selectOption('#actor-sector', 'BUS');
  await page.fill('#actor-wikidata', 'Q42');
  await Promise.all([page.waitForURL(/#actors$/), page.click('#actors form.stacked-form button[type="submit"]')]);
  const codes = page.locator('form.proposed-codes', { hasText: name });
  await expect(codes.locator('input[name="country"]').inputValue()).resolves.toBe('BLR');
  // corrected: an NGO, not a business
  await codes.locator('select[name="sector"]').selectOption('NGO');
  await Promise.all([page.waitForURL(/#actors$/), codes.locator('button[type="submit"]').click()]);
  const proposed = (await getDraft(db, draft.id)).actors.find((a) => a.name === name);
  expect(proposed).toMatchObject({ known: false, country: 'BLR', sector: 'NGO', wikidata: 'Q42' });

  await visit(watched, app.baseUrl, '/actors/belavia');
  await page.click('.codes-edit summary');
  // a state airline: coded as its government (the code follows the sector)
  await page.selectOption('.codes-form select[name="sector"]', 'GOV');
  await page.fill('.codes-form input[name="wikidata"]', 'Q1234567');
  await Promise.all([page.waitForURL(/\/actors\/belavia#identifiers$/), page.click('.codes-form button[type="submit"]')]);
  await expect(page.locator('dl.identifiers').innerText()).resolves.toMatch(/BLRGOV[\s\S]*Q1234567/);
  expect(await getOk(app, '/api/actors/belavia', ActorDetail)).toMatchObject({ sector: 'GOV', code: 'BLRGOV', wikidata: 'Q1234567' });
  expect(watched.problems).toEqual([]);
});
