import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../../src/db/query';
import { EventPage } from '../../src/events/events.schemas';
import { loadFacts } from '../helpers/browse-fixtures';
import { HOSTILE, HOSTILE_QUOTES, hostileFacts } from '../helpers/hostile-facts';
import { getOk, startTestApp, type RunningApp } from '../helpers/test-app';
import { openTestDb, resetToSeed } from '../helpers/test-db';
import { ensureClients } from './python';

/**
 * Every export of the seed and of facts with hostile names, read by the software analysts open it with, as a
 * user would: networkx and igraph (GraphML), rdflib with SPARQL (JSON-LD), pandas (CSV, PLOVER JSON Lines).
 * tests/clients/read_exports.py reports what each client saw; this file checks it against the knowledge base.
 */
const Attributes = z.record(z.string(), z.unknown());
const Edge = z.tuple([z.string(), z.string(), Attributes]);
const Seen = z.object({
  graphml_networkx: z.object({ directed: z.boolean(), nodes: z.record(z.string(), Attributes), edges: z.array(Edge) }),
  graphml_igraph: z.object({ directed: z.boolean(), nodes: z.array(Attributes), edges: z.array(Edge) }),
  jsonld_rdflib: z.object({
    triples: z.number(),
    events: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        start: z.string(),
        end: z.string().nullable(),
        participants: z.array(z.string()),
        quotes: z.array(z.string()),
        articles: z.array(z.string()),
      }),
    ),
  }),
  csv_pandas: z.object({
    rows: z.number(),
    columns: z.array(z.string()),
    dtypes: z.record(z.string(), z.string()),
    records: z.array(Attributes),
    typed: z.object({ date_start: z.string(), cameo_codes: z.array(z.string()) }),
  }),
  plover_pandas: z.object({ rows: z.number(), records: z.array(Attributes) }),
  versions: z.record(z.string(), z.string()),
});

let db: Db;
let app: RunningApp;
let dir: string;
let seen: z.output<typeof Seen>;
let events: z.output<typeof EventPage>['items'];
let csvText: string;

const FILES = { graphml: 'network.graphml', jsonld: 'events.jsonld', csv: 'events.csv', plover: 'events.plover.jsonl' } as const;

