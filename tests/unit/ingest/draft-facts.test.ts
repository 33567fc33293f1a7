import { FactsFile } from '../../../src/domain/model';
import { seedActors } from '../../../src/cli/ingest.action';
import { articleIdFor, draftFacts } from '../../../src/ingest/ingest.service';

const TEXT = [
  'Belarus frees prisoners',
  '',
  'On Saturday, December 13, President Lukashenko pardoned 123 prisoners, his office said.',
  '',
  "Poland's foreign minister Radek Sikorski met Lithuanian President Gitanas Nauseda in Vilnius on Monday, December 15.",
].join('\n');

/** A unit test starts no process: the rules alone, as without a parser. */
const NO_PARSER = { parse: async () => null };

describe('draft facts of an article', () => {
  let facts: Awaited<ReturnType<typeof draftFacts>>['facts'];
  let extraction: Awaited<ReturnType<typeof draftFacts>>['extraction'];
  beforeAll(async () => {
    ({ facts, extraction } = await draftFacts(
      { title: 'Belarus frees prisoners', text: TEXT, publishedAt: '2025-12-15', publisher: 'Gazette', url: 'https://example.org/a' },
      seedActors(),
      NO_PARSER,
    ));
  });

  test('are a valid facts file with the article and its metadata', () => {
    expect(FactsFile.safeParse(facts).success).toBe(true);
    expect(facts.article).toMatchObject({ id: 'belarus-frees-prisoners', publisher: 'Gazette', url: 'https://example.org/a', publishedAt: '2025-12-15' });
  });

  test('resolve names to the known actors, and define only the actors they propose', () => {
    const [pardon] = facts.events;
    expect(pardon?.participants).toContainEqual({ actor: 'alexander-lukashenko', role: 'agent' });
    expect(facts.actors.map((a) => a.id)).not.toContain('alexander-lukashenko');
    expect(facts.actors.map((a) => a.id)).toEqual(expect.arrayContaining(['radek-sikorski', 'gitanas-nauseda']));
  });

  test('resolve relative dates against the publication day and quote the text verbatim', () => {
    expect(facts.events.map((e) => e.date.start)).toEqual(['2025-12-13', '2025-12-15']);
    for (const e of facts.events) for (const s of e.sources) expect(TEXT).toContain(s.quote);
    expect(extraction.events).toHaveLength(facts.events.length);
  });
});

describe('article ids', () => {
  test('are a slug of the title, cut at a word boundary', () => {
    expect(articleIdFor('Talks in Minsk: a “thaw”?')).toBe('talks-in-minsk-a-thaw');
    const long = articleIdFor('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^word(-word)*$/);
  });

  test('fall back to a hash when the title has no latin letters or digits', () => {
    expect(articleIdFor('Переговоры')).toMatch(/^article-[0-9a-f]{12}$/);
  });
});
