import { TAXONOMY } from '../../../src/domain/taxonomy';
import { ActorMatcher } from '../../../src/interchange/field-actors';
import { planFieldImport, recordLine } from '../../../src/interchange/field-facts';
import type { FieldRecord, FieldSide } from '../../../src/interchange/field-record';
import { typeOfCameo, typeOfPlover } from '../../../src/interchange/field-types';
import { formatFromContent } from '../../../src/interchange/formats';
import { readGdeltLine } from '../../../src/interchange/read-gdelt';

const cameo = (code: string) => ({ code, base: code.slice(0, 3), root: code.slice(0, 2) });
const side = (over: Partial<FieldSide> = {}): FieldSide => ({ name: null, code: null, country: null, sector: null, ...over });
const KNOWN = [
  { id: 'belarus', name: 'Belarus', aliases: ['Republic of Belarus'], kind: 'state', country: 'BLR' },
  { id: 'alexander-lukashenko', name: 'Alexander Lukashenko', aliases: [], kind: 'person', country: 'BLR' },
];

describe('event types by CAMEO code', () => {
  test.each([
    ['0841', 'prisoner_release'], // exact
    ['161', 'relations_severed'], // shared by several types: the first in the taxonomy's order
    ['0431', 'talks'], // no 0431, no 043: root 04's residual 040
    ['0311', 'intent'], // base 031 absent: 030
    ['1121', 'criticism'], // root 11's general type
    ['145', 'protest'],
    ['152', 'mobilization'],
  ])('%s → %s', (code, type) => {
    expect(typeOfCameo(cameo(code))).toEqual({ type });
  });

  test.each(['0842', '172', '180', '0951', '203'])('%s has no type and says so', (code) => {
    expect(typeOfCameo(cameo(code))).toEqual({ skip: `no event type for CAMEO code ${code} (root ${code.slice(0, 2)})` });
  });

  test('every code of the taxonomy maps back to a type with that code', () => {
    for (const entry of Object.values(TAXONOMY)) {
      if (entry.cameo === null) continue;
      const match = typeOfCameo(cameo(entry.cameo));
      expect('type' in match && TAXONOMY[match.type].cameo).toBe(entry.cameo);
    }
  });
});

describe('event types by PLOVER category and mode', () => {
  test.each([
    ['SANCTION', 'expel', 'diplomats_expelled'],
    ['SANCTION', 'convict', 'conviction'],
    ['RETREAT', 'ceasefire', 'ceasefire'],
    ['RETREAT', null, 'sanctions_lifted'],
    ['CONSULT', 'phone', 'talks'],
    ['COERCE', 'seize', 'detention'],
  ])('%s/%s → %s', (event, mode, type) => {
    expect(typeOfPlover({ event, mode })).toEqual({ type });
  });

  test('a category split by mode needs a mode it knows', () => {
    expect(typeOfPlover({ event: 'SANCTION', mode: null })).toEqual({ skip: 'no event type for PLOVER SANCTION with no mode' });
    expect(typeOfPlover({ event: 'SANCTION', mode: 'boycott' })).toEqual({ skip: 'no event type for PLOVER SANCTION with mode "boycott"' });
  });
});

