import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { z } from 'zod';
import { ActorDetail } from '../../src/actors/actors.schemas';
import { ArticleDetail } from '../../src/articles/articles.schemas';
import type { Db } from '../../src/db/query';
import { cameoCodeOf } from '../../src/domain/cameo';
import { TAXONOMY } from '../../src/domain/taxonomy';
import type { EventType, Role } from '../../src/domain/model';
import * as repository from '../../src/exports/exports.repository';
import { importFile } from '../../src/interchange/import';
import { FactsValidationError } from '../../src/domain/errors';
import { loadFactsPaths } from '../../src/ingest/load';
import { EventDetail, EventPage } from '../../src/events/events.schemas';
import { Health } from '../../src/health/health.schemas';
import { ensureBuilt, KB } from '../helpers/cli';
import { dataOf, graphmlDocument, jsonldDocument, ploverRecords } from '../helpers/export-formats';
import { seedFactsObject } from '../helpers/facts-fixtures';
import { getError, getOk, OpenApiDocument, parseExact, resolveSchema, startTestApp, type RunningApp } from '../helpers/test-app';
import { clearDatabase, contentFingerprint, openTestDb, resetToSeed, testConnection } from '../helpers/test-db';

/**
 * Issue 7: exports in the field's formats, each read back by an independent parser (csv-parse, an XML
 * parser, JSON and a JSON-LD processor), and `kb import` of what `kb export` wrote.
 */
let db: Db;
let app: RunningApp;
let tmp: string;

const FORMATS = ['csv', 'plover', 'jsonld', 'graphml'] as const;
type Format = (typeof FORMATS)[number];

beforeAll(async () => {
  db = openTestDb();
  app = await startTestApp(db);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-export-'));
});

