import type { AffiliationEdge, NetworkNode, SharedEventsEdge } from './exports.schemas';

/**
 * GraphML (graphml.graphdrawing.org) of the actor network, as networkx, igraph, Gephi, Cytoscape and yEd read
 * it: one node per actor (label, name, kind, number of exported events); one edge per affiliation (relation
 * `affiliation`, its role, title and dates), directed from the holder of the role; and one edge per pair of
 * actors that took part in the same events (relation `shared_events`, weight = how many, and their types),
 * which holds both ways: it is written once, from the lower id, and marked `symmetric`. The graph is directed
 * throughout, since strict readers (networkx) refuse a directed edge in an undirected graph. Values are element
 * text, never attributes, so line breaks survive; characters XML 1.0 cannot carry are dropped.
 */
const KEYS: Array<[id: string, target: 'node' | 'edge', type: 'string' | 'int' | 'double' | 'boolean']> = [
  ['label', 'node', 'string'],
  ['name', 'node', 'string'],
  ['kind', 'node', 'string'],
  ['events', 'node', 'int'],
  ['label', 'edge', 'string'],
  ['relation', 'edge', 'string'],
  ['weight', 'edge', 'double'],
  ['eventTypes', 'edge', 'string'],
  ['role', 'edge', 'string'],
  ['title', 'edge', 'string'],
  ['from', 'edge', 'string'],
  ['to', 'edge', 'string'],
  ['former', 'edge', 'boolean'],
  ['symmetric', 'edge', 'boolean'],
];

/** Outside XML 1.0's Char production: C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids, matched to be removed
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content and attribute values. CR is written as a reference: parsers would drop a raw one. */
export function xmlEscape(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

const keyId = (target: 'node' | 'edge', id: string) => `${target[0]}_${id}`;

function data(target: 'node' | 'edge', values: Record<string, string | number | boolean | null>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `<data key="${keyId(target, key)}">${xmlEscape(String(value))}</data>`)
    .join('');
}

export function graphmlHeader(): string {
  const keys = KEYS.map(([id, target, type]) => `  <key id="${keyId(target, id)}" for="${target}" attr.name="${id}" attr.type="${type}"/>\n`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    keys +
    '  <graph id="actors" edgedefault="directed">\n'
  );
}

export const graphmlFooter = () => '  </graph>\n</graphml>\n';

export function nodeElement(node: NetworkNode): string {
  return `    <node id="${xmlEscape(node.id)}">${data('node', { label: node.name, name: node.name, kind: node.kind, events: node.events })}</node>\n`;
}

export function sharedEventsElement(edge: SharedEventsEdge): string {
  const label = `${edge.weight} shared event${edge.weight === 1 ? '' : 's'}`;
  const values = { label, relation: 'shared_events', weight: edge.weight, eventTypes: edge.eventTypes.join(' '), symmetric: true };
  return `    <edge id="${xmlEscape(`shared:${edge.source}:${edge.target}`)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">${data('edge', values)}</edge>\n`;
}

export function affiliationElement(edge: AffiliationEdge): string {
  const values = {
    label: edge.title ?? edge.role,
    relation: 'affiliation',
    weight: 1,
    role: edge.role,
    title: edge.title,
    from: edge.from,
    to: edge.to,
    former: edge.former,
  };
  const id = `affiliation:${edge.source}:${edge.role}:${edge.target}`;
  return `    <edge id="${xmlEscape(id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">${data('edge', values)}</edge>\n`;
}

export async function* graphmlChunks(
  nodes: AsyncIterable<NetworkNode>,
  sharedEdges: AsyncIterable<SharedEventsEdge>,
  affiliationEdges: AsyncIterable<AffiliationEdge>,
): AsyncGenerator<string> {
  yield graphmlHeader();
  for await (const node of nodes) yield nodeElement(node);
  for await (const edge of sharedEdges) yield sharedEventsElement(edge);
  for await (const edge of affiliationEdges) yield affiliationElement(edge);
  yield graphmlFooter();
}
