import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ftmModel from '../../schemas/ftm-model.json';
import stixSchema from '../../schemas/stix-2.1.schema.json';
import timelineSchema from '../../schemas/timelinejs3.schema.json';
import { TAXONOMY } from '../../../src/domain/taxonomy';
import { atomFeed, eventsFeedChunks } from '../../../src/exports/atom';
import type { ExportEvent } from '../../../src/exports/exports.schemas';
import { ftmChunks, type FtmEntity } from '../../../src/exports/ftm';
import { gexfChunks } from '../../../src/exports/gexf';
import { stixChunks } from '../../../src/exports/stix';
import { timelinejsChunks } from '../../../src/exports/timelinejs';
import { collect, from, sampleEvent, TRICKY_NAME } from './sample';

/** The formats other tools read, each checked by a parser or validator that is not the writer. */

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const parser = new XMLParser({
  ignoreAttributes: false,
  htmlEntities: true,
  attributeNamePrefix: '@',
  isArray: (name) => ['node', 'edge', 'entry', 'attvalue', 'category', 'link'].includes(name),
});

/** Two events: a day-precise one with hostile names everywhere, and one known only to the month. */
const events = (): ExportEvent[] => [
  sampleEvent({ id: 'talks-one', date: { start: '2024-03-05', end: '2024-03-06', precision: 'day' } }),
  sampleEvent({ id: 'talks-two', title: 'Second, <b>bold</b> & "quoted"', date: { start: '2024-04-01', end: null, precision: 'month' } }),
];

function validXml(text: string) {
  const verdict = XMLValidator.validate(text);
  expect(verdict).toBe(true);
  return parser.parse(text);
}

describe('GEXF', () => {
  test('is well-formed GEXF 1.3, dynamic, with nodes and edges alive over their events, month precision kept', async () => {
    const text = await collect(gexfChunks(() => from(events())));
    const gexf = validXml(text).gexf;
    expect(gexf['@xmlns']).toBe('http://gexf.net/1.3');
    expect(gexf['@version']).toBe('1.3');
    expect(gexf.graph['@mode']).toBe('dynamic');
    expect(gexf.graph['@timeformat']).toBe('date');
    const nodes = gexf.graph.nodes.node as Array<Record<string, string>>;
    const tricky = nodes.find((n) => n['@id'] === 'tricky');
    expect(tricky?.['@label']).toBe(TRICKY_NAME);
    expect(tricky?.['@start']).toBe('2024-03-05');
    expect(tricky?.['@end']).toBe('2024-04-30');
    const edges = gexf.graph.edges.edge as Array<Record<string, string>>;
    const monthEdge = edges.find((e) => e['@id'] === 'talks-two:tricky:sylvania');
    expect(monthEdge).toMatchObject({ '@source': 'tricky', '@target': 'sylvania', '@start': '2024-04-01', '@end': '2024-04-30' });
    expect(edges.filter((e) => (e['@id'] ?? '').startsWith('talks-one:'))).toHaveLength(4);
    for (const edge of edges) expect(nodes.some((n) => n['@id'] === edge['@source']) && nodes.some((n) => n['@id'] === edge['@target'])).toBe(true);
  });
});