describe('actors', () => {
  test('by name or alias, case aside; a bare country code to its state', () => {
    const matcher = new ActorMatcher(KNOWN);
    expect(matcher.resolve(side({ name: 'ALEXANDER LUKASHENKO', code: 'BLRGOV' }))).toEqual({ id: 'alexander-lukashenko' });
    expect(matcher.resolve(side({ name: 'republic of belarus' }))).toEqual({ id: 'belarus' });
    expect(matcher.resolve(side({ name: 'MINSK', code: 'BLR', country: 'BLR' }))).toEqual({ id: 'belarus' });
    expect(matcher.created.size).toBe(0);
  });

  test('a new state is named by its ISO country; others keep their names, with sector, kind and code', () => {
    const matcher = new ActorMatcher(KNOWN);
    expect(matcher.resolve(side({ name: 'LITHUANIA', code: 'LTU', country: 'LTU' }))?.created).toEqual({
      id: 'lithuania',
      name: 'Lithuania',
      kind: 'state',
      aliases: [],
      country: 'LTU',
    });
    expect(matcher.resolve(side({ name: 'POLICE', code: 'LTUCOP', country: 'LTU', sector: 'COP' }))?.created).toEqual({
      id: 'police',
      name: 'POLICE',
      kind: 'government_body',
      aliases: [],
      country: 'LTU',
      sector: 'COP',
      code: 'LTUCOP',
    });
    // the second row naming it refers to it
    expect(matcher.resolve(side({ name: 'police' }))).toEqual({ id: 'police', created: expect.objectContaining({ name: 'POLICE' }) });
  });

  test('a name without Latin letters gets an id from its digest; an id already taken gets a suffix', () => {
    const matcher = new ActorMatcher([{ id: 'viasna', name: 'Вясна', aliases: [], kind: 'organization', country: 'BLR' }]);
    const cyrillic = matcher.resolve(side({ name: 'Кремль', country: 'RUS', sector: 'GOV' }));
    expect(cyrillic?.id).toMatch(/^actor-[0-9a-f]{10}$/);
    const other = matcher.resolve(side({ name: 'Viasna', sector: 'NGO' }));
    expect(other?.id).toMatch(/^viasna-[0-9a-f]{10}$/);
  });

  test('nobody when a side names no one', () => {
    expect(new ActorMatcher(KNOWN).resolve(side())).toBeNull();
  });
});

describe('records to facts', () => {
  const record = (over: Partial<FieldRecord>): FieldRecord => ({
    dataset: 'gdelt',
    id: '1',
    where: 'line 1',
    date: '2025-09-11',
    agent: side({ name: 'BELARUS', code: 'BLR', country: 'BLR' }),
    target: side(),
    cameo: cameo('0841'),
    plover: null,
    url: 'https://example.org/a',
    published: '2025-09-12',
    ...over,
  });

  test('one article per URL, its text the records’ lines; skipped records counted by reason with their first places', () => {
    const plan = planFieldImport(
      '/data/x.tsv',
      [
        record({ id: '1' }),
        record({ id: '2', where: 'line 2', cameo: cameo('040') }),
        record({ id: '2', where: 'line 3' }),
        record({ id: '4', where: 'line 4', url: 'ftp://example.org/a' }),
        record({ id: '5', where: 'line 5', url: 'https://example.org/b', agent: side() }),
      ],
      KNOWN,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.entries).toHaveLength(1);
    const facts = plan.entries[0]?.facts;
    expect(facts?.events.map((e) => [e.id, e.type])).toEqual([
      ['gdelt-1', 'prisoner_release'],
      ['gdelt-2', 'talks'],
    ]);
    expect(facts?.article.text).toBe(`${recordLine(record({ id: '1' }))}\n\n${recordLine(record({ id: '2', cameo: cameo('040') }))}`);
    expect(facts?.article).toMatchObject({ url: 'https://example.org/a', publisher: 'example.org', publishedAt: '2025-09-12' });
    expect(facts?.events[0]?.origin).toEqual({ format: 'gdelt', file: 'x.tsv', id: '1' });
    expect([...plan.skipped]).toEqual([
      ['the same event id again (first at line 2)', { count: 1, examples: ['line 3'] }],
      ['the source is not an http(s) address', { count: 1, examples: ['line 4'] }],
      ['no actor on either side', { count: 1, examples: ['line 5'] }],
    ]);
  });
});

describe('reading', () => {
  test('the format shows in the first line', () => {
    expect(formatFromContent(['1', ...Array(60).fill('')].join('\t'))).toBe('gdelt');
    expect(formatFromContent('Event ID\tEvent Date\tEvent Type')).toBe('polecat');
    expect(formatFromContent('event_id\tstory_date\tevent_type\tmode')).toBe('polecat');
    expect(formatFromContent('{"id":"x"}')).toBe('plover');
    expect(formatFromContent('event_id,date_start,date_end')).toBe('csv');
    expect(formatFromContent('hello')).toBeUndefined();
  });

  test('a GDELT row whose codes disagree is refused, naming the column', () => {
    const fields = Array(61).fill('');
    Object.assign(fields, { 0: '7', 1: '20250911', 26: '0841', 27: '084', 28: '07', 29: '2', 30: '7', 59: '20250911000000' });
    expect(readGdeltLine('f.tsv', fields.join('\t'), 'line 9')).toEqual([
      { file: 'f.tsv', path: 'line 9: EventBaseCode', reason: 'is not under root code 07' },
    ]);
  });
});
