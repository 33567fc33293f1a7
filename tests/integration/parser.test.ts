import { seedActors } from '../../src/cli/ingest.action';
import { loadConfig } from '../../src/config/settings';
import { extract, extractParsed } from '../../src/ingest/extract';
import type { ParsedText, Token } from '../../src/nlp/parse.schemas';
import { createParser, type Parser } from '../../src/nlp/parser';
import { parserSettingsOf } from '../../src/nlp/shared';

/**
 * The real dependency parser (spaCy's small English model, installed into .nlp/ by the suite's global setup):
 * its dependencies and entities, offsets into JavaScript strings, and a process that comes back after a crash.
 */
let parser: Parser;
const notes: string[] = [];

beforeAll(() => {
  parser = createParser({ ...parserSettingsOf(loadConfig()), mode: 'auto' }, { note: (m) => notes.push(m), progress: () => {} });
});
afterAll(() => parser.close());

const SWAP = 'Iran freed the two sailors, and in return Britain released the tanker.';
const POST = 'The Washington Post reported on 3 March that the ministry imposed new penalties on six firms.';

async function parseOne(text: string): Promise<ParsedText> {
  const docs = await parser.parse([text]);
  if (!docs) throw new Error(`no parse: ${notes.join(' ')}`);
  return docs[0]!;
}

const tokens = (doc: ParsedText) => doc.sentences.flatMap((s) => s.tokens);
const find = (doc: ParsedText, text: string): Token => tokens(doc).find((t) => t.text === text)!;
const dependents = (doc: ParsedText, head: Token, dep: string) => tokens(doc).filter((t) => t.head === head.i && t.dep === dep && t.i !== head.i);

test('two coordinated clauses: each verb with its own subject and object', async () => {
  const doc = await parseOne(SWAP);
  const freed = find(doc, 'freed');
  const released = find(doc, 'released');
  expect(freed).toMatchObject({ lemma: 'free', pos: 'VERB', dep: 'ROOT', head: freed.i });
  expect(dependents(doc, freed, 'nsubj').map((t) => t.text)).toEqual(['Iran']);
  expect(dependents(doc, freed, 'dobj').map((t) => t.text)).toEqual(['sailors']);
  expect(released).toMatchObject({ lemma: 'release', dep: 'conj', head: freed.i });
  expect(dependents(doc, released, 'nsubj').map((t) => t.text)).toEqual(['Britain']);
  expect(doc.entities.filter((e) => e.label === 'GPE').map((e) => e.text)).toEqual(['Iran', 'Britain']);
  expect(doc.nounChunks.map((c) => c.text)).toContain('the two sailors');
});

test("an organisation's name is one entity, and every offset points into the text", async () => {
  const doc = await parseOne(POST);
  const org = doc.entities.find((e) => e.label === 'ORG');
  expect(org?.text).toMatch(/^(The )?Washington Post$/);
  expect(doc.entities.map((e) => e.text)).not.toContain('Post');
  expect(doc.entities.find((e) => e.label === 'DATE')?.text).toBe('3 March');
  for (const span of [...doc.sentences, ...doc.entities, ...doc.nounChunks, ...tokens(doc)]) expect(POST.slice(span.start, span.end)).toBe(span.text);
});

test('several texts in one request, sentences split, offsets in UTF-16 after an emoji', async () => {
  const emoji = '🇧🇾 Belarus freed 123 prisoners. The United States lifted sanctions on potash.';
  const docs = await parser.parse([SWAP, emoji]);
  expect(docs).toHaveLength(2);
  const doc = docs![1]!;
  expect(doc.sentences).toHaveLength(2);
  for (const span of [...doc.sentences, ...doc.entities, ...tokens(doc)]) expect(emoji.slice(span.start, span.end)).toBe(span.text);
  expect(doc.entities.map((e) => e.text)).toEqual(expect.arrayContaining(['Belarus', 'The United States']));
});

test('a parse process killed is started again on the next request, and says nothing', async () => {
  await parseOne(SWAP);
  const first = parser.process()!.pid()!;
  process.kill(first, 'SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(tokens(await parseOne(POST)).length).toBeGreaterThan(10);
  expect(parser.process()!.pid()).not.toBe(first);
  expect(notes).toEqual([]);
});

test('texts asked for at once share one process', async () => {
  await parser.close();
  const answers = await Promise.all([SWAP, POST, SWAP].map((text) => parser.parse([text])));
  expect(answers.map((docs) => docs?.[0]?.sentences.length)).toEqual([1, 1, 1]);
  expect(parser.process()!.pid()).not.toBeNull();
});

test('with the parse, the subject of a trigger the names left without an agent is that group', async () => {
  const input = { text: 'Students rallied outside the British embassy in Tehran on Sunday.', publishedAt: '2025-09-15', title: 't', articleId: 'a' };
  expect(extract(input, seedActors()).events).toEqual([]);
  const [protest, ...others] = (await extractParsed(input, seedActors(), {}, parser)).events;
  expect(others).toEqual([]);
  expect(protest).toMatchObject({ type: 'protest', agents: ['students'], date: { start: '2025-09-14', precision: 'day' } });
});
