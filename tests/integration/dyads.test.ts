import { read as readRows, type Db, write } from '../../src/db/query';
import { readFromLists } from '../../src/dyads/dyads.repository';
import { DyadAnswer } from '../../src/dyads/dyads.schemas';
import { WhoDidWhatAnswer } from '../../src/who-did-what/who-did-what.schemas';
import { type BetweenWay, latestEventsBetween } from '../../src/db/shared-events';
import { getError, getOk, type RunningApp, useSeededApp } from '../helpers/test-app';

/** Two actors toward each other, over the seed in the real Neo4j. */
let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

const moves = (body: DyadAnswer, side: string) => body.events.items.filter((e) => e.side === side).map((e) => e.id);
const firstPage = { after: null, limit: 101 };
const entries = (list: DyadAnswer['ledger']['a']) => list.map((l) => [l.event.id, l.inReturnFor.map((e) => e.id), l.answeredBy.map((e) => e.id)]);

test('the US–Belarus dyad: both sides’ moves, newest first, with the people who act for each side', async () => {
  const body = await getOk(app, '/api/dyads/united-states/belarus', DyadAnswer);
  expect(body.a.actingFor.map((a) => a.id)).toEqual(['donald-trump', 'john-coale']);
  expect(body.b.actingFor.map((a) => a.id)).toEqual(['alexander-lukashenko', 'belavia']);
  expect(moves(body, 'a')).toEqual(['sanctions-lifted-potash-2025-12', 'intent-normalise-relations', 'sanctions-lifted-belavia-2025-09']);
  // Newest first; a day's events by id.
  expect(moves(body, 'b')).toEqual(['pardon-123-prisoners-2025-12', 'talks-minsk-2025-12', 'prisoner-release-52-2025-09', 'talks-minsk-2025-09']);
  const starts = body.events.items.map((e) => e.date.start);
  expect(starts).toEqual([...starts].sort().reverse());
  const release = body.events.items.find((e) => e.id === 'prisoner-release-52-2025-09')!;
  expect(release).toMatchObject({ linkedOnly: true, label: 'Prisoner release' });
  expect(release.quote).toContain('release of 52 political prisoners');
  expect(release.participants.map((p) => p.actor.name)).toContain('Belarus');
  expect(body.events.items.find((e) => e.id === 'sanctions-lifted-potash-2025-12')!.linkedOnly).toBe(false);
  expect(body.events.items.map((e) => e.id)).not.toContain('nomination-coale-envoy-belarus');
  expect(body.events.nextCursor).toBeNull();
  expect(body.truncated).toBe(false);
});

test('the events column comes a page at a time; the links, ledger, counts and trend cover the whole dyad on every page', async () => {
  const whole = await getOk(app, '/api/dyads/united-states/belarus', DyadAnswer);
  const pages: DyadAnswer[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page: DyadAnswer = await getOk(app, `/api/dyads/united-states/belarus?limit=3${cursor ? `&cursor=${cursor}` : ''}`, DyadAnswer);
    expect(page.events.items.length).toBeLessThanOrEqual(3);
    expect({ links: page.links, ledger: page.ledger, counts: page.counts, trend: page.trend }).toEqual({
      links: whole.links,
      ledger: whole.ledger,
      counts: whole.counts,
      trend: whole.trend,
    });
    pages.push(page);
    cursor = page.events.nextCursor;
  }
  expect(pages).toHaveLength(Math.ceil(whole.events.items.length / 3));
  expect(pages.flatMap((p) => p.events.items)).toEqual(whole.events.items);
  const forged = await getError(app, '/api/dyads/united-states/belarus?cursor=bm90LWEtY3Vyc29y');
  expect([forged.status, forged.body.details?.map((d) => d.path)]).toEqual([400, ['cursor']]);
  const otherList = await getOk(app, '/api/who-did-what?actor=belarus&limit=1', WhoDidWhatAnswer);
  const foreign = await getError(app, `/api/dyads/united-states/belarus?cursor=${otherList.nextCursor}`);
  expect([foreign.status, foreign.body.details?.map((d) => d.path)]).toEqual([400, ['cursor']]);
  const tooMany = await getError(app, '/api/dyads/united-states/belarus?limit=201');
  expect([tooMany.status, tooMany.body.details?.map((d) => d.path)]).toEqual([400, ['limit']]);
});

