import type { ExportEvent } from '../../../src/exports/exports.schemas';

/** Names that break naive writers: separators, quotes, line breaks, markup, non-Latin scripts. */
export const TRICKY_NAME = 'Smith, "Junior" & Sons <Ltd>\nСвятлана Ціханоўская — جامعة الدول العربية';

const article = {
  id: 'article-one',
  title: 'Talks, "again" & <more>',
  publisher: 'Gazette & Co',
  url: 'https://example.org/a?x=1&y=2',
  publishedAt: '2024-03-04',
};

/** A small event with every part an export writes: two agents, two targets, a source, figures, a link. */
export function sampleEvent(overrides: Partial<ExportEvent> = {}): ExportEvent {
  return {
    id: 'talks-one',
    type: 'talks',
    title: 'Freedonia hosts Sylvania, "finally"',
    summary: 'A summary\nover two lines',
    status: 'occurred',
    date: { start: '2024-03-01', end: '2024-03-31', precision: 'month' },
    place: 'Geneva, <CH>',
    figures: { count: 3, unit: 'rounds', approximate: true },
    participants: [
      {
        role: 'host',
        actor: {
          id: 'freedonia',
          name: 'Freedonia',
          kind: 'state',
          aliases: ['FD'],
          description: null,
          country: null,
          sector: null,
          code: null,
          wikidata: null,
          affiliations: [],
        },
      },
      {
        role: 'agent',
        actor: {
          id: 'tricky',
          name: TRICKY_NAME,
          kind: 'person',
          aliases: [],
          description: 'Has, commas',
          country: 'BLR',
          sector: 'OPP',
          code: 'BLROPP',
          wikidata: 'Q42',
          affiliations: [],
        },
      },
      {
        role: 'guest',
        actor: { id: 'sylvania', name: 'Sylvania', kind: 'state', aliases: [], description: null, country: null, sector: null, code: null, wikidata: null },
      },
      {
        role: 'target',
        actor: { id: 'zembla', name: 'Zembla', kind: 'state', aliases: [], description: null, country: null, sector: null, code: null, wikidata: null },
      },
      {
        role: 'source',
        actor: { id: 'herald', name: 'Herald', kind: 'organization', aliases: [], description: null, country: null, sector: null, code: null, wikidata: null },
      },
    ],
    sources: [
      {
        quote: 'They met, "at last" & <quietly>.',
        article: { ...article, reactions: [{ author: 'A', text: 'Good', stance: 'supportive', about: ['talks-one'] }] },
      },
      { quote: 'Second sentence.', article },
    ],
    links: [{ kind: 'follows', to: 'talks-zero' }],
    ...overrides,
  };
}

export async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
