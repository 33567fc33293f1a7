import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import stixSchema from '../schemas/stix-2.1.schema.json';
import timelineSchema from '../schemas/timelinejs3.schema.json';
import { ActorDetail, ActorList } from '../../src/actors/actors.schemas';
import type { Db } from '../../src/db/query';
import { write } from '../../src/db/query';
import { backfillStateCodes } from '../../src/migrations/steps/006-state-codes';
import { importFile } from '../../src/interchange/import';
import { KB } from '../helpers/cli';
import { seedFactsObject } from '../helpers/facts-fixtures';
import { getError, getOk, startTestApp, type RunningApp } from '../helpers/test-app';
import { clearDatabase, openTestDb, resetToSeed, testConnection } from '../helpers/test-db';

/** Issue 14: actors' standard codes and identifiers, and the exports for Aleph, OpenCTI, Gephi, TimelineJS and feed readers. */
let db: Db;
let app: RunningApp;
let tmp: string;

beforeAll(async () => {
  db = openTestDb();
  await resetToSeed(db);
  app = await startTestApp(db);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-interop-'));
});

afterAll(async () => {
  await app.close();
  await resetToSeed(db);
  await db.driver.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const ids = (list: { items: Array<{ id: string }> }) => list.items.map((a) => a.id).sort();

async function download(query: string) {
  const response = await fetch(`${app.baseUrl}/api/export?${query}`);
  expect(response.status).toBe(200);
  return { type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
}

describe('actor codes and identifiers', () => {
  test('states carry ISO 3166-1 codes found by their names, people their country and sector, seed actors their Wikidata ids', async () => {
    expect(await getOk(app, '/api/actors/belarus', ActorDetail)).toMatchObject({
      country: 'BLR',
      countryAlpha2: 'BY',
      code: 'BLR',
      sector: null,
      wikidata: 'Q184',
    });
    expect(await getOk(app, '/api/actors/united-states', ActorDetail)).toMatchObject({ country: 'USA', countryAlpha2: 'US', code: 'USA', wikidata: 'Q30' });
    expect(await getOk(app, '/api/actors/alexander-lukashenko', ActorDetail)).toMatchObject({ country: 'BLR', sector: 'GOV', code: 'BLRGOV' });
    expect(await getOk(app, '/api/actors/belarusian-potash', ActorDetail)).toMatchObject({ country: 'BLR', code: null });
  });

  test('searchable by CAMEO code (its leading parts find the actors of a country) and by Wikidata id', async () => {
    expect(ids(await getOk(app, '/api/actors?code=USAGOV', ActorList))).toEqual(['donald-trump', 'john-coale']);
    const belarusian = ids(await getOk(app, '/api/actors?code=BLR', ActorList));
    expect(belarusian).toEqual(
      seedFactsObject()
        .actors.filter((a: { id: string }) =>
          [
            'belarus',
            'alexander-lukashenko',
            'sviatlana-tsikhanouskaya',
            'ales-bialiatski',
            'viasna',
            'belarusian-opposition-in-exile',
            'belarusian-political-prisoners',
            'belavia',
          ].includes(a.id),
        )
        .map((a: { id: string }) => a.id)
        .sort(),
    );
    expect(ids(await getOk(app, '/api/actors?code=BLR&kind=state', ActorList))).toEqual(['belarus']);
    expect(ids(await getOk(app, '/api/actors?wikidata=Q22686', ActorList))).toEqual(['donald-trump']);
    expect(ids(await getOk(app, '/api/actors?q=Lukashenko&code=BLRGOV', ActorList))).toEqual(['alexander-lukashenko']);
    for (const [param, value] of [
      ['code', 'blr'],
      ['wikidata', 'X1'],
    ]) {
      const error = await getError(app, `/api/actors?${param}=${value}`);
      expect(error.status).toBe(400);
      expect(error.body.details?.map((d) => d.path)).toContain(param);
    }
  });

  test('the actor page shows the identifiers, links to Wikidata, and names its Atom feed', async () => {
    const html = await (await fetch(`${app.baseUrl}/actors/donald-trump`)).text();
    expect(html).toContain('<dd>USAGOV</dd>');
    expect(html).toContain('href="https://www.wikidata.org/wiki/Q22686"');
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Events of Donald Trump (Atom)" href="/api/export?format=atom&amp;actor=donald-trump">',
    );
    const timeline = await (await fetch(`${app.baseUrl}/timeline?actor=belarus`)).text();
    expect(timeline).toMatch(/<link rel="alternate" type="application\/atom\+xml" [^>]*href="\/api\/export\?format=atom&amp;actor=belarus"/);
    expect(timeline).toContain('format=stix');
  });

  test('a database loaded before codes existed gets its states coded once, by name, by a migration', async () => {
    await write(db, "MATCH (a:Actor {kind: 'state'}) REMOVE a.country, a.countryAlpha2, a.code");
    expect(await backfillStateCodes(db)).toBe(4);
    expect(await backfillStateCodes(db)).toBe(0);
    expect(await getOk(app, '/api/actors/russia', ActorDetail)).toMatchObject({ country: 'RUS', countryAlpha2: 'RU', code: 'RUS' });
  });

  test('a facts file with an unknown country code is refused naming the file, path and reason; nothing is written', async () => {
    const file = path.join(tmp, 'bad-country.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        article: { id: 'bad-country', title: 'T', publishedAt: '2024-01-01', text: 'X.' },
        actors: [{ id: 'x-person', name: 'X', kind: 'person', country: 'ZZZ' }],
      }),
    );
    const { loadFactsPaths } = await import('../../src/ingest/load');
    await expect(loadFactsPaths(db, [file])).rejects.toThrow(/actors\.0\.country|actors\[0\]\.country|country/);
    const missing = await getError(app, '/api/actors/x-person');
    expect(missing.status).toBe(404);
  });
});

