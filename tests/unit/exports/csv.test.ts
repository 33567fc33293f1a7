import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, csvChunks, csvField, eventRows, rowToEventInput } from '../../../src/exports/csv';
import { ExportEvent } from '../../../src/exports/exports.schemas';
import { collect, from, sampleEvent, TRICKY_NAME } from './sample';

test('csvField quotes only fields with a comma, quote or line break, doubling quotes (RFC 4180)', () => {
  expect(csvField('plain')).toBe('plain');
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('two\nlines')).toBe('"two\nlines"');
  expect(csvField('cr\ronly')).toBe('"cr\ronly"');
  expect(csvField('')).toBe('');
});

test('an event gives one row per agent–target pair, agents and hosts against targets and guests', () => {
  const rows = eventRows(sampleEvent());
  const pairs = rows.map((row) => `${row.agent_id}>${row.target_id}`);
  // agents sorted by name: Freedonia, then the tricky "Smith, …" name; targets: Sylvania, Zembla
  expect(pairs).toEqual(['freedonia>sylvania', 'freedonia>zembla', 'tricky>sylvania', 'tricky>zembla']);
  expect(rows[0]).toMatchObject({
    agent_role: 'host',
    target_role: 'guest',
    cameo_code: '043',
    plover_event: 'CONSULT',
    plover_mode: 'visit',
    quad_class: '1',
    goldstein: '2.8',
  });
});

test('actor1 and actor2 columns carry the agent and target codes, ISO country codes and Wikidata ids', () => {
  const rows = eventRows(sampleEvent());
  const tricky = rows.filter((row) => row.agent_id === 'tricky');
  expect(tricky.length).toBeGreaterThan(0);
  for (const row of tricky) {
    expect(row).toMatchObject({ actor1_code: 'BLROPP', actor1_country_code: 'BLR', actor1_country_alpha2: 'BY', actor1_wikidata: 'Q42', actor2_code: '' });
  }
  expect(rows.find((row) => row.agent_id === 'freedonia')?.actor1_code).toBe('');
});

test('a statement with only a source has that source as its agent, and a blank target', () => {
  const event = sampleEvent({
    type: 'statement',
    participants: [
      {
        role: 'source',
        actor: { id: 'herald', name: 'Herald', kind: 'organization', aliases: [], description: null, country: null, sector: null, code: null, wikidata: null },
      },
    ],
  });
  const rows = eventRows(event);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    agent_id: 'herald',
    agent_role: 'source',
    target_id: '',
    cameo_code: '010',
    plover_event: '',
    quad_class: '1',
    goldstein: '0',
  });
});

test('quad_class and goldstein follow the CAMEO code; blank for a type without one', () => {
  expect(eventRows(sampleEvent({ type: 'armed_attack' }))[0]).toMatchObject({ cameo_code: '190', quad_class: '4', goldstein: '-10', plover_event: 'ASSAULT' });
  expect(eventRows(sampleEvent({ type: 'ceasefire' }))[0]).toMatchObject({ cameo_code: '0871', quad_class: '2', goldstein: '9', plover_mode: 'ceasefire' });
  expect(eventRows(sampleEvent({ type: 'nomination' }))[0]).toMatchObject({ cameo_code: '', quad_class: '', goldstein: '', plover_event: '' });
});

test('the written CSV parses back with an independent parser, every tricky character intact', async () => {
  const text = await collect(csvChunks(from([sampleEvent()])));
  expect(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
  const rows: Array<Record<string, string>> = parse(text, { columns: true });
  expect(rows).toHaveLength(4);
  const tricky = rows.find((row) => row.agent_id === 'tricky');
  expect(tricky?.agent_name).toBe(TRICKY_NAME);
  expect(tricky?.quote).toBe('They met, "at last" & <quietly>.');
  expect(tricky?.article_title).toBe('Talks, "again" & <more>');
  expect(tricky?.article_url).toBe('https://example.org/a?x=1&y=2');
  expect(tricky?.event_summary).toBe('A summary\nover two lines');
  expect(tricky).toMatchObject({ date_start: '2024-03-01', date_end: '2024-03-31', date_precision: 'month', figure_count: '3', figure_approximate: 'true' });
});

test('a row read back rebuilds the event it was written from', async () => {
  const event = sampleEvent();
  const rows: Array<Record<string, string>> = parse(await collect(csvChunks(from([event]))), { columns: true });
  const { input, jsonProblems } = rowToEventInput(rows[2] as never);
  expect(jsonProblems).toEqual([]);
  expect(ExportEvent.parse(input)).toEqual(event);
});

test('a broken kb_ column is reported, not thrown', () => {
  const { jsonProblems } = rowToEventInput({ kb_participants: '[{', kb_sources: '[]', kb_links: '' });
  expect(jsonProblems).toHaveLength(1);
  expect(jsonProblems[0]).toMatch(/^kb_participants: not valid JSON/);
});
