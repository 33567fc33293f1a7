import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupToFile, restoreBackup } from '../../src/backup/backup.service';
import type { Db } from '../../src/db/query';
import { read } from '../../src/db/query';
import { chooseClaim } from '../../src/events/events.service';
import { eventSpans } from '../../src/migrations/steps/011-event-spans';
import { MapAnswer } from '../../src/places/places.schemas';
import { TimelineWindow } from '../../src/timeline/timeline.schemas';
import { loadFacts } from '../helpers/browse-fixtures';
import { clearDatabase } from '../helpers/test-db';
import { getOk, type RunningApp, useSeededApp } from '../helpers/test-app';

/**
 * A window's events include those that began before it and last into it, however long ago they began: the map and
 * the timeline seek no further back than the longest span any event has, read with each query. Each writer of an
 * event's dates keeps that span, so an event made long a moment ago is found at once, whoever made it long.
 */
let db: Db;
let app: RunningApp;

useSeededApp((suite) => ({ db, app } = suite));

const ACTOR = 'spans-envoy';
const WINDOW = 'from=2024-03-01&to=2024-03-31';

/** The window's events for the envoy on the map (a count) and on the timeline (their ids), and the timeline's for all actors. */
async function found(): Promise<{ map: number; timeline: string[]; everyone: string[] }> {
  const map = await getOk(app, `/api/map?actor=${ACTOR}&${WINDOW}`, MapAnswer);
  const timeline = await getOk(app, `/api/timeline?actor=${ACTOR}&${WINDOW}`, TimelineWindow);
  const everyone = await getOk(app, `/api/timeline?${WINDOW}`, TimelineWindow);
  const ids = (window: TimelineWindow) => [...new Set(window.items.map((item) => item.event))].filter((id) => id.startsWith('spans-')).sort();
  return { map: map.total, timeline: ids(timeline), everyone: ids(everyone) };
}

const sentence = (id: string) => `The envoy held the talks ${id}.`;

/** One article by the envoy's side reporting these events (each with its own sentence), all in Vienna. */
function article(id: string, publishedAt: string, events: Array<{ id: string; date: { start: string; end?: string } }>) {
  return {
    article: { id, title: `Report ${id}`, publishedAt, text: events.map((e) => sentence(e.id)).join(' ') },
    actors: [{ id: ACTOR, name: 'Spans Envoy', kind: 'person' }],
    events: events.map((e) => ({
      id: e.id,
      type: 'talks',
      title: `Talks ${e.id}`,
      date: e.date,
      place: 'Vienna',
      participants: [{ actor: ACTOR, role: 'agent' }],
      sources: [{ quote: sentence(e.id) }],
    })),
  };
}

const spanOf = async (id: string) => (await read<{ days: number }>(db, 'MATCH (e:Event {id: $id}) RETURN e.spanDays AS days', { id }))[0]?.days;

describe('an event that began long before a window and lasts into it is found, whichever writer made it long', () => {
  test('the loader: a window asked about before the long event existed finds it right after its load', async () => {
    await loadFacts(db, article('spans-first', '2024-04-02', [{ id: 'spans-within', date: { start: '2024-03-10' } }]));
    expect(await found()).toEqual({ map: 1, timeline: ['spans-within'], everyone: ['spans-within'] });
    // Twelve years: far longer than any event before it.
    await loadFacts(db, article('spans-loaded', '2024-04-03', [{ id: 'spans-loaded-long', date: { start: '2012-03-01', end: '2024-03-05' } }]));
    expect(await spanOf('spans-loaded-long')).toBe(4387);
    expect(await found()).toEqual({ map: 2, timeline: ['spans-loaded-long', 'spans-within'], everyone: ['spans-loaded-long', 'spans-within'] });
  });

  test("the settling of claims: a second source's more precise date, long, is the date shown", async () => {
    await loadFacts(db, article('spans-defining', '2024-04-04', [{ id: 'spans-settled', date: { start: '2015' } }]));
    expect((await found()).timeline).not.toContain('spans-settled');
    // A day is more precise than a year, and the two overlap: the second source's date is shown.
    await loadFacts(db, article('spans-precise', '2024-04-05', [{ id: 'spans-settled', date: { start: '2010-06-01', end: '2024-03-20' } }]));
    expect(await spanOf('spans-settled')).toBe(5041);
    const after = await found();
    expect(after.timeline).toContain('spans-settled');
    expect(after.everyone).toContain('spans-settled');
    expect(after.map).toBe(3);
  });

  test("an editor's choice: the longer of two agreeing dates, chosen, is the date shown", async () => {
    await loadFacts(db, article('spans-short', '2024-04-06', [{ id: 'spans-chosen', date: { start: '2009-05-01' } }]));
    await loadFacts(db, article('spans-long', '2024-04-07', [{ id: 'spans-chosen', date: { start: '2008-01-01', end: '2024-03-25' } }]));
    expect((await found()).timeline).not.toContain('spans-chosen');
    await chooseClaim(db, 'spans-chosen', { field: 'date', article: 'spans-long' }, { name: 'editor', role: 'editor', via: 'session' });
    expect(await spanOf('spans-chosen')).toBe(5928);
    const after = await found();
    expect(after.timeline).toContain('spans-chosen');
    expect(after.everyone).toContain('spans-chosen');
    expect(after.map).toBe(4);
  });

  test('migration step 11: events written without their span get it, and are found again', async () => {
    const before = await found();
    await db.driver.executeQuery('MATCH (e:Event) REMOVE e.spanDays');
    // Without spans the look-back is nothing: the long events are lost to the window.
    expect((await found()).timeline).toEqual(['spans-within']);
    await eventSpans.run(db, () => {});
    expect(await found()).toEqual(before);
    const wrong = await read<{ id: string }>(
      db,
      'MATCH (e:Event) WHERE e.spanDays IS NULL OR e.spanDays <> duration.inDays(e.date, e.lastDate).days RETURN e.id AS id',
    );
    expect(wrong).toEqual([]);
  });

  test('a backup restored: the spans come back with the events', async () => {
    const before = await found();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-spans-'));
    try {
      const file = path.join(dir, 'backup.jsonl.gz');
      await backupToFile(db, file, 'test');
      await clearDatabase(db);
      await restoreBackup(db, file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await found()).toEqual(before);
    expect(await spanOf('spans-chosen')).toBe(5928);
  });
});
