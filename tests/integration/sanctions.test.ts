import type { Db } from '../../src/db/query';
import { read, write } from '../../src/db/query';
import { measuresLineOrder } from '../../src/migrations/steps/009-measures-line-order';
import { ensureMeasures } from '../../src/sanctions/refresh';
import { ChangesAnswer, InForceAnswer, MeasuresAnswer, type MeasureView } from '../../src/sanctions/sanctions.schemas';
import { loadFacts } from '../helpers/browse-fixtures';
import { getError, getOk, type RunningApp, useSeededApp } from '../helpers/test-app';

/** Sanctions as measures over time, through the API, over the seed and a story of one line written here. */
let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

const POTASH = 'united-states|belarus|belarusian-potash|1';
const BELAVIA = 'united-states|belarus|belavia|1';

describe('the seed', () => {
  test("on 2025-10-01 the potash measure (United States → Belarus, on Belarusian potash) is in force, of unknown start; Belavia's is not", async () => {
    const body = await getOk(app, '/api/sanctions?on=2025-10-01', InForceAnswer);
    expect(body.on).toBe('2025-10-01');
    expect(body.capped).toBe(false);
    expect(body.items.map((m) => m.id)).toEqual([POTASH]);
    const [potash] = body.items;
    expect(potash).toMatchObject({
      authority: { id: 'united-states', name: 'United States', kind: 'state' },
      target: { id: 'belarus', name: 'Belarus', kind: 'state' },
      scope: { id: 'belarusian-potash', name: 'Belarusian potash', kind: 'commodity' },
      start: null,
      startKnown: false,
      end: { date: '2025-12-12', precision: 'day' },
      certain: true,
      exemptions: [],
    });
    expect(potash?.changes.map((c) => [c.kind, c.event.id, c.event.title])).toEqual([
      ['lifted', 'sanctions-lifted-potash-2025-12', 'United States lifts sanctions on Belarusian potash'],
    ]);
    expect(potash?.changes[0]?.event.quote).toContain('lifting sanctions on Belarusian potash');
  });

  test("in August 2025 both were in force; from September, known only to the month, Belavia's is left out; from 12 December neither", async () => {
    const august = await getOk(app, '/api/sanctions?on=2025-08-31&target=belarus', InForceAnswer);
    expect(august.items.map((m) => [m.id, m.certain])).toEqual([
      [POTASH, true],
      [BELAVIA, true],
    ]);
    const september = await getOk(app, '/api/sanctions?on=2025-09-15&target=belarus', InForceAnswer);
    expect(september.items.map((m) => m.id)).toEqual([POTASH]);
    const december = await getOk(app, '/api/sanctions?on=2025-12-12', InForceAnswer);
    expect(december.items).toEqual([]);
  });

  test('target matches the target or the scope: belavia finds the Belavia measure only, the United States as authority both', async () => {
    const belavia = await getOk(app, '/api/sanctions/measures?target=belavia', MeasuresAnswer);
    expect(belavia.items.map((m) => m.id)).toEqual([BELAVIA]);
    const byUs = await getOk(app, '/api/sanctions/measures?authority=united-states', MeasuresAnswer);
    expect(byUs.items.map((m) => m.id)).toEqual([POTASH, BELAVIA]);
    const byBelarus = await getOk(app, '/api/sanctions/measures?authority=belarus', MeasuresAnswer);
    expect(byBelarus.items).toEqual([]);
  });

  test('September 2025: the Belavia measure lifted, given in return for the release of 52 prisoners', async () => {
    const body = await getOk(app, '/api/sanctions/changes?from=2025-09-01&to=2025-09-30', ChangesAnswer);
    expect(body).toMatchObject({ from: '2025-09-01', to: '2025-09-30', capped: false });
    expect(body.items.map((row) => [row.measure.id, row.change.kind, row.change.event.id])).toEqual([[BELAVIA, 'lifted', 'sanctions-lifted-belavia-2025-09']]);
    const [row] = body.items;
    expect(row?.measure).toMatchObject({
      scope: { id: 'belavia' },
      start: null,
      startKnown: false,
      end: { date: '2025-09-01', precision: 'month' },
      exemptionOf: null,
    });
    expect(row?.change.date).toEqual({ date: '2025-09-01', precision: 'month' });
    expect(row?.links.map((l) => [l.kind, l.direction, l.event.id])).toEqual(
      expect.arrayContaining([
        ['reciprocates', 'outgoing', 'prisoner-release-52-2025-09'],
        ['causes', 'incoming', 'talks-minsk-2025-09'],
      ]),
    );
    const december = await getOk(app, '/api/sanctions/changes?from=2025-12-01&to=2025-12-31&target=belarus', ChangesAnswer);
    expect(december.items.map((r) => [r.measure.id, r.change.kind])).toEqual([[POTASH, 'lifted']]);
    expect(december.items[0]?.links.map((l) => [l.kind, l.direction, l.event.id])).toContainEqual(['reciprocates', 'incoming', 'pardon-123-prisoners-2025-12']);
  });

  test('all measures, with their dates', async () => {
    const body = await getOk(app, '/api/sanctions/measures', MeasuresAnswer);
    const dates = (m: MeasureView) => [m.id, m.start, m.end];
    expect(body.items.map(dates)).toEqual([
      [POTASH, null, { date: '2025-12-12', precision: 'day' }],
      [BELAVIA, null, { date: '2025-09-01', precision: 'month' }],
    ]);
    expect(body.capped).toBe(false);
    const capped = await getOk(app, '/api/sanctions/measures?limit=1', MeasuresAnswer);
    expect(capped.items).toHaveLength(1);
    expect(capped.capped).toBe(true);
  });

  test('an unknown actor is 404; a bad date or parameter 400 naming the field; reversed dates 400 naming `to`', async () => {
    expect((await getError(app, '/api/sanctions?target=nobody-at-all')).status).toBe(404);
    expect((await getError(app, '/api/sanctions/changes?authority=nobody-at-all&from=2025-01-01&to=2025-02-01')).status).toBe(404);
    expect((await getError(app, '/api/sanctions/measures?target=nobody-at-all')).status).toBe(404);
    const badDay = await getError(app, '/api/sanctions?on=2025-02-30');
    expect([badDay.status, badDay.body.details?.map((d) => d.path)]).toEqual([400, ['on']]);
    const badFrom = await getError(app, '/api/sanctions/changes?from=yesterday&to=2025-02-01');
    expect([badFrom.status, badFrom.body.details?.map((d) => d.path)]).toEqual([400, ['from']]);
    const reversed = await getError(app, '/api/sanctions/changes?from=2025-10-01&to=2025-09-01');
    expect([reversed.status, reversed.body.details?.map((d) => d.path)]).toEqual([400, ['to']]);
    const unknown = await getError(app, '/api/sanctions?country=belarus');
    expect(unknown.status).toBe(400);
    const badLimit = await getError(app, '/api/sanctions/measures?limit=0');
    expect([badLimit.status, badLimit.body.details?.map((d) => d.path)]).toEqual([400, ['limit']]);
  });
});