describe('Atom', () => {
  test('is a well-formed Atom 1.0 feed whose entries keep stable ids and every hostile character', async () => {
    const feed = {
      id: 'tag:diplomatic-events-kb,2025:events',
      title: 'Feed & <friends>',
      self: '/api/export?format=atom&a=1',
      alternate: '/timeline',
      author: 'KB',
    };
    const text = await collect(eventsFeedChunks(from(events()), feed));
    const parsed = validXml(text).feed;
    expect(parsed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.title['#text']).toBe('Feed & <friends>');
    expect(parsed.link.map((l: Record<string, string>) => l['@rel'])).toEqual(['self', 'alternate']);
    expect(parsed.link[0]['@href']).toBe('/api/export?format=atom&a=1');
    const entries = parsed.entry as Array<{ id: string; updated: string; title: { '#text': string }; summary: { '#text': string } }>;
    const [first, second] = entries;
    expect(entries.map((e) => e.id)).toEqual(['tag:diplomatic-events-kb,2025:event/talks-one', 'tag:diplomatic-events-kb,2025:event/talks-two']);
    expect(second?.title['#text']).toBe('Second, <b>bold</b> & "quoted"');
    const summary = first?.summary['#text'];
    expect(summary).toContain(TRICKY_NAME);
    expect(summary).toContain('They met, "at last" & <quietly>.');
    for (const entry of entries) expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/);
    expect(parsed.updated).toBe('2024-03-04T00:00:00Z');
  });

  test('an empty feed is still valid Atom, with a fixed updated instant', () => {
    const parsed = validXml(atomFeed({ id: 'tag:x,2025:empty', title: 'Empty', self: '/f', alternate: '/', author: 'KB', entries: [] })).feed;
    expect(parsed.updated).toBe('1970-01-01T00:00:00Z');
    expect(parsed.entry).toBeUndefined();
  });
});

describe('STIX 2.1', () => {
  test('the bundle validates against the STIX 2.1 schema and every reference resolves', async () => {
    const bundle = JSON.parse(await collect(stixChunks(from(events()))));
    const validate = ajv.compile(stixSchema);
    expect(validate(bundle) ? [] : validate.errors).toEqual([]);
    const ids = new Set<string>(bundle.objects.map((o: { id: string }) => o.id));
    expect(ids.size).toBe(bundle.objects.length);
    for (const object of bundle.objects) {
      for (const ref of [object.created_by_ref, object.source_ref, object.target_ref, ...(object.object_refs ?? [])].filter(Boolean))
        expect(ids).toContain(ref);
    }
    const tricky = bundle.objects.find((o: { type: string; name?: string }) => o.type === 'identity' && o.name === TRICKY_NAME);
    expect(tricky).toMatchObject({
      identity_class: 'individual',
      x_cameo_code: 'BLROPP',
      external_references: [{ source_name: 'wikidata', external_id: 'Q42' }],
    });
    const monthRelationship = bundle.objects.find(
      (o: { type: string; start_time?: string }) => o.type === 'relationship' && o.start_time === '2024-04-01T00:00:00.000Z',
    );
    expect(monthRelationship.stop_time).toBe('2024-04-30T23:59:59.999Z');
    expect(monthRelationship.external_references[0].url).toBe('https://example.org/a?x=1&y=2');
  });

  test('objects keep their ids from one export to the next', async () => {
    const ids = async () => JSON.parse(await collect(stixChunks(from(events())))).objects.map((o: { id: string }) => o.id);
    expect(await ids()).toEqual(await ids());
  });
});

