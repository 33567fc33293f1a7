import jsonld from 'jsonld';
import { isoStart, jsonldChunks } from '../../../src/exports/jsonld';
import { collect, from, sampleEvent, TRICKY_NAME } from './sample';

const SCHEMA = 'https://schema.org/';

test('dates are as precise as they are known', () => {
  expect(isoStart({ start: '2025-09-01', end: null, precision: 'month' })).toBe('2025-09');
  expect(isoStart({ start: '2020-01-01', end: null, precision: 'year' })).toBe('2020');
  expect(isoStart({ start: '2025-12-12', end: null, precision: 'day' })).toBe('2025-12-12');
});

test('the document is JSON with a @context and schema.org Events in @graph', async () => {
  const doc = JSON.parse(await collect(jsonldChunks(from([sampleEvent(), sampleEvent({ id: 'talks-two' })]))));
  expect(doc['@context']['@vocab']).toBe(SCHEMA);
  expect(doc['@graph']).toHaveLength(2);
  const [event] = doc['@graph'];
  expect(event).toMatchObject({
    '@type': 'Event',
    identifier: 'talks-one',
    startDate: '2024-03',
    endDate: '2024-03-31',
    location: { '@type': 'Place', name: 'Geneva, <CH>' },
    cameoCode: '043',
    ploverCategory: 'CONSULT',
  });
  expect(event.citation.map((c: any) => c.text)).toEqual(['They met, "at last" & <quietly>.', 'Second sentence.']);
  expect(event.organizer.map((r: any) => [r.roleName, r.organizer.name])).toEqual([
    ['host', 'Freedonia'],
    ['agent', TRICKY_NAME],
  ]);
});

test('an empty export is still a valid document', async () => {
  const doc = JSON.parse(await collect(jsonldChunks(from([]))));
  expect(doc['@graph']).toEqual([]);
});

test('a JSON-LD processor expands it to schema.org terms and the kb vocabulary, offline', async () => {
  const doc = JSON.parse(await collect(jsonldChunks(from([sampleEvent()]))));
  const [event] = (await jsonld.expand(doc)) as any[];
  expect(event['@id']).toBe('urn:kb:event:talks-one');
  expect(event['@type']).toEqual([`${SCHEMA}Event`]);
  expect(event[`${SCHEMA}startDate`]).toEqual([{ '@value': '2024-03' }]);
  expect(event['urn:kb:cameoCode']).toEqual([{ '@value': '043' }]);
  expect(event['urn:kb:follows']).toEqual([{ '@id': 'urn:kb:event:talks-zero' }]);
  const quote = event[`${SCHEMA}citation`][0];
  expect(quote[`${SCHEMA}text`]).toEqual([{ '@value': 'They met, "at last" & <quietly>.' }]);
  const agent = event[`${SCHEMA}organizer`][1][`${SCHEMA}organizer`][0];
  expect(agent[`${SCHEMA}name`]).toEqual([{ '@value': TRICKY_NAME }]);
});
