import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../../src/db/query';
import { scoreOf } from '../../src/domain/cameo';
import { EVENT_TYPES, TAXONOMY, type EventType } from '../../src/domain/taxonomy';
import { EventDetail, EventPage } from '../../src/events/events.schemas';
import { loadFactsPaths } from '../../src/ingest/load';
import { importFile } from '../../src/interchange/import';
import { ploverRecords } from '../helpers/export-formats';
import { smallFacts, tempFactsDir, writeFacts } from '../helpers/facts-fixtures';
import { getOk, startTestApp, type RunningApp } from '../helpers/test-app';
import { clearDatabase, openTestDb } from '../helpers/test-db';

/**
 * Issue 19: every event type of the taxonomy, one example each, from a facts file through the API to the
 * exports and back through `kb import`. One fixture, loaded once: an article whose sentences are the
 * taxonomy's own examples, and one event per type quoting its example.
 */
let db: Db;
let app: RunningApp;
let dir: string;

const eventId = (type: EventType) => `vocab-${type.replace(/_/g, '-')}`;

function vocabularyFacts() {
  const base = smallFacts('vocab');
  const text = EVENT_TYPES.map((type) => TAXONOMY[type].example).join('\n');
  return {
    ...base,
    article: { ...base.article, text },
    events: EVENT_TYPES.map((type, i) => ({
      id: eventId(type),
      type,
      title: `${TAXONOMY[type].label}: an example`,
      date: { start: `2024-${String(Math.floor(i / 28) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` },
      participants: [
        { actor: 'freedonia', role: 'agent' },
        { actor: 'sylvania', role: 'target' },
      ],
      sources: [{ quote: TAXONOMY[type].example }],
    })),
  };
}

async function exportText(query: string): Promise<string> {
  const response = await fetch(`${app.baseUrl}/api/export?${query}`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  db = openTestDb();
  app = await startTestApp(db);
  dir = tempFactsDir();
  await clearDatabase(db);
  await loadFactsPaths(db, [writeFacts(dir, 'vocabulary.yaml', vocabularyFacts())]);
});

afterAll(async () => {
  await app.close();
  await db.driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the API lists each type by its filter and shows its PLOVER category and mode, CAMEO code and Goldstein weight', async () => {
  for (const type of EVENT_TYPES) {
    const page = await getOk(app, `/api/events?type=${type}`, EventPage);
    expect([type, page.items.map((e) => e.id)]).toEqual([type, [eventId(type)]]);
    const detail = await getOk(app, `/api/events/${eventId(type)}`, EventDetail);
    const { plover, mode, cameo }: { plover: string | null; mode: string | null; cameo: string | null } = TAXONOMY[type];
    expect(detail).toMatchObject({ type, plover, ploverMode: type === 'talks' ? null : mode, cameo, goldstein: scoreOf(type)?.goldstein ?? null });
  }
});

test('the PLOVER export gives each type one event and one mode, and a reason where PLOVER has no category', async () => {
  const records = ploverRecords(await exportText('format=plover'));
  expect(records.map((r) => r.id).sort()).toEqual(EVENT_TYPES.map(eventId).sort());
  for (const record of records) {
    const { plover, mode, context }: { plover: string | null; mode: string | null; context: readonly string[] } = TAXONOMY[record.kb.type];
    expect(record).toMatchObject({ event: plover, mode: record.kb.type === 'talks' ? null : mode, context: [...context] });
    expect(record.no_event !== undefined).toBe(plover === null);
    expect(record.text).toBe(TAXONOMY[record.kb.type].example);
  }
});

test('the CSV export gives each type its CAMEO code, quad class and Goldstein weight', async () => {
  const rows: Array<Record<string, string>> = parseCsv(await exportText('format=csv'), { columns: true });
  expect(rows).toHaveLength(EVENT_TYPES.length);
  for (const row of rows) {
    const type = z.enum(EVENT_TYPES).parse(row.event_type);
    const score = scoreOf(type);
    expect(row).toMatchObject({
      event_id: eventId(type),
      cameo_code: TAXONOMY[type].cameo ?? '',
      plover_event: TAXONOMY[type].plover ?? '',
      quad_class: score === null ? '' : String(score.quad),
      goldstein: score === null ? '' : String(score.goldstein),
    });
  }
});

const exportsOf = async () => ({ plover: await exportText('format=plover'), csv: await exportText('format=csv'), jsonld: await exportText('format=jsonld') });

test.each(['plover', 'csv'] as const)('kb import of the %s export gives back the same events of every type', async (format) => {
  const before = await exportsOf();
  const file = path.join(dir, `vocabulary.${format === 'plover' ? 'jsonl' : 'csv'}`);
  fs.writeFileSync(file, before[format]);
  await clearDatabase(db);
  await importFile(db, file, format);
  expect(await exportsOf()).toEqual(before);
  expect(new Set(ploverRecords(before.plover).map((r) => r.kb.type))).toEqual(new Set(EVENT_TYPES));
});

test('the pages offer every type, grouped by PLOVER category, and an event page shows its category and mode', async () => {
  const timeline = await (await fetch(`${app.baseUrl}/timeline`)).text();
  for (const type of EVENT_TYPES) expect(timeline).toContain(`<option value="${type}"`);
  expect(timeline).toContain('<optgroup label="Sanction">');
  expect(timeline).toMatch(/data-type-group="SANCTION"[\s\S]*data-type-label="diplomats_expelled"[\s\S]*data-type-group="MOBILIZE"/);
  const page = await (await fetch(`${app.baseUrl}/events/${eventId('diplomats_expelled')}`)).text();
  expect(page).toContain('PLOVER SANCTION · expel');
  expect(page).toContain('CAMEO 161');
});
