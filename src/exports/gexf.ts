import type { ExportEvent } from './exports.schemas';
import { agentSide, targetSide } from './records';
import { daySpan } from './spans';
import { xmlAttribute } from './xml';

/**
 * GEXF 1.3 (gexf.net), a dynamic graph Gephi plays on its timeline: one node per actor, alive from the first
 * to the last day of its exported events; one directed edge per event and agent–target pair, alive over the
 * days the event may cover (an event known to the month spans the month: precision is kept, not invented).
 * The nodes come before the edges, so the events are read twice: once for the actors' spans, once for edges.
 */
const NODE_ATTRIBUTES = [
  ['kind', 'string'],
  ['code', 'string'],
  ['country', 'string'],
  ['wikidata', 'string'],
] as const;
const EDGE_ATTRIBUTES = [
  ['event', 'string'],
  ['type', 'string'],
  ['title', 'string'],
] as const;

interface NodeSpan {
  name: string;
  values: Record<string, string | null>;
  first: string;
  last: string;
}

function attributes(kind: 'node' | 'edge', list: ReadonlyArray<readonly [string, string]>): string {
  const lines = list.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`);
  return `    <attributes class="${kind}" mode="static">\n${lines.join('\n')}\n    </attributes>\n`;
}

function attvalues(values: Record<string, string | null>): string {
  const present = Object.entries(values).filter(([, value]) => value !== null && value !== '');
  if (present.length === 0) return '';
  return `<attvalues>${present.map(([key, value]) => `<attvalue for="${key}" value="${xmlAttribute(String(value))}"/>`).join('')}</attvalues>`;
}

/** Every actor of the events with the days it is seen. */
async function nodeSpans(events: AsyncIterable<ExportEvent>): Promise<Map<string, NodeSpan>> {
  const nodes = new Map<string, NodeSpan>();
  for await (const event of events) {
    const { first, last } = daySpan(event);
    for (const { actor } of event.participants) {
      const known = nodes.get(actor.id);
      if (known) {
        if (first < known.first) known.first = first;
        if (last > known.last) known.last = last;
      } else {
        const values = { kind: actor.kind, code: actor.code, country: actor.country, wikidata: actor.wikidata };
        nodes.set(actor.id, { name: actor.name, values, first, last });
      }
    }
  }
  return nodes;
}

export async function* gexfChunks(readEvents: () => AsyncIterable<ExportEvent>): AsyncGenerator<string> {
  const nodes = await nodeSpans(readEvents());
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
    '  xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    '  <meta><creator>Diplomatic events knowledge base</creator><description>Actors and the events between them, over time</description></meta>\n' +
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">\n' +
    attributes('node', NODE_ATTRIBUTES) +
    attributes('edge', EDGE_ATTRIBUTES) +
    '    <nodes>\n';
  for (const [id, node] of nodes) {
    yield `      <node id="${xmlAttribute(id)}" label="${xmlAttribute(node.name)}" start="${node.first}" end="${node.last}">${attvalues(node.values)}</node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for await (const event of readEvents()) {
    const { first, last } = daySpan(event);
    const values = attvalues({ event: event.id, type: event.type, title: event.title });
    for (const agent of agentSide(event)) {
      for (const target of targetSide(event)) {
        if (agent.actor.id === target.actor.id) continue;
        const id = `${event.id}:${agent.actor.id}:${target.actor.id}`;
        yield `      <edge id="${xmlAttribute(id)}" source="${xmlAttribute(agent.actor.id)}" target="${xmlAttribute(target.actor.id)}" label="${xmlAttribute(event.type)}" start="${first}" end="${last}">${values}</edge>\n`;
      }
    }
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