describe('TimelineJS', () => {
  test('validates against the TimelineJS3 JSON schema; dates as precise as known; text escaped as HTML', async () => {
    const document = JSON.parse(await collect(timelinejsChunks(from(events()), 'Events of <everyone>')));
    const validate = ajv.compile(timelineSchema);
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    expect(document.title.text.headline).toBe('Events of &lt;everyone&gt;');
    const [day, month] = document.events;
    expect(day.start_date).toEqual({ year: '2024', month: '3', day: '5' });
    expect(month.start_date).toEqual({ year: '2024', month: '4' });
    expect(month.text.headline).toBe('Second, &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(day.text.text).toContain('Smith, &quot;Junior&quot; &amp; Sons &lt;Ltd&gt;\nСвятлана Ціханоўская — جامعة الدول العربية');
    expect(day.group).toBe(TAXONOMY.talks.label);
  });
});

describe('FollowTheMoney', () => {
  type Model = { schemata: Record<string, { required: string[]; properties: string[]; entities?: Record<string, string[]> }> };
  const model = ftmModel as Model;

  test('one entity a line, each with its schema’s required properties and only properties the schema has', async () => {
    const lines = (await collect(ftmChunks(from(events())))).split('\n').filter(Boolean);
    const entities = lines.map((line) => JSON.parse(line) as FtmEntity);
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.size).toBe(entities.length);
    for (const entity of entities) {
      const schema = model.schemata[entity.schema];
      expect(schema).toBeDefined();
      for (const name of schema?.required ?? []) expect(entity.properties[name]?.length).toBeGreaterThan(0);
      for (const [name, values] of Object.entries(entity.properties)) {
        expect(schema?.properties).toContain(name);
        for (const value of values) expect(typeof value).toBe('string');
        for (const ref of schema?.entities?.[name] ? values : []) expect(schema?.entities?.[name]).toContain(byId.get(ref)?.schema);
      }
    }
    expect(byId.get('kb-actor-tricky')?.properties).toMatchObject({ name: [TRICKY_NAME], country: ['by'], wikidataId: ['Q42'] });
    expect(byId.get('kb-event-talks-two')?.properties.startDate).toEqual(['2024-04']);
    expect(byId.get('kb-event-talks-one')?.properties).toMatchObject({ startDate: ['2024-03-05'], endDate: ['2024-03-06'] });
  });

  test('roles over time as Membership (memberships only, after both their ends), sanctions as Sanction on each target', async () => {
    const base = sampleEvent();
    const article = base.sources[0]?.article as ExportEvent['sources'][number]['article'];
    const opposition = {
      id: 'opposition',
      name: 'The "Opposition" <in exile>',
      kind: 'group' as const,
      aliases: [],
      description: null,
      country: null,
      sector: null,
      code: null,
      wikidata: null,
    };
    const leader = {
      ...(base.participants[1]?.actor as ExportEvent['participants'][number]['actor']),
      affiliations: [
        {
          role: 'leader_of' as const,
          counterpart: opposition,
          title: 'Leader, in exile',
          from: '2020-08',
          to: null,
          former: false,
          article,
          quote: 'They met, "at last" & <quietly>.',
        },
        { role: 'envoy_to' as const, counterpart: opposition, title: null, from: null, to: null, former: false, article, quote: null },
      ],
    };
    const sanctions = sampleEvent({
      id: 'sanctions-one',
      type: 'sanctions_imposed',
      date: { start: '2024-05-01', end: null, precision: 'month' },
      participants: [
        { role: 'agent', actor: base.participants[0]?.actor as ExportEvent['participants'][number]['actor'] },
        { role: 'target', actor: leader },
      ],
    });
    const entities = (await collect(ftmChunks(from([sanctions]))))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as FtmEntity);
    const byId = new Map(entities.map((e) => [e.id, e]));
    for (const entity of entities) {
      const schema = model.schemata[entity.schema];
      for (const name of schema?.required ?? []) expect(entity.properties[name]?.length).toBeGreaterThan(0);
      for (const [name, values] of Object.entries(entity.properties)) {
        expect(schema?.properties).toContain(name);
        // every reference names an entity written before it, of a schema the property's range allows
        for (const ref of schema?.entities?.[name] ? values : []) {
          expect(schema?.entities?.[name]).toContain(byId.get(ref)?.schema);
          expect(entities.findIndex((e) => e.id === ref)).toBeLessThan(entities.indexOf(entity));
        }
      }
    }
    expect(entities.filter((e) => e.schema === 'Membership')).toEqual([
      {
        id: 'kb-membership-tricky-leader_of-opposition',
        schema: 'Membership',
        properties: {
          member: ['kb-actor-tricky'],
          organization: ['kb-actor-opposition'],
          role: ['Leader, in exile'],
          startDate: ['2020-08'],
          summary: ['They met, "at last" & <quietly>.'],
          sourceUrl: [article.url as string],
        },
      },
    ]);
    expect(byId.get('kb-actor-opposition')?.properties.name).toEqual(['The "Opposition" <in exile>']);
    expect(byId.get('kb-sanction-sanctions-one-tricky')).toMatchObject({
      schema: 'Sanction',
      properties: { entity: ['kb-actor-tricky'], authority: ['Freedonia'], startDate: ['2024-05'], recordId: ['sanctions-one'] },
    });
  });
});
