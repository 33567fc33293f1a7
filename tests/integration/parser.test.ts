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

describe('clause-level extraction on the parse', () => {
  const extractOne = async (text: string, publishedAt: string) =>
    (await extractParsed({ text, publishedAt, title: 't', articleId: 'a' }, seedActors(), {}, parser)).events;

  test('each coordinated clause is an event with its own subject as agent', async () => {
    const releases = (await extractOne(SWAP, '2025-03-10')).filter((e) => e.type === 'prisoner_release');
    expect(releases.map((e) => e.agents)).toEqual([['iran'], ['united-kingdom']]);
  });

  test("reported speech: the content clause's event, dated by its own phrase, the speech verb's date not taken", async () => {
    const text = 'Foreign Minister Ana Torres said on Wednesday that Bolivia had expelled two Chilean diplomats on 2 April.';
    const [expelled, ...others] = await extractOne(text, '2025-04-18');
    expect(others).toEqual([]);
    expect(expelled).toMatchObject({ type: 'diplomats_expelled', agents: ['bolivia'], date: { start: '2025-04-02', precision: 'day' } });
    expect(expelled).toMatchObject({ reported: true, background: true, dateSource: 'its own phrase' });
  });

  test('a deal told by a dated participle, and a relative clause, keep their own dates and are background', async () => {
    const text = 'Ghana and Togo last settled the boundary in a treaty signed in Lomé on 4 May 1994, which Togo ratified in 1995.';
    const events = await extractOne(text, '2025-10-09');
    expect(events.map((e) => [e.type, e.agents, e.date?.start, e.background])).toEqual([
      ['agreement', ['ghana', 'togo'], '1994-05-04', true],
      ['treaty_ratified', ['togo'], '1995-01-01', true],
    ]);
  });

  test('verbs the trigger words lack are read by their lemma, a plan in reported speech is an intent', async () => {
    const text =
      'Colombia said on Thursday that it would reopen two border crossings with Venezuela, a move Caracas welcomed within hours. Venezuela blamed Colombian paramilitary groups for an attack on a border post in July.';
    const events = await extractOne(text, '2023-08-11');
    expect(events.map((e) => [e.type, e.agents, e.date?.start])).toEqual([
      ['intent', ['colombia'], '2023-08-10'],
      ['endorsement', ['venezuela'], '2023-08-10'],
      ['criticism', ['venezuela'], '2023-08-10'],
    ]);
    expect(events[2]?.dateSource).toBe("the article's lead event");
  });

  test('a deal told in the passive with no maker named is made by the sides its "between" phrase names', async () => {
    const text = 'A fisheries agreement between Malaysia and Indonesia was signed in Kuala Lumpur on Thursday.';
    const events = await extractOne(text, '2002-07-20');
    expect(events.map((e) => [e.type, e.agents, e.date?.start])).toEqual([['agreement', ['malaysia', 'indonesia'], '2002-07-18']]);
    expect(events[0]?.evidence.agent).toBe('inferred');
  });

  test('a plan told before its speech verb is dated by that verb', async () => {
    const text = 'New Zealand plans to reopen its high commission in Suva, its foreign ministry said on Thursday.';
    const events = await extractOne(text, '2011-05-14');
    expect(events.map((e) => [e.type, e.agents, e.date?.start])).toEqual([['intent', ['new-zealand'], '2011-05-12']]);
  });

  test('two sides releasing "in return" is also one exchange by both', async () => {
    const exchanges = (await extractOne(SWAP, '2025-03-10')).filter((e) => e.type === 'prisoner_exchange');
    expect(exchanges.map((e) => [...e.agents].sort())).toEqual([['iran', 'united-kingdom']]);
  });

  test('a noun takes a by-phrase only when no other verb stands between them', async () => {
    const text = "Bahrain freed 23 Qatari fishermen on Sunday.\nThe release followed an appeal to Manama by Kuwait's emir in October.";
    const releases = (await extractOne(text, '2017-11-22')).filter((e) => e.type === 'prisoner_release');
    expect(releases.map((e) => e.agents)).toEqual([['bahrain']]);
    const talks = await extractOne('Negotiations resumed in Kampala on Sunday between delegations from Uganda and South Sudan.', '2012-03-17');
    expect(talks.map((e) => [e.type, e.date?.start])).toEqual([['talks', '2012-03-11']]);
    expect(talks[0]?.agents).toContain('south-sudan');
  });

  test('attacking a decision is criticism; aid promised in what was said is a pledge', async () => {
    const attacked = await extractOne("Chile attacked Peru's decision to route the pipeline near the border on Wednesday.", '2014-06-13');
    expect(attacked.map((e) => [e.type, e.agents])).toEqual([['criticism', ['chile']]]);
    const pledged = await extractOne('Norway said on Wednesday that it would double its contribution to the refugee agency.', '2017-10-06');
    expect(pledged.map((e) => [e.type, e.agents])).toEqual([['aid_pledged', ['norway']]]);
  });

  test("an act dated only by the earlier event it followed takes that event's month or year, as background", async () => {
    const severed = await extractOne('Georgia cut diplomatic ties with Russia after the war of August 2008.', '2024-06-12');
    expect(severed.map((e) => [e.type, e.date?.start, e.date?.precision, e.background])).toEqual([['relations_severed', '2008-08-01', 'month', true]]);
    // its own date wins; a statement is dated by when it was made; a recent event names no background
    const expelled = await extractOne('Mali expelled the French ambassador on Monday after the coup of 2021.', '2024-06-12');
    expect(expelled.map((e) => e.date?.start)).toEqual(['2024-06-10']);
    const said = await extractOne('The ministry of Azerbaijan said after the war of 2008 that it would not reopen the embassy.', '2024-06-12');
    expect(said.every((e) => e.date?.start !== '2008-01-01')).toBe(true);
    const recent = await extractOne('Georgia cut diplomatic ties with Russia after the clashes of May 2024.', '2024-06-12');
    expect(recent.map((e) => e.date?.start)).not.toContain('2024-05-01');
  });

  test('a "when" clause dates the verb it is attached to, as its own event', async () => {
    const text =
      'On Thursday Britain and Argentina announced that they were restoring full diplomatic relations, broken off when Argentine soldiers seized the town of Stanley in April 1982.';
    const events = await extractOne(text, '1990-02-16');
    expect(events.map((e) => [e.type, e.date?.start])).toEqual([
      ['relations_restored', '1990-02-15'],
      ['relations_severed', '1982-04-01'],
      ['armed_attack', '1982-04-01'],
    ]);
  });

  test('an organisation named after a place is kept whole: no state and no fragment from its name', async () => {
    const input = {
      text: 'Police detained two journalists in Kenya on Monday, the Washington Post reported.',
      publishedAt: '2025-06-20',
      title: 't',
      articleId: 'a',
    };
    const parsed = await extractParsed(input, seedActors(), {}, parser);
    const ruled = extract(input, seedActors());
    expect(ruled.events.flatMap((e) => e.sources)).toContain('post');
    const actors = parsed.events.flatMap((e) => [...e.agents, ...e.targets, ...e.sources]);
    expect(actors).not.toContain('post');
    expect(actors).toContain('washington-post');
  });

  test('a group the parse gives as subject of a later clause acts there, and a name misparsed as a conjunct is a subject', async () => {
    const welcomed = await extractOne(
      'South Korea and Japan welcomed the agreement, but several Republican senators denounced it as appeasement.',
      '1994-10-21',
    );
    expect(welcomed.map((e) => [e.type, e.agents])).toEqual([
      ['endorsement', ['south-korea', 'japan']],
      ['criticism', ['republican-senators']],
    ]);
    const pressed = await extractOne(
      'In June North Korea withdrew from the International Atomic Energy Agency and Washington pressed for United Nations sanctions.',
      '1994-10-21',
    );
    expect(pressed.find((e) => e.type === 'appeal')?.agents).toEqual(['united-states']);
  });

  test('an act with a subject of its own after a plan ("…, and in June the rebels declared …") is no part of the plan', async () => {
    const text =
      'Colombia and the FARC suspended their talks on Thursday. In May the two sides agreed on a plan to remove landmines, and in June the rebels declared a unilateral ceasefire.';
    const events = await extractOne(text, '2015-07-27');
    expect(events.find((e) => e.type === 'ceasefire')).toMatchObject({ agents: ['farc'], date: { start: '2015-06-01' } });
    expect((await extractOne('Russia threatened that it would expel the envoys.', '2015-07-27')).map((e) => e.type)).toEqual(['threat']);
  });

  test("a deal signed beside a plan is no part of it, and what was done where a dated journey went shares the journey's date", async () => {
    const text =
      'President Rodrigo Duterte changed course. In October he flew to Beijing, where he and Xi Jinping agreed to resume talks and signed 13 agreements. "We are friends," he told a business forum.';
    const events = await extractOne(text, '2016-11-20');
    const october = { start: '2016-10-01', precision: 'month' };
    expect(events.find((e) => e.type === 'agreement')).toMatchObject({ agents: ['rodrigo-duterte', 'xi-jinping'], date: october });
    expect(events.find((e) => e.type === 'intent')).toMatchObject({ date: october });
    // "he" is the person the sentence before was about, not the one it named last
    expect(events.find((e) => e.type === 'statement')).toMatchObject({ agents: ['rodrigo-duterte'] });
  });

  test('a deal\'s terms agreed ("agreeing a new tariff"), by both names under a plural title', async () => {
    const text = 'Presidents Lula and Peña on Monday ended months of wrangling over the dam, agreeing a new tariff.';
    const events = await extractOne(text, '2023-03-14');
    expect(events.map((e) => [e.type, e.agents, e.date?.start])).toEqual([['agreement', ['lula', 'pena'], '2023-03-13']]);
  });

  test('takes the subject of the next act, after ", and", for no object of this one', async () => {
    const events = await extractOne('The United States welcomed the accord on Monday, and the African Union praised Turkey.', '2025-06-14');
    expect(events.map((e) => [e.type, e.agents, e.targets])).toEqual([
      ['endorsement', ['united-states'], []],
      ['endorsement', ['african-union'], ['turkey']],
    ]);
  });

  test('a weekday after a plan told with "would" is the plan\'s, not a day of the past', async () => {
    const events = await extractOne("Ukraine's President Volodymyr Zelensky said he would travel to Washington on Monday.", '2025-08-16');
    expect(events.map((e) => [e.type, e.date?.start])).toEqual([['intent', '2025-08-16']]);
  });

  test('a deal told by the relative clause of its signing ("the memorandum she signed with Saied")', async () => {
    const text = 'Ursula von der Leyen flew to Tunis. The memorandum of understanding she signed with President Kais Saied covers migration.';
    const deal = (await extractOne(text, '2023-10-21')).find((e) => e.type === 'agreement');
    expect(deal).toMatchObject({ agents: ['ursula-von-der-leyen'], targets: ['kais-saied'] });
  });

  test('a result told by a participle ("…, prompting Berlin to expel …") happened', async () => {
    const events = await extractOne('Iran executed a German-Iranian dissident on Monday, prompting Berlin to expel two Iranian diplomats.', '2024-10-22');
    expect(events.find((e) => e.type === 'diplomats_expelled')).toMatchObject({ agents: ['germany'], date: { start: '2024-10-21' } });
  });

  test('a rally held or protests staged are protests by those who held them', async () => {
    const events = await extractOne('Activists held a rally in Seoul on Thursday.', '2023-03-17');
    expect(events.map((e) => [e.type, e.agents, e.date?.start])).toEqual([['protest', ['activists'], '2023-03-16']]);
  });

  test('two journeys of one month to two other states are two meetings', async () => {
    const text = 'President Rodrigo Duterte changed course. In October he flew to Beijing. Later that month Duterte visited Tokyo.';
    const talks = (await extractOne(text, '2016-11-20')).filter((e) => e.type === 'talks');
    expect(talks.map((e) => e.targets)).toEqual([['china'], ['japan']]);
  });

  test('donors the parse gives as subject pledge as a group', async () => {
    const events = await extractOne('Donors meeting in Rome pledged $400 million for the reconstruction on Tuesday.', '1992-12-18');
    expect(events.map((e) => [e.type, e.agents])).toEqual([['aid_pledged', ['donors']]]);
  });

  test('a small group of protesters who gathered outside a palace protested', async () => {
    const events = await extractOne('A small group of protesters gathered outside the palace in Ulaanbaatar on Tuesday.', '2025-07-10');
    expect(events.map((e) => [e.type, e.agents])).toEqual([['protest', ['protesters']]]);
  });
});