test('the two reciprocities and the ledger: Belavia for 52 prisoners, potash answered by 123 pardons', async () => {
  const body = await getOk(app, '/api/dyads/united-states/belarus', DyadAnswer);
  expect(body.links).toEqual(
    expect.arrayContaining([
      { from: 'sanctions-lifted-belavia-2025-09', to: 'prisoner-release-52-2025-09', kind: 'reciprocates' },
      { from: 'pardon-123-prisoners-2025-12', to: 'sanctions-lifted-potash-2025-12', kind: 'reciprocates' },
      { from: 'pardon-123-prisoners-2025-12', to: 'talks-minsk-2025-12', kind: 'part_of' },
    ]),
  );
  expect(entries(body.ledger.a)).toEqual([
    ['sanctions-lifted-belavia-2025-09', ['prisoner-release-52-2025-09'], []],
    ['sanctions-lifted-potash-2025-12', [], ['pardon-123-prisoners-2025-12']],
  ]);
  expect(entries(body.ledger.b)).toEqual([
    ['prisoner-release-52-2025-09', [], ['sanctions-lifted-belavia-2025-09']],
    ['pardon-123-prisoners-2025-12', ['sanctions-lifted-potash-2025-12'], []],
  ]);
});

test('counts by type and the monthly trend of Goldstein weights with quad classes', async () => {
  const body = await getOk(app, '/api/dyads/united-states/belarus', DyadAnswer);
  expect(body.counts.a).toEqual({ sanctions_lifted: 2, intent: 1 });
  expect(body.counts.b).toEqual({ prisoner_release: 1, talks: 2, pardon: 1 });
  expect(body.trend.map((m) => m.month)).toEqual(['2025-09', '2025-12']);
  const september = body.trend[0]!;
  expect(september.a).toEqual({ events: 1, goldstein: 7 });
  expect(september.b).toEqual({ events: 2, goldstein: 4 });
  expect(september.quad).toEqual([1, 2, 0, 0]);
  expect(body.method).toContain('Goldstein');
});

test('seen from the other side, the sides swap; a window keeps only its events', async () => {
  const swapped = await getOk(app, '/api/dyads/belarus/united-states', DyadAnswer);
  expect(moves(swapped, 'b')).toEqual(['sanctions-lifted-potash-2025-12', 'intent-normalise-relations', 'sanctions-lifted-belavia-2025-09']);
  const december = await getOk(app, '/api/dyads/united-states/belarus?from=2025-12-01&to=2025-12-31', DyadAnswer);
  expect(december.events.items.map((e) => e.id).sort()).toEqual([
    'intent-normalise-relations',
    'pardon-123-prisoners-2025-12',
    'sanctions-lifted-potash-2025-12',
    'talks-minsk-2025-12',
  ]);
  expect(december).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  const earlier = await getOk(app, '/api/dyads/united-states/belarus?to=2025-10-31&limit=1', DyadAnswer);
  const next = await getOk(app, `/api/dyads/united-states/belarus?to=2025-10-31&limit=1&cursor=${earlier.events.nextCursor}`, DyadAnswer);
  expect([...earlier.events.items, ...next.events.items].map((e) => e.date.start <= '2025-10-31')).toEqual([true, true]);
  expect(next.events.items[0]!.id).not.toBe(earlier.events.items[0]!.id);
});

