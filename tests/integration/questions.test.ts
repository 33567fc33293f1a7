import type { Db } from '../../src/db/query';
import { ActorDetail } from '../../src/actors/actors.schemas';
import { EventDetail, EventPage } from '../../src/events/events.schemas';
import { WhoDidWhatAnswer } from '../../src/who-did-what/who-did-what.schemas';
import { getOk, type RunningApp, useSeededApp } from '../helpers/test-app';

/** The questions of issue 2, answered through the API alone, over the seed loaded into the real Neo4j. */
let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

const ids = (items: Array<{ event?: { id: string }; id?: string }>) => items.map((item) => item.event?.id ?? item.id);

test('what sanctions did the US lift, and when: potash in December 2025, Belavia in September 2025', async () => {
  const body = await getOk(app, '/api/who-did-what?actor=united-states&action=sanctions_lifted', WhoDidWhatAnswer);
  expect(body.items.map((row) => [row.event.id, row.date.start, row.date.precision])).toEqual([
    ['sanctions-lifted-belavia-2025-09', '2025-09-01', 'month'],
    ['sanctions-lifted-potash-2025-12', '2025-12-12', 'day'],
  ]);
  expect(body.items[1]!.toWhom.map((a) => a.id)).toContain('belarusian-potash');
  expect(body.items[0]!.toWhom.map((a) => a.id)).toContain('belavia');
  for (const row of body.items) expect(row.who.map((a) => a.id)).toEqual(['united-states']);
});

test('what Lukashenko did in December 2025: hosted the talks and pardoned 123 prisoners', async () => {
  const body = await getOk(app, '/api/who-did-what?actor=alexander-lukashenko&from=2025-12-01&to=2025-12-31', WhoDidWhatAnswer);
  const pardon = body.items.find((row) => row.did === 'pardon')!;
  expect(ids(body.items).sort()).toEqual(['pardon-123-prisoners-2025-12', 'talks-minsk-2025-12']);
  expect(pardon.figures).toEqual({ count: 123, unit: 'prisoners', approximate: false });
  expect(pardon.quote).toContain('President Lukashenko announced the pardon of 123 individuals');
});

test("Coale's roles over time and his nomination on 2025-11-09 by Trump", async () => {
  const coale = await getOk(app, '/api/actors/john-coale', ActorDetail);
  const roles = coale.roles.map((r) => [r.role, r.counterpart.id, r.from, r.former]);
  expect(roles).toEqual(
    expect.arrayContaining([
      ['lawyer_for', 'donald-trump', null, true],
      ['deputy_envoy_to', 'ukraine', null, false],
      ['envoy_to', 'belarus', '2025-11-09', false],
    ]),
  );
  const nominations = await getOk(app, '/api/who-did-what?target=john-coale&action=nomination', WhoDidWhatAnswer);
  expect(nominations.items).toHaveLength(1);
  expect(nominations.items[0]!.date).toEqual({ start: '2025-11-09', end: null, precision: 'day' });
  expect(nominations.items[0]!.who.map((a) => a.id)).toContain('donald-trump');
});

test('what happened in September 2025: talks in Minsk, 52 prisoners released, Belavia sanctions lifted', async () => {
  const body = await getOk(app, '/api/events?from=2025-09-01&to=2025-09-30', EventPage);
  expect(ids(body.items).sort()).toEqual(['prisoner-release-52-2025-09', 'sanctions-lifted-belavia-2025-09', 'talks-minsk-2025-09']);
  const release = body.items.find((e) => e.type === 'prisoner_release')!;
  expect(release.figures!.count).toBe(52);
});

test('what Viasna says: about 1,200 political prisoners remain, including Bialiatski', async () => {
  const body = await getOk(app, '/api/who-did-what?actor=viasna', WhoDidWhatAnswer);
  expect(body.items).toHaveLength(1);
  const claim = body.items[0]!;
  expect(claim.did).toBe('statement');
  expect(claim.figures).toEqual({ count: 1200, unit: 'political prisoners remaining', approximate: true });
  expect(claim.toWhom.map((a) => a.id)).toContain('ales-bialiatski');
  const bialiatski = await getOk(app, '/api/actors/ales-bialiatski', ActorDetail);
  expect(bialiatski.roles.map((r) => [r.role, r.counterpart.id])).toContainEqual(['founder_of', 'viasna']);
});

test('whom Tsikhanouskaya welcomed: Coale', async () => {
  const body = await getOk(app, '/api/who-did-what?actor=sviatlana-tsikhanouskaya&action=endorsement', WhoDidWhatAnswer);
  expect(body.items.map((row) => row.toWhom.map((a) => a.id))).toEqual([['john-coale']]);
});

test('what was given in return for what: the reciprocity links', async () => {
  const pardon = await getOk(app, '/api/events/pardon-123-prisoners-2025-12', EventDetail);
  expect(pardon.links).toContainEqual(
    expect.objectContaining({ kind: 'reciprocates', direction: 'outgoing', event: expect.objectContaining({ id: 'sanctions-lifted-potash-2025-12' }) }),
  );
  const belavia = await getOk(app, '/api/events/sanctions-lifted-belavia-2025-09', EventDetail);
  expect(belavia.links).toContainEqual(
    expect.objectContaining({ kind: 'reciprocates', event: expect.objectContaining({ id: 'prisoner-release-52-2025-09' }) }),
  );
  expect(belavia.cameo).toBe('085');
});