/** One line, Freedonia → Sylvania: imposed, eased for grain, re-imposed on grain, lifted; a release in return. */
const SENTENCES = {
  impose: 'Freedonia imposed sanctions on Sylvania under Executive Order 14100.',
  ease: 'In June 2021 Freedonia exempted Sylvanian grain from its sanctions.',
  reimpose: 'Freedonia put Sylvanian grain back under sanctions on 1 February 2022.',
  lift: 'Freedonia lifted all its sanctions on Sylvania on 15 January 2024.',
  release: 'Sylvania freed 20 prisoners the same week.',
};

function story(liftType: 'sanctions_lifted' | 'statement' = 'sanctions_lifted') {
  const event = (id: keyof typeof SENTENCES, type: string, start: string, target: string, extra: Array<{ actor: string; role: string }> = []) => ({
    id: `story-${id}`,
    type,
    title: `Story: ${id}`,
    date: { start },
    participants: [{ actor: 'freedonia', role: 'agent' }, { actor: target, role: 'target' }, ...extra],
    sources: [{ quote: SENTENCES[id] }],
  });
  const grain = [{ actor: 'sylvania', role: 'beneficiary' }];
  return {
    article: { id: 'story-article', title: 'Freedonia and Sylvania', publishedAt: '2024-02-01', text: Object.values(SENTENCES).join(' ') },
    actors: [
      { id: 'freedonia', name: 'Freedonia', kind: 'state' },
      { id: 'sylvania', name: 'Sylvania', kind: 'state' },
      { id: 'sylvanian-grain', name: 'Sylvanian grain', kind: 'commodity' },
    ],
    events: [
      event('impose', 'sanctions_imposed', '2020-03-10', 'sylvania'),
      event('ease', 'sanctions_lifted', '2021-06', 'sylvanian-grain', grain),
      event('reimpose', 'sanctions_imposed', '2022-02-01', 'sylvanian-grain', grain),
      event('lift', liftType, '2024-01-15', 'sylvania'),
      { ...event('release', 'prisoner_release', '2024-01-18', 'sylvania'), participants: [{ actor: 'sylvania', role: 'agent' }] },
    ],
    links: [{ from: 'story-lift', to: 'story-release', kind: 'reciprocates' }],
  };
}