beforeAll(async () => {
  const python = await ensureClients();
  db = openTestDb();
  await resetToSeed(db);
  await loadFacts(db, hostileFacts);
  app = await startTestApp(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-clients-'));
  for (const [format, file] of Object.entries(FILES)) {
    const response = await fetch(`${app.baseUrl}/api/export?format=${format}`);
    expect(response.status).toBe(200);
    fs.writeFileSync(path.join(dir, file), Buffer.from(await response.arrayBuffer()));
  }
  csvText = fs.readFileSync(path.join(dir, FILES.csv), 'utf8');
  events = (await getOk(app, '/api/events?limit=500', EventPage)).items;
  const { stdout } = await promisify(execFile)(python, [path.join(__dirname, 'read_exports.py'), dir], { maxBuffer: 64 * 1024 * 1024 });
  seen = Seen.parse(JSON.parse(stdout));
  process.stderr.write(`export clients: ${JSON.stringify(seen.versions)}\n`);
}, 15 * 60_000);

afterAll(async () => {
  await app?.close();
  if (db) await resetToSeed(db);
  await db?.driver.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const participantsOf = (id: string) => [...new Set(events.find((e) => e.id === id)!.participants.map((p) => p.actor.id))].sort();
const actorsInEvents = () => [...new Set(events.flatMap((e) => e.participants.map((p) => p.actor.id)))].sort();
const sharedCount = (a: string, b: string) => events.filter((e) => [a, b].every((id) => e.participants.some((p) => p.actor.id === id))).length;

describe('GraphML', () => {
  test('networkx reads it: a directed graph, every actor with its name and kind, both kinds of edges told apart', () => {
    const g = seen.graphml_networkx;
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(actorsInEvents());
    expect(g.nodes['hostile-person']).toMatchObject({ name: HOSTILE.person, kind: 'person', events: 2 });
    expect(g.nodes['hostile-state']).toMatchObject({ name: HOSTILE.state, kind: 'state' });
    const shared = g.edges.filter(([, , a]) => a.relation === 'shared_events');
    const roles = g.edges.filter(([, , a]) => a.relation === 'affiliation');
    expect(shared.length + roles.length).toBe(g.edges.length);
    expect(shared.every(([, , a]) => a.symmetric === true)).toBe(true);
    expect(roles.every(([, , a]) => a.symmetric === undefined)).toBe(true);
    const pair = shared.find(([s, t]) => s === 'belarus' && t === 'united-states');
    expect(pair?.[2].weight).toBe(sharedCount('belarus', 'united-states'));
    expect(roles).toContainEqual([
      'hostile-person',
      'hostile-state',
      expect.objectContaining({ role: 'envoy_to', title: 'Envoy, "acting" & <special> ✉️', from: '2024-02' }),
    ]);
  });

  test('igraph reads the same graph: as many nodes and edges, the same names, weights and relations', () => {
    const nx = seen.graphml_networkx;
    const ig = seen.graphml_igraph;
    expect(ig.directed).toBe(true);
    expect(ig.nodes.map((n) => n.id).sort()).toEqual(Object.keys(nx.nodes).sort());
    expect(ig.nodes.find((n) => n.id === 'hostile-league')).toMatchObject({ name: HOSTILE.league, kind: 'organization' });
    expect(ig.edges).toHaveLength(nx.edges.length);
    const summary = (edges: z.output<typeof Edge>[]) => edges.map(([s, t, a]) => `${s}>${t}:${a.relation}:${a.weight}`).sort();
    expect(summary(ig.edges)).toEqual(summary(nx.edges));
  });
});

test('JSON-LD: rdflib reads every event, and SPARQL finds its dates, participants and citations verbatim', () => {
  const { events: read, triples } = seen.jsonld_rdflib;
  expect(triples).toBeGreaterThan(400);
  expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id).sort());
  const talks = read.find((e) => e.id === 'hostile-talks')!;
  expect(talks).toMatchObject({ start: '2024-05-01', end: '2024-05-02', participants: participantsOf('hostile-talks') });
  expect(talks.quotes).toEqual([HOSTILE_QUOTES[0]]);
  expect(talks.articles).toEqual([hostileFacts.article.title]);
  expect(talks.name).toBe(hostileFacts.events[0]!.title);
  const september = read.find((e) => e.id === 'talks-minsk-2025-09')!;
  expect(september.start).toBe('2025-09');
});

describe('CSV', () => {
  test('pandas reads it with its defaults: every row, every column, names and quotes intact', () => {
    const csv = seen.csv_pandas;
    const rows: Array<Record<string, string>> = parseCsv(csvText, { columns: true });
    expect(csv.rows).toBe(rows.length);
    expect(csv.columns).toEqual(Object.keys(rows[0]!));
    const hostile = csv.records.filter((r) => String(r.event_id).startsWith('hostile-'));
    expect(hostile.map((r) => r.agent_name)).toEqual(expect.arrayContaining([HOSTILE.person, HOSTILE.state]));
    expect(hostile.map((r) => r.quote)).toEqual(expect.arrayContaining(HOSTILE_QUOTES));
    expect(hostile.find((r) => r.event_id === 'hostile-talks')?.event_title).toBe(hostileFacts.events[0]!.title);
    expect(csv.dtypes.event_id).not.toMatch(/int|float/);
  });

  test('with the recipe of the README, dates are dates and CAMEO codes keep their leading zero', () => {
    // The README warns that pandas' defaults read the codes as numbers ("043" as 43): the warning must stay true.
    expect(seen.csv_pandas.dtypes.cameo_code).toMatch(/int|float/);
    expect(seen.csv_pandas.typed.date_start).toMatch(/^datetime64/);
    expect(seen.csv_pandas.typed.cameo_codes).toEqual(expect.arrayContaining(['043', '0841', '085']));
  });
});

test('PLOVER: pandas reads one record per event, with the quote as its text', () => {
  const plover = seen.plover_pandas;
  expect(plover.rows).toBe(events.length);
  expect(plover.records.map((r) => r.id).sort()).toEqual(events.map((e) => e.id).sort());
  expect(plover.records.find((r) => r.id === 'hostile-release')?.text).toBe(HOSTILE_QUOTES[1]);
});