describe('PLOVER and CSV carry the codes, and give them back', () => {
  test('CSV rows have actor1/actor2 codes, ISO countries and Wikidata ids', async () => {
    const rows: Array<Record<string, string>> = parseCsv((await download('format=csv&type=prisoner_release')).text, { columns: true });
    expect(rows[0]).toMatchObject({
      agent_id: 'belarus',
      actor1_code: 'BLR',
      actor1_country_code: 'BLR',
      actor1_country_alpha2: 'BY',
      actor1_wikidata: 'Q184',
      actor2_code: 'BLRCVL',
    });
  });

  test.each(['plover', 'csv'] as const)('%s: kb import into an empty database restores every actor code and identifier', async (format) => {
    await resetToSeed(db);
    const before = await getOk(app, '/api/actors?limit=500', ActorList);
    const file = path.join(tmp, `round.${format}`);
    fs.writeFileSync(file, (await download(`format=${format}`)).text);
    await clearDatabase(db);
    await importFile(db, file, format);
    const after = await getOk(app, '/api/actors?limit=500', ActorList);
    const codes = (list: typeof before) =>
      list.items.map(({ id, country, countryAlpha2, sector, code, wikidata }) => ({ id, country, countryAlpha2, sector, code, wikidata }));
    expect(codes(after)).toEqual(codes(before));
    expect(codes(after).filter((a) => a.wikidata).length).toBe(5);
    await resetToSeed(db);
  });
});

describe('the field formats of the seed, from the API and the CLI', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, isArray: (n) => ['node', 'edge', 'entry'].includes(n) });
  const seedEvents = seedFactsObject().events.length;

  test('each downloads with its type and file name, and validates', async () => {
    const stix = await download('format=stix');
    expect(stix.type).toMatch(/^application\/stix\+json/);
    const bundle = JSON.parse(stix.text);
    const validStix = ajv.compile(stixSchema);
    expect(validStix(bundle) ? [] : validStix.errors).toEqual([]);
    expect(bundle.objects.filter((o: { type: string }) => o.type === 'note')).toHaveLength(seedEvents);
    expect(bundle.objects.filter((o: { type: string }) => o.type === 'report')).toHaveLength(1);

    const timeline = await download('format=timelinejs');
    expect(timeline.disposition).toContain('kb-events.timeline.json');
    const document = JSON.parse(timeline.text);
    const validTimeline = ajv.compile(timelineSchema);
    expect(validTimeline(document) ? [] : validTimeline.errors).toEqual([]);
    expect(document.events).toHaveLength(seedEvents);

    const gexf = await download('format=gexf');
    expect(gexf.disposition).toContain('kb-actor-network.gexf');
    expect(XMLValidator.validate(gexf.text)).toBe(true);
    const graph = xml.parse(gexf.text).gexf.graph;
    expect(graph['@mode']).toBe('dynamic');
    expect(graph.nodes.node.length).toBe(seedFactsObject().actors.length);
    for (const node of graph.nodes.node) expect(node['@start'] <= node['@end']).toBe(true);

    const atom = await download('format=atom&actor=belarus');
    expect(atom.type).toMatch(/^application\/atom\+xml/);
    expect(XMLValidator.validate(atom.text)).toBe(true);
    const feed = xml.parse(atom.text).feed;
    const entries = feed.entry as Array<{ id: string; updated: string }>;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.id.startsWith('tag:diplomatic-events-kb,2025:event/'))).toBe(true);
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'alternate')['@href']).toBe('/timeline?actor=belarus');

    const ftm = await download('format=ftm');
    const entities = ftm.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(entities.filter((e) => e.schema === 'Event')).toHaveLength(seedEvents);
    expect(entities.find((e) => e.id === 'kb-actor-belarus')).toMatchObject({ schema: 'PublicBody', properties: { country: ['by'], wikidataId: ['Q184'] } });
    // roles over time: Lukashenko a member of the Belarusian state as its president, after both ends are written
    const membership = entities.findIndex((e) => e.id === 'kb-membership-alexander-lukashenko-president_of-belarus');
    expect(entities[membership]).toMatchObject({
      schema: 'Membership',
      properties: { member: ['kb-actor-alexander-lukashenko'], organization: ['kb-actor-belarus'] },
    });
    expect(entities.findIndex((e) => e.id === 'kb-actor-belarus')).toBeLessThan(membership);
  });

  test('kb export --format writes the same files', async () => {
    const run = promisify(execFile);
    const { uri, user, password } = testConnection();
    const env = { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, LOG_LEVEL: 'silent' };
    const kb = (...args: string[]) => run(process.execPath, [KB, ...args], { env, cwd: path.resolve(__dirname, '../..'), maxBuffer: 1 << 26 });
    for (const format of ['ftm', 'gexf', 'timelinejs', 'atom'] as const) {
      expect((await kb('export', '--format', format)).stdout).toBe((await download(`format=${format}`)).text);
    }
    const stixIds = (text: string) => JSON.parse(text).objects.map((o: { id: string }) => o.id);
    expect(stixIds((await kb('export', '--format', 'stix')).stdout)).toEqual(stixIds((await download('format=stix')).text));
  });
});
