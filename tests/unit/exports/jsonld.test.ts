import jsonld from 'jsonld';
import { z } from 'zod';
import { isoStart, jsonldChunks } from '../../../src/exports/jsonld';
import { jsonldDocument } from '../../helpers/export-formats';
import { parseExact } from '../../helpers/test-app';
import { collect, from, sampleEvent, TRICKY_NAME } from './sample';

const SCHEMA = 'https://schema.org/';

/** A JSON-LD processor's expansion: every value a list, literals as {"@value"}, terms as full IRIs. */
const Literal = z.looseObject({ '@value': z.unknown() });
const Reference = z.looseObject({ '@id': z.string() });
const ExpandedEvent = z.looseObject({
  '@id': z.string(),
  '@type': z.array(z.string()),
  [`${SCHEMA}startDate`]: z.array(Literal),
  'urn:kb:cameoCode': z.array(Literal),
  'urn:kb:follows': z.array(Reference),
  [`${SCHEMA}citation`]: z.array(z.looseObject({ [`${SCHEMA}text`]: z.array(Literal) })),
  [`${SCHEMA}organizer`]: z.array(z.looseObject({ [`${SCHEMA}organizer`]: z.array(z.looseObject({ [`${SCHEMA}name`]: z.array(Literal) })) })),
});

test('dates are as precise as they are known', () => {
  expect(isoStart({ start: '2025-09-01', end: null, precision: 'month' })).toBe('2025-09');
  expect(isoStart({ start: '2020-01-01', end: null, precision: 'year' })).toBe('2020');
  expect(isoStart({ start: '2025-12-12', end: null, precision: 'day' })).toBe('2025-12-12');
});

test('the document is JSON with a @context and schema.org Events in @graph', async () => {
  const doc = jsonldDocument(await collect(jsonldChunks(from([sampleEvent(), sampleEvent({ id: 'talks-two' })]))));
  expect(doc['@context']['@vocab']).toBe(SCHEMA);
  expect(doc['@graph']).toHaveLength(2);
  const event = doc['@graph'][0]!;
  expect(event).toMatchObject({
    '@type': 'Event',
    identifier: 'talks-one',
    startDate: '2024-03',
    endDate: '2024-03-31',
    location: { '@type': 'Place', name: 'Geneva, <CH>' },
    cameoCode: '043',
    ploverCategory: 'CONSULT',
  });
  expect(event.citation.map((c) => c.text)).toEqual(['They met, "at last" & <quietly>.', 'Second sentence.']);
  expect(event.organizer.map((r) => [r.roleName, r.organizer.name])).toEqual([
    ['host', 'Freedonia'],
    ['agent', TRICKY_NAME],
  ]);
});

test('an empty export is still a valid document', async () => {
  const doc = jsonldDocument(await collect(jsonldChunks(from([]))));
  expect(doc['@graph']).toEqual([]);
});

test('a JSON-LD processor expands it to schema.org terms and the kb vocabulary, offline', async () => {
  const doc = await collect(jsonldChunks(from([sampleEvent()])));
  const [event] = parseExact(z.tuple([ExpandedEvent]), await jsonld.expand(JSON.parse(doc)), 'The expanded JSON-LD');
  expect(event['@id']).toBe('urn:kb:event:talks-one');
  expect(event['@type']).toEqual([`${SCHEMA}Event`]);
  expect(event[`${SCHEMA}startDate`]).toEqual([{ '@value': '2024-03' }]);
  expect(event['urn:kb:cameoCode']).toEqual([{ '@value': '043' }]);
  expect(event['urn:kb:follows']).toEqual([{ '@id': 'urn:kb:event:talks-zero' }]);
  const quote = event[`${SCHEMA}citation`][0]!;
  expect(quote[`${SCHEMA}text`]).toEqual([{ '@value': 'They met, "at last" & <quietly>.' }]);
  const agent = event[`${SCHEMA}organizer`][1]![`${SCHEMA}organizer`][0]!;
  expect(agent[`${SCHEMA}name`]).toEqual([{ '@value': TRICKY_NAME }]);
});