test('two actors with nothing between them get an empty dyad; errors name the field', async () => {
  const empty = await getOk(app, '/api/dyads/ukraine/viasna', DyadAnswer);
  expect(empty).toMatchObject({ events: { items: [], nextCursor: null }, links: [], trend: [], ledger: { a: [], b: [] } });
  const same = await getError(app, '/api/dyads/belarus/belarus');
  expect([same.status, same.body.details?.map((d) => d.path)]).toEqual([400, ['b']]);
  const unknown = await getError(app, '/api/dyads/belarus/atlantis');
  expect(unknown.status).toBe(404);
  const reversed = await getError(app, '/api/dyads/belarus/united-states?from=2025-12-01&to=2025-01-01');
  expect([reversed.status, reversed.body.details?.map((d) => d.path)]).toEqual([400, ['to']]);
  const badDate = await getError(app, '/api/dyads/belarus/united-states?from=2025-13-01');
  expect([badDate.status, badDate.body.details?.map((d) => d.path)]).toEqual([400, ['from']]);
});

test("the ways of reading a dyad find the same events: the pairs' lists, pair by pair, one walk down the date index, the quieter side once", async () => {
  const sides = { a: ['united-states', 'donald-trump', 'john-coale'], b: ['belarus', 'alexander-lukashenko', 'belavia'] };
  const asks = sides.a.flatMap((a) => sides.b.map((b) => ({ key: `${a}|${b}`, a, b })));
  const read = async (way: BetweenWay, limit: number) => [...(await latestEventsBetween(db, asks, { from: null, to: null }, limit, way))].sort();
  const byPairs = await read('pairs', 200);
  expect(byPairs.length).toBeGreaterThan(3);
  expect(await read('walk', 200)).toEqual(byPairs);
  expect(await read('lists', 200)).toEqual(byPairs);
  expect(await read('quieterSide', 200)).toEqual(byPairs);
  // Cut short, the walk keeps the latest: none of the events it leaves out is newer than one it keeps.
  const dates = new Map((await getOk(app, '/api/dyads/united-states/belarus', DyadAnswer)).events.items.map((e) => [e.id, e.date.start]));
  expect(byPairs.filter((id) => !dates.has(id))).toEqual([]);
  const latest = await read('walk', 2);
  expect(latest).toHaveLength(2);
  expect(await read('quieterSide', 2)).toEqual(latest);
  expect(await read('lists', 2)).toEqual(latest);
  const kept = Math.min(...latest.map((id) => Date.parse(dates.get(id) ?? '')));
  expect(byPairs.filter((id) => !latest.includes(id) && Date.parse(dates.get(id) ?? '') > kept)).toEqual([]);
});

test("a pair's list that no longer holds enough makes the dyad searched instead of read in one trip, with the same answer", async () => {
  const full = await getOk(app, '/api/dyads/united-states/belarus', DyadAnswer);
  expect((await readFromLists(db, 'united-states', 'belarus', 200, firstPage))?.answered).toBe(true);
  const [saved] = await readRows<{ ids: string[]; total: number }>(
    db,
    "MATCH (p:ActorPair {id: 'belarus|united-states'}) RETURN p.latestIds AS ids, p.total AS total",
  );
  expect(saved!.total).toBeGreaterThan(1);
  await write(
    db,
    "MATCH (p:ActorPair {id: 'belarus|united-states'}) SET p.keptIds = p.latestIds, p.keptDates = p.latestDates, p.latestIds = p.latestIds[0..1], p.latestDates = p.latestDates[0..1]",
  );
  try {
    expect((await readFromLists(db, 'united-states', 'belarus', 200, firstPage))?.answered).toBe(false);
    expect(await getOk(app, '/api/dyads/united-states/belarus', DyadAnswer)).toEqual(full);
  } finally {
    await write(db, "MATCH (p:ActorPair {id: 'belarus|united-states'}) SET p.latestIds = p.keptIds, p.latestDates = p.keptDates REMOVE p.keptIds, p.keptDates");
  }
  expect((await readFromLists(db, 'united-states', 'belarus', 200, firstPage))?.answered).toBe(true);
});