afterAll(async () => {
  await app.close();
  await db.driver.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function download(query: string): Promise<{ status: number; type: string | null; disposition: string | null; text: string }> {
  const response = await fetch(`${app.baseUrl}/api/export?${query}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    text: await response.text(),
  };
}

async function exportText(format: Format, filters = ''): Promise<string> {
  const { status, text } = await download(`format=${format}${filters}`);
  expect(status).toBe(200);
  return text;
}

const csvRows = (text: string): Array<Record<string, string>> => parseCsv(text, { columns: true });
const jsonldEvents = (text: string) => jsonldDocument(text)['@graph'];
/** A JSON-LD processor's expansion of a document: nodes with their types as full IRIs. */
const ExpandedJsonLd = z.array(z.looseObject({ '@type': z.array(z.string()) }));
/** A node or edge of the actor network: its ends or id, and its data by key (n_name, e_relation…). */
type NetworkElement<Ends> = Ends & Record<string, string | undefined>;
function graph(text: string): {
  nodes: Array<NetworkElement<{ id: string }>>;
  edges: Array<NetworkElement<{ source: string; target: string; directed: string | undefined }>>;
} {
  expect(XMLValidator.validate(text)).toBe(true);
  const g = graphmlDocument(text).graph;
  return {
    nodes: (g.node ?? []).map((n) => ({ id: n['@id'], ...dataOf(n) })),
    edges: (g.edge ?? []).map((e) => ({ source: e['@source'], target: e['@target'], directed: e['@directed'], ...dataOf(e) })),
  };
}

/** The seed's curated facts, read straight from its YAML: what every export must carry. */
const seed = seedFactsObject();
const seedEvents: Array<{ id: string; type: EventType; sources: Array<{ quote: string }>; participants: Array<{ role: Role }> }> = seed.events;
const seedActorIds: string[] = seed.actors.map((a) => a.id).sort();
const seedEventIds = seedEvents.map((e) => e.id).sort();
const byId = new Map(seedEvents.map((e) => [e.id, e]));

describe('exports of the seed', () => {
  beforeAll(() => resetToSeed(db));

  test('each format comes with its content type and a file name, as an attachment', async () => {
    const expected: Record<Format, [RegExp, string]> = {
      csv: [/^text\/csv; charset=utf-8/, 'kb-events.csv'],
      plover: [/^application\/x-ndjson; charset=utf-8/, 'kb-events.plover.jsonl'],
      jsonld: [/^application\/ld\+json; charset=utf-8/, 'kb-events.jsonld'],
      graphml: [/^application\/graphml\+xml; charset=utf-8/, 'kb-actor-network.graphml'],
    };
    for (const format of FORMATS) {
      const { status, type, disposition } = await download(`format=${format}`);
      expect(status).toBe(200);
      expect(type).toMatch(expected[format][0]);
      expect(disposition?.replace(/"/g, '')).toBe(`attachment; filename=${expected[format][1]}`);
    }
    const { disposition } = await download('format=csv&actor=belarus&type=sanctions_lifted&from=2025-09-01&to=2025-12-31&q=potash');
    expect(disposition?.replace(/"/g, '')).toBe('attachment; filename=kb-events-actor-belarus-sanctions-lifted-from-2025-09-01-to-2025-12-31-search.csv');
  });

  test('CSV: every seed event and actor, with its CAMEO and PLOVER codes and first quote; one row per agent–target pair', async () => {
    const rows = csvRows(await exportText('csv'));
    expect([...new Set(rows.map((r) => r.event_id))].sort()).toEqual(seedEventIds);
    expect([...new Set(rows.flatMap((r) => [r.agent_id, r.target_id]).filter((id) => id !== ''))].sort()).toEqual(seedActorIds);
    for (const row of rows) {
      const event = byId.get(row.event_id as string)!;
      expect(row.event_type).toBe(event.type);
      expect(row.cameo_code).toBe(
        cameoCodeOf(
          event.type,
          event.participants.map((p) => p.role),
        ) ?? '',
      );
      expect(row.plover_event).toBe(TAXONOMY[event.type].plover ?? '');
      expect(row.quote).toBe(event.sources[0]?.quote);
      expect(row.article_id).toBe('minsk-talks-us-belarus-thaw');
    }
    const talks = rows.filter((r) => r.event_id === 'talks-minsk-2025-12');
    expect(talks.map((r) => `${r.agent_id}>${r.target_id}`).sort()).toEqual([
      'alexander-lukashenko>john-coale',
      'alexander-lukashenko>united-states',
      'belarus>john-coale',
      'belarus>united-states',
    ]);
    expect(talks[0]).toMatchObject({ date_start: '2025-12-12', date_end: '2025-12-13', date_precision: 'day', cameo_code: '043', place: 'Minsk' });
    const pardon = rows.find((r) => r.event_id === 'pardon-123-prisoners-2025-12');
    // blank: the seed does not say whether 123 is exact; Viasna's 1,200 is marked approximate
    expect(pardon).toMatchObject({ figure_count: '123', figure_unit: 'prisoners', figure_approximate: '', plover_event: 'CONCEDE', cameo_code: '081' });
    expect(rows.find((r) => r.event_id === 'statement-viasna-1200-prisoners')).toMatchObject({ figure_count: '1200', figure_approximate: 'true' });
    const belavia = rows.find((r) => r.event_id === 'sanctions-lifted-belavia-2025-09');
    expect(belavia).toMatchObject({ date_start: '2025-09-01', date_end: '', date_precision: 'month', cameo_code: '085' });
  });

  test('PLOVER: one JSON record per line for every seed event, with actor, recipient, category, text and links', async () => {
    const records = ploverRecords(await exportText('plover'));
    expect(records.map((r) => r.id).sort()).toEqual(seedEventIds);
    for (const record of records) {
      const event = byId.get(record.id)!;
      const { plover, mode } = TAXONOMY[event.type];
      expect(record.event).toBe(plover);
      if (event.type !== 'talks') expect(record.mode).toBe(mode);
      expect(record.no_event === undefined).toBe(plover !== null);
      expect(record.cameo).toBe(
        cameoCodeOf(
          event.type,
          event.participants.map((p) => p.role),
        ),
      );
      expect(record.text).toBe(event.sources[0]?.quote);
      expect(record.kb.sources.map((s) => s.quote)).toEqual(event.sources.map((s) => s.quote));
    }
    const release = records.find((r) => r.id === 'prisoner-release-52-2025-09')!;
    expect(release).toMatchObject({ date: '2025-09-01', enddate: null, event: 'RETREAT', mode: 'release' });
    expect(release.actor.map((a) => a.kb_id)).toEqual(['belarus']);
    expect(release.recipient.map((a) => a.kb_id)).toEqual(['belarusian-political-prisoners']);
    expect(release.actor[0]).toMatchObject({ code: 'BLR', country: 'BLR', identifier_id: 'Q184' });
    expect(release.recipient[0]).toMatchObject({ code: 'BLRCVL', sector: 'CVL', identifier_id: null });
    const pardon = records.find((r) => r.id === 'pardon-123-prisoners-2025-12')!;
    expect(pardon.link).toEqual(expect.arrayContaining(['sanctions-lifted-potash-2025-12', 'talks-minsk-2025-12']));
    const actors = new Set(records.flatMap((r) => r.kb.participants.map((p) => p.actor.id)));
    expect([...actors].sort()).toEqual(seedActorIds);
  });

  test('JSON-LD: schema.org Events with dates, place, participants and the quotes as citations; a processor expands them', async () => {
    const text = await exportText('jsonld');
    const events = jsonldEvents(text);
    expect(events.map((e) => e.identifier).sort()).toEqual(seedEventIds);
    for (const event of events) {
      const facts = byId.get(event.identifier)!;
      expect(event['@type']).toBe('Event');
      expect(event.cameoCode).toBe(
        cameoCodeOf(
          facts.type,
          facts.participants.map((p) => p.role),
        ),
      );
      expect(event.citation.map((c) => c.text)).toEqual(facts.sources.map((s) => s.quote));
    }
    const talks = events.find((e) => e.identifier === 'talks-minsk-2025-12')!;
    expect(talks).toMatchObject({ startDate: '2025-12-12', endDate: '2025-12-13', location: { name: 'Minsk' } });
    expect(talks.organizer.map((r) => r.organizer.identifier).sort()).toEqual(['alexander-lukashenko', 'belarus']);
    expect(events.find((e) => e.identifier === 'election-belarus-2020')!.startDate).toBe('2020');
    const participants = new Set(
      events.flatMap((e) => [...e.organizer.map((r) => r.organizer), ...e.attendee.map((r) => r.attendee)].map((a) => a.identifier)),
    );
    expect([...participants].sort()).toEqual(seedActorIds);
    const expanded = parseExact(ExpandedJsonLd, await jsonld.expand(JSON.parse(text)), 'The expanded JSON-LD');
    expect(expanded).toHaveLength(seedEventIds.length);
    expect(expanded.every((e) => e['@type'][0] === 'https://schema.org/Event')).toBe(true);
  });

  test('GraphML: every seed actor as a node with name and kind; shared-event edges weighted; affiliations directed', async () => {
    const { nodes, edges } = graph(await exportText('graphml'));
    expect(nodes.map((n) => n.id).sort()).toEqual(seedActorIds);
    for (const actor of seed.actors) {
      expect(nodes.find((n) => n.id === actor.id)).toMatchObject({ n_name: actor.name, n_kind: actor.kind });
    }
    const shared = edges.filter((e) => e.e_relation === 'shared_events');
    const pair = shared.find((e) => e.source === 'belarus' && e.target === 'united-states');
    const together = seed.events.filter((e) => ['belarus', 'united-states'].every((id) => e.participants.some((p) => p.actor === id)));
    expect(together.length).toBeGreaterThan(1);
    expect(pair).toMatchObject({ e_weight: String(together.length) });
    const affiliations = edges.filter((e) => e.e_relation === 'affiliation');
    expect(affiliations).toHaveLength(seed.affiliations.length);
    expect(affiliations.every((e) => e.e_symmetric === undefined)).toBe(true);
    expect(shared.every((e) => e.e_symmetric === 'true')).toBe(true);
    expect(affiliations).toContainEqual(expect.objectContaining({ source: 'john-coale', target: 'belarus', e_role: 'envoy_to', e_from: '2025-11-09' }));
  });

  test('filters narrow every format the way they narrow /api/events', async () => {
    const cases = ['actor=belavia', 'type=sanctions_lifted', 'from=2025-09-01&to=2025-09-30', 'q=potash', 'actor=united-states&type=sanctions_lifted'];
    for (const filters of cases) {
      const body = await getOk(app, `/api/events?limit=500&${filters}`, EventPage);
      const expected = body.items.map((e) => e.id).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(seedEventIds.length);
      const q = `&${filters}`;
      expect([...new Set(csvRows(await exportText('csv', q)).map((r) => r.event_id))].sort()).toEqual(expected);
      expect(
        ploverRecords(await exportText('plover', q))
          .map((r) => r.id)
          .sort(),
      ).toEqual(expected);
      expect(
        jsonldEvents(await exportText('jsonld', q))
          .map((e) => e.identifier)
          .sort(),
      ).toEqual(expected);
      const actors = new Set<string>(body.items.flatMap((e) => e.participants.map((p) => p.actor.id)));
      expect(
        graph(await exportText('graphml', q))
          .nodes.map((n) => n.id)
          .sort(),
      ).toEqual([...actors].sort());
    }
  });

  test('a filter that matches nothing gives an empty but valid file in each format', async () => {
    const q = '&from=1990-01-01&to=1990-12-31';
    expect(csvRows(await exportText('csv', q))).toEqual([]);
    expect(await exportText('plover', q)).toBe('');
    expect(jsonldEvents(await exportText('jsonld', q))).toEqual([]);
    expect(graph(await exportText('graphml', q))).toEqual({ nodes: [], edges: [] });
  });

  test('bad parameters are a 400 naming the field; an unknown actor is a 404', async () => {
    const missing = await getError(app, '/api/export');
    expect(missing.status).toBe(400);
    expect(missing.body.details?.map((d) => d.path)).toContain('format');
    const bad = await getError(app, '/api/export?format=xlsx&from=2025-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.path).sort()).toEqual(['format', 'from']);
    expect((await getError(app, '/api/export?format=csv&limit=5')).status).toBe(400);
    const unknown = await getError(app, '/api/export?format=csv&actor=nobody-at-all');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain('nobody-at-all');
  });

  test('reads page by keyset: tiny pages give the same rows, in the same order, as one page', async () => {
    const all = async <T>(iterable: AsyncIterable<T>) => {
      const items: T[] = [];
      for await (const item of iterable) items.push(item);
      return items;
    };
    for (const filter of [{}, { actor: 'belarus' }]) {
      expect(await all(repository.exportEvents(db, filter, { pageSize: 2 }))).toEqual(await all(repository.exportEvents(db, filter)));
      // roles and reactions are read per page, and still come out once, where first seen
      const paged = await all(repository.exportEvents(db, filter, { pageSize: 2, firstAppearances: true }));
      expect(paged).toEqual(await all(repository.exportEvents(db, filter, { firstAppearances: true })));
      const rolesCarried = paged.flatMap((e) => e.participants.filter((p) => p.actor.affiliations !== undefined).map((p) => p.actor.id));
      expect(rolesCarried).toEqual([...new Set(rolesCarried)]);
      expect(await all(repository.networkNodes(db, filter, 2))).toEqual(await all(repository.networkNodes(db, filter)));
      expect(await all(repository.sharedEventEdges(db, filter, 3))).toEqual(await all(repository.sharedEventEdges(db, filter)));
      expect(await all(repository.affiliationEdges(db, filter, 2))).toEqual(await all(repository.affiliationEdges(db, filter)));
    }
    expect(await all(repository.exportEvents(db, {}, { pageSize: 2 }))).toHaveLength(seedEventIds.length);
  });

  test('the OpenAPI description covers the export route, its formats and their content types', async () => {
    const body = await getOk(app, '/api/openapi.json', OpenApiDocument);
    const route = body.paths['/api/export']!.get!;
    const format = route.parameters!.find((p) => p.name === 'format')!;
    expect(format.required).toBe(true);
    expect(resolveSchema(body, format.schema).enum).toEqual(['csv', 'plover', 'jsonld', 'graphml', 'ftm', 'stix', 'gexf', 'timelinejs', 'atom']);
    expect(route.parameters!.map((p) => p.name).sort()).toEqual(['actor', 'format', 'from', 'q', 'status', 'to', 'type']);
    expect(Object.keys(route.responses['200']!.content!).sort()).toEqual([
      'application/atom+xml',
      'application/gexf+xml',
      'application/graphml+xml',
      'application/json',
      'application/ld+json',
      'application/stix+json',
      'application/x-ndjson',
      'text/csv',
    ]);
  });
});

async function exportAll(): Promise<Record<Format, string>> {
  const entries = await Promise.all(FORMATS.map(async (format) => [format, await exportText(format)] as const));
  return Object.fromEntries(entries) as Record<Format, string>;
}

async function roundTrip(format: 'plover' | 'csv') {
  const before = await exportAll();
  const file = path.join(tmp, `round-trip.${format === 'plover' ? 'jsonl' : 'csv'}`);
  fs.writeFileSync(file, before[format]);
  await clearDatabase(db);
  const summary = await importFile(db, file, format);
  return { before, after: await exportAll(), summary, file };
}

describe('round trip: export, import into an empty database, export again', () => {
  beforeEach(() => resetToSeed(db));

  test.each(['plover', 'csv'] as const)('through %s, every format exports the same data again; importing twice changes nothing', async (format) => {
    const { events: eventsBefore } = { events: (await getOk(app, '/api/events?limit=500', EventPage)).items };
    const coaleBefore = await getOk(app, '/api/actors/john-coale', ActorDetail);
    const articleBefore = await getOk(app, '/api/articles/minsk-talks-us-belarus-thaw', ArticleDetail);
    const { before, after, summary, file } = await roundTrip(format);
    expect(summary.events).toBe(seedEventIds.length);
    for (const f of FORMATS) expect(after[f]).toBe(before[f]);
    expect((await getOk(app, '/api/events?limit=500', EventPage)).items).toEqual(eventsBefore);
    expect(await getOk(app, '/api/actors/john-coale', ActorDetail)).toEqual(coaleBefore);
    // The article text is rebuilt from its quotes; metadata and reader reactions come back as they were.
    const articleAfter = await getOk(app, '/api/articles/minsk-talks-us-belarus-thaw', ArticleDetail);
    const reactions = (article: ArticleDetail) => article.reactions.map((r) => ({ ...r, about: r.about.map((e) => e.id).sort() }));
    expect(reactions(articleAfter)).toEqual(reactions(articleBefore));
    expect(articleAfter.title).toBe(articleBefore.title);
    for (const event of seedEvents) for (const { quote } of event.sources) expect(articleAfter.text).toContain(quote);

    const fingerprint = await contentFingerprint(db);
    const again = await importFile(db, file, format);
    expect(again).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0, nodesDeleted: 0 });
    expect(await contentFingerprint(db)).toBe(fingerprint);
  });

  test('importing the export back into the database it came from keeps the full article text and changes nothing', async () => {
    const fingerprint = await contentFingerprint(db);
    const file = path.join(tmp, 'same.jsonl');
    fs.writeFileSync(file, await exportText('plover'));
    await importFile(db, file, 'plover');
    expect(await contentFingerprint(db)).toBe(fingerprint);
  });

  test('a partial export cannot overwrite an article the database holds with more events: refused, nothing written', async () => {
    const file = path.join(tmp, 'partial.jsonl');
    fs.writeFileSync(file, await exportText('plover', '&type=sanctions_lifted'));
    const fingerprint = await contentFingerprint(db);
    const error = await importFile(db, file, 'plover').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactsValidationError);
    expect((error as FactsValidationError).problems[0]?.reason).toMatch(/holds this article with 11 event\(s\) the file does not carry/);
    expect(await contentFingerprint(db)).toBe(fingerprint);
  });

  test('a partial export starts a new knowledge base with just those events, their actors and roles', async () => {
    const file = path.join(tmp, 'partial.csv');
    const partial = await exportText('csv', '&actor=belavia');
    fs.writeFileSync(file, partial);
    await clearDatabase(db);
    const summary = await importFile(db, file, 'csv');
    expect(summary.notes).toEqual(expect.arrayContaining([expect.stringMatching(/link\(s\) to events not in the file were left out/)]));
    // The same rows, but for the links and reaction references to events left behind (kb_* columns)
    const withoutKb = (rows: Array<Record<string, string>>) => rows.map((row) => Object.fromEntries(Object.entries(row).filter(([c]) => !c.startsWith('kb_'))));
    expect(withoutKb(csvRows(await exportText('csv', '&actor=belavia')))).toEqual(withoutKb(csvRows(partial)));
    expect((await getOk(app, '/api/actors/belavia', ActorDetail)).roles.map((r) => r.role)).toEqual(['state_company_of']);
  });

  test('one bad record refuses the whole file, naming the line and field; nothing is written', async () => {
    const lines = (await exportText('plover')).split('\n');
    const record = JSON.parse(lines[2] as string);
    record.kb.participants[0].role = 'spectator';
    lines[2] = JSON.stringify(record);
    lines[4] = '{not json';
    const file = path.join(tmp, 'bad.jsonl');
    fs.writeFileSync(file, lines.join('\n'));
    await clearDatabase(db);
    const error = (await importFile(db, file, 'plover').catch((e: unknown) => e)) as FactsValidationError;
    expect(error).toBeInstanceOf(FactsValidationError);
    expect(error.problems.map((p) => p.path)).toEqual(['line 3: kb.participants[0].role', 'line 5']);
    expect(await contentFingerprint(db)).toMatch(/^0n\/0r:/);
  });

  test('CSV rows of one event that disagree are refused, naming row and column', async () => {
    const rows = csvRows(await exportText('csv'));
    const talks = rows.findIndex((r) => r.event_id === 'talks-minsk-2025-12');
    (rows[talks + 1] as Record<string, string>).event_title = 'Something else';
    const columns = Object.keys(rows[0] as object);
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const file = path.join(tmp, 'disagree.csv');
    fs.writeFileSync(file, [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(','))].join('\r\n'));
    const error = (await importFile(db, file, 'csv').catch((e: unknown) => e)) as FactsValidationError;
    expect(error).toBeInstanceOf(FactsValidationError);
    expect(error.problems).toEqual([
      expect.objectContaining({ path: `row ${talks + 3}: event_title`, reason: `differs from row ${talks + 2} of the same event "talks-minsk-2025-12"` }),
    ]);
  });
});

/**
 * Names and texts that break naive writers: commas, quotes, line breaks (CRLF too), `<`, `&`, Cyrillic and
 * Arabic; and an event reported by two articles, with a link across them.
 */
const TRICKY_NAME = 'Smith, "Junior" & Sons <Ltd>\nLine two';
const CYRILLIC = 'Рэспубліка Беларусь';
const ARABIC = 'جامعة الدول العربية';
const QUOTE_MEETING = `Smith, "Junior" & Sons <Ltd> met the ${ARABIC} delegation in Minsk,\r\nat last & "for real".`;
const QUOTE_STATEMENT_A = `The League said: <no comment>, & that was all — ${CYRILLIC}.`;
const QUOTE_ROLE = 'Smith, "Junior", was named envoy <acting> & more.';
const QUOTE_PRAISE = `${CYRILLIC} praised Smith, "Junior" & Sons.`;
const QUOTE_MEETING_B = 'The meeting, "long" & <tense>, went on.';
const TRICKY_TITLE = 'Smith, "Junior" meets <the League> & friends\r\nin Minsk — встреча في مينسك';

const trickyA = {
  article: {
    id: 'tricky-article-a',
    title: `Report, "A" & <first> — ${CYRILLIC}`,
    publisher: 'Gazette, "Daily" & Co',
    url: 'https://example.org/a?x=1&y=<2>',
    publishedAt: '2024-05-01',
    text: `Intro, "quoted" & <tagged>.\n${QUOTE_MEETING}\n${QUOTE_STATEMENT_A} ${QUOTE_ROLE}`,
  },
  actors: [
    { id: 'tricky-smith', name: TRICKY_NAME, kind: 'person', aliases: ['Смит, "мл."', 'سميث & <أبناؤه>'], description: 'Commas, "quotes" & <tags>\nand lines' },
    { id: 'tricky-belarus', name: CYRILLIC, kind: 'state' },
    { id: 'tricky-league', name: ARABIC, kind: 'organization' },
  ],
  events: [
    {
      id: 'tricky-meeting',
      type: 'talks',
      title: TRICKY_TITLE,
      summary: 'Summary, "with" & <all>\nof it',
      date: { start: '2024-03', end: '2024-04' },
      place: 'Minsk, <centre> & "old town"',
      figures: { count: 2, unit: 'rounds, "long" & <hard>', approximate: true },
      participants: [
        { actor: 'tricky-smith', role: 'host' },
        { actor: 'tricky-league', role: 'guest' },
        { actor: 'tricky-belarus', role: 'beneficiary' },
      ],
      sources: [{ quote: QUOTE_MEETING }],
    },
    {
      id: 'tricky-league-statement',
      type: 'statement',
      title: `${ARABIC}: "no comment"`,
      date: { start: '2024' },
      participants: [
        { actor: 'tricky-league', role: 'source' },
        { actor: 'tricky-belarus', role: 'target' },
      ],
      sources: [{ quote: QUOTE_STATEMENT_A }],
    },
  ],
  affiliations: [
    {
      actor: 'tricky-smith',
      counterpart: 'tricky-belarus',
      role: 'envoy_to',
      title: 'Envoy, "acting" & <special>',
      from: '2024-02',
      source: { quote: QUOTE_ROLE },
    },
  ],
  links: [{ from: 'tricky-meeting', to: 'tricky-league-statement', kind: 'causes' }],
  reactions: [{ author: 'Читатель, "один"', text: 'Good & <bad>\nmixed, "very"', stance: 'mixed', about: ['tricky-meeting'] }],
};

const praise = {
  id: 'tricky-praise',
  type: 'endorsement',
  title: `${CYRILLIC} praises Smith, "Junior"`,
  date: { start: '2024-05-02' },
  participants: [
    { actor: 'tricky-belarus', role: 'agent' },
    { actor: 'tricky-smith', role: 'target' },
  ],
  sources: [{ quote: QUOTE_PRAISE }],
};
const articleB = {
  id: 'tricky-article-b',
  title: 'Second report, <B>',
  publishedAt: '2024-05-03',
  text: `${QUOTE_PRAISE}\n${QUOTE_MEETING_B}`,
};
/** Loaded with A: article B's praise, linked from A's statement (the link goes in the file loaded last). */
const trickyB0 = { article: articleB, events: [praise], links: [{ from: 'tricky-league-statement', to: 'tricky-praise', kind: 'follows' }] };
/** Loaded later on its own: B also reports A's meeting, so that event has two articles. */
const trickyB1 = {
  article: articleB,
  events: [praise, { ...trickyA.events[0], sources: [{ quote: QUOTE_MEETING_B }] }],
  links: [{ from: 'tricky-praise', to: 'tricky-meeting', kind: 'follows' }],
};

async function loadTricky() {
  const write = (name: string, facts: unknown) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, JSON.stringify(facts));
    return file;
  };
  await loadFactsPaths(db, [write('tricky-a.json', trickyA), write('tricky-b0.json', trickyB0)]);
  await loadFactsPaths(db, [write('tricky-b1.json', trickyB1)]);
}

describe('tricky names, and an event reported by two articles', () => {
  beforeAll(async () => {
    await resetToSeed(db);
    await loadTricky();
  });

  test('the data is as intended: the meeting has quotes from both articles', async () => {
    const body = await getOk(app, '/api/events/tricky-meeting', EventDetail);
    expect(body.sources.map((s) => s.article.id)).toEqual(['tricky-article-a', 'tricky-article-b']);
    expect(body.title).toBe(TRICKY_TITLE);
  });

  test('CSV keeps every character', async () => {
    const rows = csvRows(await exportText('csv', '&q=meets'));
    expect(rows.map((r) => `${r.event_id}:${r.agent_id}>${r.target_id}`).sort()).toEqual([
      'tricky-meeting:tricky-smith>tricky-belarus',
      'tricky-meeting:tricky-smith>tricky-league',
    ]);
    expect(rows.find((r) => r.target_id === 'tricky-league')).toMatchObject({
      agent_name: TRICKY_NAME,
      target_name: ARABIC,
      event_title: TRICKY_TITLE,
      quote: QUOTE_MEETING,
      place: 'Minsk, <centre> & "old town"',
      figure_unit: 'rounds, "long" & <hard>',
      article_title: trickyA.article.title,
      article_url: trickyA.article.url,
      article_publisher: trickyA.article.publisher,
    });
  });

  test('PLOVER keeps every character', async () => {
    const record = ploverRecords(await exportText('plover', '&actor=tricky-smith&type=talks'))[0]!;
    expect(record.actor).toEqual([
      { entity_text: TRICKY_NAME, code: null, sector: null, country: null, identifier_id: null, identifier_text: TRICKY_NAME, kb_id: 'tricky-smith' },
    ]);
    expect(record.recipient.map((a) => a.entity_text)).toEqual([ARABIC, CYRILLIC].sort((a, b) => (a < b ? -1 : 1)));
    expect(record.text).toBe(QUOTE_MEETING);
    expect(record.kb.title).toBe(TRICKY_TITLE);
    expect(record.cite_info).toEqual({ title: trickyA.article.title, url: trickyA.article.url, publication: trickyA.article.publisher });
  });

  test('JSON-LD keeps every character', async () => {
    const event = jsonldEvents(await exportText('jsonld', '&q=meets'))[0]!;
    expect(event.name).toBe(TRICKY_TITLE);
    expect(event.location!.name).toBe('Minsk, <centre> & "old town"');
    expect(event.organizer[0]!.organizer.name).toBe(TRICKY_NAME);
    expect(event.citation.map((c) => c.text)).toEqual([QUOTE_MEETING, QUOTE_MEETING_B]);
    expect(event.citation[0]!.isPartOf.headline).toBe(trickyA.article.title);
  });

  test('GraphML keeps every character, CRLF included', async () => {
    const { nodes, edges } = graph(await exportText('graphml', '&actor=tricky-smith'));
    expect(nodes.map((n) => [n.id, n.n_name]).sort()).toEqual([
      ['tricky-belarus', CYRILLIC],
      ['tricky-league', ARABIC],
      ['tricky-smith', TRICKY_NAME],
    ]);
    expect(edges).toContainEqual(expect.objectContaining({ source: 'tricky-smith', target: 'tricky-belarus', e_title: 'Envoy, "acting" & <special>' }));
    const titles = graph(await exportText('graphml')).nodes.map((n) => n.n_name);
    expect(titles).toContain(TRICKY_NAME);
  });

  test.each(['plover', 'csv'] as const)('the round trip through %s gives the same data in every format', async (format) => {
    const { before, after } = await roundTrip(format);
    for (const f of FORMATS) expect(after[f]).toBe(before[f]);
    const body = await getOk(app, '/api/events/tricky-meeting', EventDetail);
    expect(body.sources.map((s) => s.quote)).toEqual([QUOTE_MEETING, QUOTE_MEETING_B]);
    expect(body.links).toContainEqual(
      expect.objectContaining({ kind: 'follows', direction: 'incoming', event: expect.objectContaining({ id: 'tricky-praise' }) }),
    );
    await resetToSeed(db);
    await loadTricky();
  });
});

describe('the kb command', () => {
  beforeAll(async () => {
    ensureBuilt();
    await resetToSeed(db);
  });

  test('kb export --out then kb import reproduce the seed; bad options exit with a message', async () => {
    const run = promisify(execFile);
    const { uri, user, password } = testConnection();
    const env = { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, LOG_LEVEL: 'silent' };
    const kb = (...args: string[]) => run(process.execPath, [KB, ...args], { env, cwd: path.resolve(__dirname, '../..') });
    const out = path.join(tmp, 'cli.plover.jsonl');
    await kb('export', '--format', 'plover', '--out', out);
    expect(fs.readFileSync(out, 'utf8')).toBe(await exportText('plover'));
    const csv = await kb('export', '--format', 'csv', '--type', 'pardon');
    expect(csvRows(csv.stdout).map((r) => r.event_id)).toEqual(['pardon-123-prisoners-2025-12']);

    const before = await exportAll();
    await clearDatabase(db);
    const imported = await kb('import', out);
    expect(imported.stdout).toMatch(/^Loaded 1 article\(s\), 13 event\(s\)/);
    expect(await exportAll()).toEqual(before);

    const bad = await kb('export', '--format', 'csv', '--from', 'yesterday').catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--from') });
    const unknown = await kb('export', '--format', 'csv', '--actor', 'nobody-at-all').catch((e: { code: number; stderr: string }) => e);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('No actor with id "nobody-at-all"') });
  });
});

describe('a large export', () => {
  const COUNT = 1200;

  beforeAll(async () => {
    await resetToSeed(db);
    const sentences = Array.from({ length: COUNT }, (_, i) => `Bulk event number ${i} took place.`);
    const facts = {
      article: { id: 'bulk-article', title: 'Bulk', publishedAt: '2024-01-01', text: sentences.join(' ') },
      actors: Array.from({ length: 40 }, (_, i) => ({ id: `bulk-actor-${i}`, name: `Bulk actor ${i}`, kind: 'state' })),
      events: sentences.map((quote, i) => ({
        id: `bulk-event-${String(i).padStart(4, '0')}`,
        type: 'agreement',
        title: `Bulk event ${i}`,
        date: { start: `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` },
        participants: [
          { actor: `bulk-actor-${i % 40}`, role: 'agent' },
          { actor: `bulk-actor-${(i * 7 + 1) % 40}`, role: 'target' },
        ],
        sources: [{ quote }],
      })),
    };
    const file = path.join(tmp, 'bulk.json');
    fs.writeFileSync(file, JSON.stringify(facts));
    await loadFactsPaths(db, [file]);
  });

  afterAll(() => resetToSeed(db));

  test('streams every event, page after page, in chunks without a Content-Length', async () => {
    const response = await fetch(`${app.baseUrl}/api/export?format=plover&type=agreement`);
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const records = ploverRecords(await response.text());
    expect(records).toHaveLength(COUNT);
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(COUNT);
    const dates = records.map((r) => `${r.date}|${r.id}`);
    expect(dates).toEqual([...dates].sort());
    const rows = csvRows(await exportText('csv', '&type=agreement'));
    expect(rows).toHaveLength(COUNT);
  });

  test('a client that stops reading mid-download leaves the server answering', async () => {
    const controller = new AbortController();
    // Asked uncompressed: under jest, fetch's reader of a decompressed body never settles after an abort (the
    // client's side: the same server answers at once, and a plain Node process sees the read rejected).
    const response = await fetch(`${app.baseUrl}/api/export?format=jsonld`, { signal: controller.signal, headers: { 'accept-encoding': 'identity' } });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    controller.abort();
    await reader.read().catch(() => undefined);
    await expect(getOk(app, '/api/health', Health)).resolves.toMatchObject({ status: 'ok' });
    expect(ploverRecords(await exportText('plover', '&type=pardon')).map((r) => r.id)).toEqual(['pardon-123-prisoners-2025-12']);
  });
});