const WHOLE = 'freedonia|sylvania|*|1';
const EXEMPTION = 'freedonia|sylvania|sylvanian-grain|1';

/** What the database holds of the story: each Measure with its changes, and any event still marked stale. */
async function stored(): Promise<{ measures: string[]; stale: number }> {
  const measures = await read<{ m: string }>(
    db,
    `MATCH (m:Measure {key: 'freedonia|sylvania'})
     RETURN m.id + ' ' + coalesce(toString(m.start), '?') + '..' + coalesce(toString(m.end), '') + ' ' +
            reduce(s = '', c IN COLLECT { MATCH (m)-[c:CHANGED_BY]->(e) RETURN c.change + ':' + e.id ORDER BY c.order } | s + c + ';') AS m
     ORDER BY m`,
  );
  const stale = await read<{ n: number }>(db, 'MATCH (e:MeasuresStale) RETURN count(e) AS n');
  return { measures: measures.map((r) => r.m), stale: stale[0]?.n ?? -1 };
}

/** Measures whose stored sort keys (the listed order's index) disagree with their scope and start, by id. */
async function misKeyed(): Promise<string[]> {
  const rows = await read<{ id: string }>(
    db,
    `MATCH (m:Measure)
     WHERE m.scopeKey IS NULL OR m.startKey IS NULL OR m.scopeKey <> coalesce(m.scope, '') OR m.startKey <> coalesce(toString(m.start), '')
     RETURN m.id AS id ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

describe('a line written here: imposed, eased, re-imposed, lifted', () => {
  beforeAll(() => loadFacts(db, story()));

  test('one measure with an exemption cut out of it and closed again, its instrument named', async () => {
    const body = await getOk(app, '/api/sanctions/measures?authority=freedonia', MeasuresAnswer);
    expect(body.items.map((m) => m.id)).toEqual([WHOLE]);
    const [whole] = body.items;
    expect(whole).toMatchObject({
      target: { id: 'sylvania' },
      scope: null,
      start: { date: '2020-03-10', precision: 'day' },
      startKnown: true,
      end: { date: '2024-01-15', precision: 'day' },
      instrument: 'Executive Order 14100',
      reimposes: null,
    });
    expect(whole?.changes.map((c) => [c.kind, c.event.id])).toEqual([
      ['imposed', 'story-impose'],
      ['lifted', 'story-lift'],
    ]);
    expect(whole?.exemptions.map((x) => [x.id, x.scope.id, x.start, x.end, x.changes.map((c) => c.kind)])).toEqual([
      [EXEMPTION, 'sylvanian-grain', { date: '2021-06-01', precision: 'month' }, { date: '2022-02-01', precision: 'day' }, ['eased', 'reimposed']],
    ]);
  });

  test('in force on a day, with the exemptions in force that day', async () => {
    const eased = await getOk(app, '/api/sanctions?on=2021-08-01&authority=freedonia', InForceAnswer);
    expect(eased.items.map((m) => [m.id, m.certain, m.exemptions.map((x) => x.id)])).toEqual([[WHOLE, true, [EXEMPTION]]]);
    const reimposed = await getOk(app, '/api/sanctions?on=2022-03-01&target=sylvanian-grain', InForceAnswer);
    expect(reimposed.items).toEqual([]);
    const whole = await getOk(app, '/api/sanctions?on=2022-03-01&target=sylvania', InForceAnswer);
    expect(whole.items.map((m) => [m.id, m.exemptions])).toEqual([[WHOLE, []]]);
    expect((await getOk(app, '/api/sanctions?on=2024-01-15&authority=freedonia', InForceAnswer)).items).toEqual([]);
  });

  test('the changes of a window, the lift with what it was given in return for', async () => {
    const body = await getOk(app, '/api/sanctions/changes?from=2021-01-01&to=2024-12-31&authority=freedonia', ChangesAnswer);
    expect(body.items.map((r) => [r.measure.id, r.measure.exemptionOf, r.change.kind])).toEqual([
      [EXEMPTION, WHOLE, 'eased'],
      [EXEMPTION, WHOLE, 'reimposed'],
      [WHOLE, null, 'lifted'],
    ]);
    expect(body.items[2]?.links.map((l) => [l.kind, l.direction, l.event.id])).toEqual([['reciprocates', 'outgoing', 'story-release']]);
    const unfiltered = await getOk(app, '/api/sanctions/changes?from=2024-01-01&to=2024-01-31', ChangesAnswer);
    expect(unfiltered.items.map((r) => r.change.event.id)).toEqual(['story-lift']);
  });

  test('reloading the same file leaves the same measures; a lift that becomes a statement reopens the measure, and back', async () => {
    const first = await stored();
    expect(first.stale).toBe(0);
    expect(first.measures).toEqual([
      `${WHOLE} 2020-03-10..2024-01-15 imposed:story-impose;lifted:story-lift;`,
      `${EXEMPTION} 2021-06-01..2022-02-01 eased:story-ease;reimposed:story-reimpose;`,
    ]);
    await loadFacts(db, story());
    expect(await stored()).toEqual(first);

    await loadFacts(db, story('statement'));
    expect(await stored()).toEqual({
      measures: [`${WHOLE} 2020-03-10.. imposed:story-impose;`, `${EXEMPTION} 2021-06-01..2022-02-01 eased:story-ease;reimposed:story-reimpose;`],
      stale: 0,
    });
    const open = await getOk(app, '/api/sanctions?on=2030-01-01&authority=freedonia', InForceAnswer);
    expect(open.items.map((m) => [m.id, m.end])).toEqual([[WHOLE, null]]);

    await loadFacts(db, story());
    expect(await stored()).toEqual(first);
  });

  test("each measure's sort keys follow its scope and start through every rewrite: an unknown start sorts first", async () => {
    expect(await misKeyed()).toEqual([]);
    const keys = () =>
      read<{ id: string; scopeKey: string; startKey: string }>(
        db,
        "MATCH (m:Measure) WHERE m.authority = 'freedonia' RETURN m.id AS id, m.scopeKey AS scopeKey, m.startKey AS startKey ORDER BY id",
      );
    expect(await keys()).toEqual([
      { id: WHOLE, scopeKey: '', startKey: '2020-03-10' },
      { id: EXEMPTION, scopeKey: 'sylvanian-grain', startKey: '2021-06-01' },
    ]);
    await loadFacts(db, story('statement'));
    expect(await misKeyed()).toEqual([]);
    await loadFacts(db, story());
    expect(await misKeyed()).toEqual([]);
    // The seed's potash measure has no known start: '' puts it before any measure of its line that has one.
    expect(await read(db, 'MATCH (m:Measure {id: $id}) RETURN m.startKey AS startKey', { id: POTASH })).toEqual([{ startKey: '' }]);
  });

  test('an authority that changes moves the measure to its new line, leaving none on the old', async () => {
    const moved = story();
    moved.actors.push({ id: 'elbonia', name: 'Elbonia', kind: 'state' });
    for (const event of moved.events) for (const p of event.participants) if (p.actor === 'freedonia') p.actor = 'elbonia';
    await loadFacts(db, moved);
    expect((await stored()).measures).toEqual([]);
    const body = await getOk(app, '/api/sanctions/measures?authority=elbonia', MeasuresAnswer);
    expect(body.items.map((m) => [m.id, m.exemptions.map((x) => x.id)])).toEqual([['elbonia|sylvania|*|1', ['elbonia|sylvania|sylvanian-grain|1']]]);
    await loadFacts(db, story());
    expect((await getOk(app, '/api/sanctions/measures?authority=elbonia', MeasuresAnswer)).items).toEqual([]);
    expect((await stored()).stale).toBe(0);
  });
});

describe('measures of a database that never had them, and marks a crash left behind', () => {
  const seedMeasures = async () => (await getOk(app, '/api/sanctions/measures', MeasuresAnswer)).items.map((m) => [m.id, m.start, m.end]);

  test('at start a database without the version marker gets every measure built', async () => {
    const before = await seedMeasures();
    expect(before.length).toBeGreaterThan(0);
    await write(db, 'MATCH (m:Measure) DETACH DELETE m WITH count(*) AS n MATCH (v:MeasuresVersion) DELETE v');
    expect(await seedMeasures()).toEqual([]);
    await ensureMeasures(db);
    expect(await seedMeasures()).toEqual(before);
  });

  test('an event left marked (a load stopped before its refresh) has its lines recomputed at start', async () => {
    const before = await seedMeasures();
    await write(db, 'MATCH (m:Measure {id: $id}) DETACH DELETE m', { id: BELAVIA });
    await write(db, "MATCH (e:Event {id: 'sanctions-lifted-belavia-2025-09'}) SET e:MeasuresStale");
    expect((await seedMeasures()).map(([id]) => id)).not.toContain(BELAVIA);
    await ensureMeasures(db);
    expect(await seedMeasures()).toEqual(before);
    expect(await read(db, 'MATCH (e:MeasuresStale) RETURN e.id AS id')).toEqual([]);
    expect(await misKeyed()).toEqual([]);
  });

  test('measures written before their sort keys were stored get them from migration step 9, and list as before', async () => {
    const before = await getOk(app, '/api/sanctions?on=2025-08-31', InForceAnswer);
    expect(before.items.length).toBeGreaterThan(1);
    await write(db, 'MATCH (m:Measure) REMOVE m.scopeKey, m.startKey');
    expect((await misKeyed()).length).toBeGreaterThan(1);
    await measuresLineOrder.run(db, () => {});
    expect(await misKeyed()).toEqual([]);
    expect(await getOk(app, '/api/sanctions?on=2025-08-31', InForceAnswer)).toEqual(before);
    // Run again: nothing left to set.
    expect((await write(db, 'MATCH (m:Measure) WHERE m.scopeKey IS NULL RETURN count(m) AS n')).rows).toEqual([{ n: 0 }]);
    await measuresLineOrder.run(db, () => {});
    expect(await misKeyed()).toEqual([]);
  });
});
