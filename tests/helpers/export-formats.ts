import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { ExportEvent } from '../../src/exports/exports.schemas';
import { parseExact } from './test-app';

/**
 * The export files as the tests read them back, each parsed with a schema of what the writer promises
 * (src/exports/plover.ts, jsonld.ts, graphml.ts): a changed file fails at the parse.
 */

const PloverEntity = z.strictObject({
  entity_text: z.string(),
  code: z.string().nullable(),
  sector: z.string().nullable(),
  country: z.string().nullable(),
  identifier_id: z.string().nullable(),
  identifier_text: z.string(),
  kb_id: z.string(),
});

/** One PLOVER record: the core fields, `no_event` (only when `event` is null), `cameo`, and `kb`, the whole event (but its id) as `kb import` reads it. */
export const PloverRecord = z.strictObject({
  id: z.string(),
  date: z.string(),
  enddate: z.string().nullable(),
  actor: z.array(PloverEntity),
  recipient: z.array(PloverEntity),
  event: z.string().nullable(),
  mode: z.string().nullable(),
  context: z.array(z.string()),
  event_loc: z.strictObject({ extracted_place: z.string() }).nullable(),
  text: z.string(),
  cite_info: z.strictObject({ title: z.string(), url: z.string().nullable(), publication: z.string().nullable() }),
  link: z.array(z.string()),
  no_event: z.string().optional(),
  cameo: z.string().nullable(),
  kb: ExportEvent.omit({ id: true }),
});
export type PloverRecord = z.output<typeof PloverRecord>;

/** The records of a PLOVER export, one JSON object per line. */
export const ploverRecords = (text: string): PloverRecord[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line, i) => parseExact(PloverRecord, JSON.parse(line), `PLOVER record ${i + 1}`));

const JsonLdActor = z.looseObject({ identifier: z.string(), name: z.string() });

/** A schema.org Event of a JSON-LD export, as far as the tests read it (every other field is kept). */
export const JsonLdEvent = z.looseObject({
  '@type': z.string(),
  identifier: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string().optional(),
  location: z.looseObject({ name: z.string() }).optional(),
  cameoCode: z.string().nullable(),
  ploverCategory: z.string().nullable(),
  organizer: z.array(z.looseObject({ roleName: z.string(), organizer: JsonLdActor })),
  attendee: z.array(z.looseObject({ roleName: z.string(), attendee: JsonLdActor })),
  citation: z.array(z.looseObject({ text: z.string(), isPartOf: z.looseObject({ headline: z.string() }) })),
});

export const JsonLdDocument = z.looseObject({
  '@context': z.looseObject({ '@vocab': z.string() }),
  '@graph': z.array(JsonLdEvent),
});

/** A JSON-LD export. */
export const jsonldDocument = (text: string) => parseExact(JsonLdDocument, JSON.parse(text), 'The JSON-LD document');

const GraphmlData = z.looseObject({ '@key': z.string(), '#text': z.string().optional() });
const GraphmlNode = z.looseObject({ '@id': z.string(), data: z.array(GraphmlData).optional() });
const GraphmlEdge = z.looseObject({
  '@source': z.string(),
  '@target': z.string(),
  '@directed': z.string().optional(),
  data: z.array(GraphmlData).optional(),
});

/** A GraphML document as fast-xml-parser reads it (attributes prefixed with @): keys, nodes and edges. */
const GraphmlDocument = z.looseObject({
  graphml: z.looseObject({
    '@xmlns': z.string(),
    key: z.array(z.looseObject({ '@id': z.string(), '@attr.name': z.string() })),
    graph: z.looseObject({
      '@edgedefault': z.string(),
      node: z.array(GraphmlNode).optional(),
      edge: z.array(GraphmlEdge).optional(),
    }),
  }),
});

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['node', 'edge', 'data', 'key'].includes(name),
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

/** The <graphml> element of a GraphML export (check that it is well-formed XML first: the parser is lenient). */
export const graphmlDocument = (text: string) => parseExact(GraphmlDocument, xml.parse(text), 'The GraphML document').graphml;

/** An element's <data> values by key. */
export function dataOf(element: { data?: ReadonlyArray<{ '@key': string; '#text'?: string }> }): Record<string, string> {
  return Object.fromEntries((element.data ?? []).map((d) => [d['@key'], d['#text'] ?? '']));
}
