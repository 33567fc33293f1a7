import { ActorDetail } from '../../src/actors/actors.schemas';
import { read, type Db } from '../../src/db/query';
import { Committed, Draft, DraftActor } from '../../src/drafts/drafts.schemas';
import { createDraft } from '../../src/drafts/drafts.service';
import { addUsers, call, ok, type Session, signIn } from '../helpers/review';
import { type RunningApp, startTestApp } from '../helpers/test-app';
import { contentFingerprint, openTestDb, resetToSeed } from '../helpers/test-db';

/** Issue 14: editors set or correct an actor's codes (PATCH /api/actors/:id/codes), recorded in its history. */
let db: Db;
let app: RunningApp;
let editor: Session;

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  await addUsers(db, [{ name: 'codes-editor', role: 'editor' }]);
  app = await startTestApp(db);
  editor = await signIn(app, 'codes-editor');
});

afterAll(async () => {
  await app.close();
  await resetToSeed(db);
  await db.driver.close();
});

const history = (id: string) =>
  read<{ user: string; action: string; summary: string; before: string; after: string }>(
    db,
    "MATCH (c:Change {entity: 'actor', entityId: $id}) RETURN c.user AS user, c.action AS action, c.summary AS summary, c.before AS before, c.after AS after ORDER BY c.at",
    { id },
  );

describe('PATCH /api/actors/:id/codes', () => {
  test('sets the codes given, settles alpha-2 and the CAMEO code from them, and records the change', async () => {
    const actor = await ok(app, 'PATCH', '/api/actors/viasna/codes', { session: editor }, ActorDetail, { sector: 'HRI', wikidata: 'Q4115474' });
    expect(actor).toMatchObject({ country: 'BLR', countryAlpha2: 'BY', sector: 'HRI', code: 'BLRHRI', wikidata: 'Q4115474' });
    const [change] = await history('viasna');
    expect(change).toMatchObject({ user: 'codes-editor', action: 'edited', summary: 'Set the codes of Viasna' });
    expect(JSON.parse(change?.before as string)).toMatchObject({ sector: 'NGO', code: 'BLRNGO', wikidata: null });
    expect(JSON.parse(change?.after as string)).toMatchObject({ sector: 'HRI', code: 'BLRHRI', wikidata: 'Q4115474' });
  });

  test('a code of its own replaces the made one; null clears; a changed sector makes the code again', async () => {
    await ok(app, 'PATCH', '/api/actors/john-coale/codes', { session: editor }, ActorDetail, { code: 'USAGOVDIP' });
    expect(await ok(app, 'GET', '/api/actors/john-coale', null, ActorDetail)).toMatchObject({ code: 'USAGOVDIP' });
    const cleared = await ok(app, 'PATCH', '/api/actors/john-coale/codes', { session: editor }, ActorDetail, { code: null, sector: 'MIL' });
    expect(cleared).toMatchObject({ country: 'USA', sector: 'MIL', code: 'USAMIL' });
  });

  test('the values are checked as in a facts file; unknown actors 404; writes need credentials and the CSRF token', async () => {
    const before = await contentFingerprint(db);
    const bad = await call(app, 'PATCH', '/api/actors/belarus/codes', { session: editor }, ActorDetail, { country: 'XYZ', wikidata: '184' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/country/);
    expect((await call(app, 'PATCH', '/api/actors/belarus/codes', { session: editor }, ActorDetail, { colour: 'red' })).status).toBe(400);
    expect((await call(app, 'PATCH', '/api/actors/no-such-actor/codes', { session: editor }, ActorDetail, { sector: 'GOV' })).status).toBe(404);
    expect((await call(app, 'PATCH', '/api/actors/belarus/codes', null, ActorDetail, { sector: 'GOV' })).status).toBe(401);
    expect((await call(app, 'PATCH', '/api/actors/belarus/codes', { session: editor, csrf: false }, ActorDetail, { sector: 'GOV' })).status).toBe(403);
    expect(await contentFingerprint(db)).toBe(before);
  });
});

describe('codes of an actor a draft proposes', () => {
  test('given when the actor is added, corrected by adding it again, and written when the draft is committed', async () => {
    const { draft } = await createDraft(
      db,
      { title: 'Codes in review', text: 'On December 19, President Alexander Lukashenko met fishermen in Minsk.', publishedAt: '2025-12-21' },
      { name: 'codes-editor', role: 'editor', via: 'session' },
    );
    const path = `/api/drafts/${draft.id}/actors`;
    const name = 'Guild of "Ξ" <Fishers> & Co';
    const added = await ok(app, 'POST', path, { session: editor }, DraftActor, { name, kind: 'organization', country: 'BLR', sector: 'BUS' });
    expect(added).toMatchObject({ known: false, country: 'BLR', sector: 'BUS' });
    const corrected = await ok(app, 'POST', path, { session: editor }, DraftActor, { name, kind: 'organization', sector: 'NGO', wikidata: 'Q42' });
    expect(corrected).toMatchObject({ id: added.id, country: 'BLR', sector: 'NGO', wikidata: 'Q42' });
    const refused = await call(app, 'POST', path, { session: editor }, DraftActor, { name, kind: 'organization', country: 'Belarus' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/country/);

    await ok(app, 'PATCH', `/api/drafts/${draft.id}/events/0`, { session: editor }, Draft, { targets: [added.id], decision: 'accepted' });
    await ok(app, 'POST', `/api/drafts/${draft.id}/commit`, { session: editor }, Committed);
    expect(await ok(app, 'GET', `/api/actors/${added.id}`, null, ActorDetail)).toMatchObject({
      name,
      country: 'BLR',
      countryAlpha2: 'BY',
      sector: 'NGO',
      code: 'BLRNGO',
      wikidata: 'Q42',
    });
  });
});
