import { ExportEvent } from '../../../src/exports/exports.schemas';
import { ploverChunks, ploverLine, ploverRecord, ploverToEventInput } from '../../../src/exports/plover';
import { collect, from, sampleEvent, TRICKY_NAME } from './sample';

test('a PLOVER record has the core fields: actor and recipient sides, category, mode, text, link', () => {
  const record = ploverRecord(sampleEvent());
  expect(record).toMatchObject({
    id: 'talks-one',
    date: '2024-03-01',
    enddate: '2024-03-31',
    event: 'CONSULT',
    mode: 'visit',
    context: ['diplomatic'],
    event_loc: { extracted_place: 'Geneva, <CH>' },
    text: 'They met, "at last" & <quietly>.',
    cite_info: { title: 'Talks, "again" & <more>', url: 'https://example.org/a?x=1&y=2', publication: 'Gazette & Co' },
    link: ['talks-zero'],
    cameo: '043',
  });
  expect(record.actor.map((a) => a.kb_id)).toEqual(['freedonia', 'tricky']);
  expect(record.recipient.map((a) => a.kb_id)).toEqual(['sylvania', 'zembla']);
  expect(record.actor[1]?.entity_text).toBe(TRICKY_NAME);
});

test('a PLOVER actor object carries its CAMEO code, sector and country, and its Wikidata id as identifier_id', () => {
  const [freedonia, tricky] = ploverRecord(sampleEvent()).actor;
  expect(tricky).toMatchObject({ code: 'BLROPP', sector: 'OPP', country: 'BLR', identifier_id: 'Q42', identifier_text: TRICKY_NAME });
  expect(freedonia).toMatchObject({ code: null, sector: null, identifier_id: null, kb_id: 'freedonia' });
});

test('types PLOVER has no category for keep their record, with a null event and the reason in no_event', () => {
  expect(ploverRecord(sampleEvent({ type: 'nomination' }))).toMatchObject({
    event: null,
    mode: null,
    no_event: expect.stringMatching(/^no PLOVER category: /),
  });
  expect(ploverRecord(sampleEvent({ type: 'statement' }))).toMatchObject({ event: null, cameo: '010', no_event: expect.stringContaining('CAMEO 01') });
  expect(ploverRecord(sampleEvent({ type: 'sanctions_lifted' }))).toMatchObject({ event: 'RETREAT', mode: null, cameo: '085' });
  expect(ploverRecord(sampleEvent({ type: 'sanctions_lifted' }))).not.toHaveProperty('no_event');
});

test('each record has one event and one mode at most, and a context list: the subtype gives the mode', () => {
  expect(ploverRecord(sampleEvent({ type: 'diplomats_expelled' }))).toMatchObject({ event: 'SANCTION', mode: 'expel', context: ['diplomatic'], cameo: '161' });
  expect(ploverRecord(sampleEvent({ type: 'relations_severed' }))).toMatchObject({ event: 'SANCTION', mode: 'discontinue', cameo: '161' });
  expect(ploverRecord(sampleEvent({ type: 'military_support' }))).toMatchObject({ event: 'AID', mode: null, context: ['military'], cameo: '072' });
  expect(ploverRecord(sampleEvent({ type: 'ceasefire' }))).toMatchObject({ event: 'RETREAT', mode: 'ceasefire', cameo: '0871' });
});

test('each record is one line of JSON, even with line breaks and U+2028 in the text', async () => {
  const event = sampleEvent({ title: 'One\nTwo\u2028Three\u2029Four' });
  const text = await collect(ploverChunks(from([event, sampleEvent({ id: 'talks-two' })])));
  const lines = text.split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[2]).toBe('');
  expect(ploverLine(event)).not.toMatch(/[\u2028\u2029]/);
  expect(JSON.parse(lines[0] as string).kb.title).toBe('One\nTwo\u2028Three\u2029Four');
});

test('the kb part of a line rebuilds the event it was written from', () => {
  const event = sampleEvent();
  const { input, problem } = ploverToEventInput(JSON.parse(ploverLine(event)));
  expect(problem).toBeUndefined();
  expect(ExportEvent.parse(input)).toEqual(event);
});

test('a PLOVER record without kb is refused with a reason', () => {
  expect(ploverToEventInput({ id: 'x', date: '2024-01-01', event: 'CONSULT' }).problem).toMatch(/no "kb" object/);
  expect(ploverToEventInput([1, 2]).problem).toBe('not a JSON object');
});
