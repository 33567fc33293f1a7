import { XMLValidator } from 'fast-xml-parser';
import { graphmlChunks, xmlEscape } from '../../../src/exports/graphml';
import { dataOf, graphmlDocument } from '../../helpers/export-formats';
import { collect, from, TRICKY_NAME } from './sample';

const doc = () =>
  collect(
    graphmlChunks(
      from([
        { id: 'tricky', name: `${TRICKY_NAME}\r\nend`, kind: 'person', events: 2 },
        { id: 'zembla', name: 'Zembla', kind: 'state', events: 1 },
      ]),
      from([{ source: 'tricky', target: 'zembla', weight: 2, eventTypes: ['talks', 'pardon'] }]),
      from([{ source: 'tricky', target: 'zembla', role: 'envoy_to' as const, title: 'Envoy <to> "Zembla" & co', from: '2025-11', to: null, former: false }]),
    ),
  );

test('xmlEscape escapes markup, keeps CR as a reference, and drops what XML 1.0 cannot hold', () => {
  expect(xmlEscape(`a<b>&"c"'d`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d');
  expect(xmlEscape('x\r\ny')).toBe('x&#13;\ny');
  expect(xmlEscape('bell\u0007 and \uD800 lone')).toBe('bell and  lone');
  expect(xmlEscape('кириллица عربي 😀')).toBe('кириллица عربي 😀');
});

test('the GraphML is well-formed and an XML parser reads nodes, shared-event and affiliation edges', async () => {
  const xml = await doc();
  expect(XMLValidator.validate(xml)).toBe(true);
  const graphml = graphmlDocument(xml);
  expect(graphml['@xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
  const keys = Object.fromEntries(graphml.key.map((k) => [k['@id'], k['@attr.name']]));
  const graph = graphml.graph;
  expect(graph['@edgedefault']).toBe('directed');
  const nodes: Array<Record<string, string>> = graph.node!.map((n) => ({ id: n['@id'], ...dataOf(n) }));
  expect(nodes[0]).toMatchObject({ id: 'tricky', n_kind: 'person', n_events: '2' });
  expect(nodes[0]!.n_name).toBe(`${TRICKY_NAME}\r\nend`);
  expect(keys.n_name).toBe('name');
  const [shared, affiliation] = graph.edge!;
  expect(dataOf(shared!)).toMatchObject({ e_relation: 'shared_events', e_weight: '2', e_eventTypes: 'talks pardon', e_symmetric: 'true' });
  expect(affiliation!['@directed']).toBeUndefined();
  expect(dataOf(affiliation!).e_symmetric).toBeUndefined();
  expect(dataOf(affiliation!)).toMatchObject({ e_relation: 'affiliation', e_role: 'envoy_to', e_title: 'Envoy <to> "Zembla" & co', e_from: '2025-11' });
  expect(dataOf(affiliation!).e_to).toBeUndefined();
});
