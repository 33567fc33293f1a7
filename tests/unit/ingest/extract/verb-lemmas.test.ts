import { findDates } from '../../../../src/ingest/extract/dates';
import { extract } from '../../../../src/ingest/extract';
import { ParsedClauses } from '../../../../src/ingest/extract/parsed-clauses';
import type { Token } from '../../../../src/nlp/parse.schemas';

/** Tokens as the parser gives them (text, lemma, pos, dep, head), offsets into the sentence they make. */
function parse(words: Array<[text: string, lemma: string, pos: string, dep: string, head: number]>): ParsedClauses {
  let start = 0;
  const tokens: Token[] = words.map(([text, lemma, pos, dep, head], i) => {
    const token = { i, text, start, end: start + text.length, lemma, pos, tag: '', dep, head, morph: '' };
    start += text.length + 1;
    return token;
  });
  return new ParsedClauses(tokens, tokens.map((t) => t.text).join(' '));
}

const typesOf = (parsed: ParsedClauses) => parsed.verbTriggers().map((v) => [v.verb.text, v.type]);

describe('acts told by a verb lemma, in any tense', () => {
  it('a timeline\'s "meet … and agree on" is talks and an agreement', () => {
    const parsed = parse([
      ['ministers', 'minister', 'NOUN', 'nsubj', 1],
      ['meet', 'meet', 'VERB', 'ROOT', 1],
      ['in', 'in', 'ADP', 'prep', 1],
      ['Lima', 'Lima', 'PROPN', 'pobj', 2],
      ['and', 'and', 'CCONJ', 'cc', 1],
      ['agree', 'agree', 'VERB', 'conj', 1],
      ['on', 'on', 'ADP', 'prep', 5],
      ['a', 'a', 'DET', 'det', 8],
      ['zone', 'zone', 'NOUN', 'pobj', 6],
    ]);
    expect(typesOf(parsed)).toEqual([
      ['meet', 'talks'],
      ['agree', 'agreement'],
    ]);
  });

  it('"meet a deadline" is no meeting', () => {
    const parsed = parse([
      ['they', 'they', 'PRON', 'nsubj', 1],
      ['meet', 'meet', 'VERB', 'ROOT', 1],
      ['the', 'the', 'DET', 'det', 3],
      ['deadline', 'deadline', 'NOUN', 'dobj', 1],
    ]);
    expect(typesOf(parsed)).toEqual([]);
  });

  it('people seized are a detention, boats seized alone are not', () => {
    const crews = parse([
      ['navy', 'navy', 'NOUN', 'nsubj', 1],
      ['seized', 'seize', 'VERB', 'ROOT', 1],
      ['trawlers', 'trawler', 'NOUN', 'dobj', 1],
      ['and', 'and', 'CCONJ', 'cc', 2],
      ['crewmen', 'crewman', 'NOUN', 'conj', 2],
    ]);
    expect(typesOf(crews)).toEqual([['seized', 'detention']]);
    const boats = parse([
      ['guard', 'guard', 'NOUN', 'nsubj', 1],
      ['seized', 'seize', 'VERB', 'ROOT', 1],
      ['their', 'their', 'PRON', 'poss', 3],
      ['boats', 'boat', 'NOUN', 'dobj', 1],
    ]);
    expect(typesOf(boats)).toEqual([]);
  });

  it('money given is aid provided; "gave Havana relief" is not', () => {
    const money = parse([
      ['Japan', 'Japan', 'PROPN', 'nsubj', 1],
      ['gave', 'give', 'VERB', 'ROOT', 1],
      ['Mozambique', 'Mozambique', 'PROPN', 'dative', 1],
      ['12', '12', 'NUM', 'compound', 4],
      ['million', 'million', 'NUM', 'nummod', 5],
      ['dollars', 'dollar', 'NOUN', 'dobj', 1],
    ]);
    expect(typesOf(money)).toEqual([['gave', 'aid_provided']]);
    const relief = parse([
      ['it', 'it', 'PRON', 'nsubj', 1],
      ['gave', 'give', 'VERB', 'ROOT', 1],
      ['Havana', 'Havana', 'PROPN', 'dative', 1],
      ['relief', 'relief', 'NOUN', 'dobj', 1],
    ]);
    expect(typesOf(relief)).toEqual([]);
  });

  it('"brushed the complaint aside" is a rejection, "picketed the ministry" a protest', () => {
    const aside = parse([
      ['Shankar', 'Shankar', 'PROPN', 'nsubj', 1],
      ['brushed', 'brush', 'VERB', 'ROOT', 1],
      ['the', 'the', 'DET', 'det', 3],
      ['complaint', 'complaint', 'NOUN', 'dobj', 1],
      ['aside', 'aside', 'ADV', 'advmod', 1],
    ]);
    expect(typesOf(aside)).toEqual([['brushed', 'rejection']]);
    const picket = parse([
      ['members', 'member', 'NOUN', 'nsubj', 1],
      ['picketed', 'picket', 'VERB', 'ROOT', 1],
      ['the', 'the', 'DET', 'det', 3],
      ['ministry', 'ministry', 'NOUN', 'dobj', 1],
    ]);
    expect(typesOf(picket)).toEqual([['picketed', 'protest']]);
  });
});

describe('dates counted back or kept from the day told before', () => {
  it('"three weeks after" and "three months after" count back from the day before them', () => {
    const weeks = findDates('The two restored ties on Tuesday, three weeks after Santo Domingo expelled the consul.', '1999-03-21');
    expect(weeks.map((m) => m.date)).toEqual([
      { start: '1999-03-16', end: null, precision: 'day' },
      { start: '1999-02-23', end: null, precision: 'day' },
    ]);
    const months = findDates('Bahrain freed the men on Sunday, three months after its coast guard seized them.', '2017-11-22');
    expect(months.map((m) => m.date.precision)).toEqual(['day', 'month']);
    expect(months[1]?.date.start).toBe('2017-08-01');
  });

  it('"that day" is the day told just before', () => {
    expect(findDates('The Dutch welcomed the truce that day.', '1988-11-12', '1988-11-04').map((m) => m.date.start)).toEqual(['1988-11-04']);
  });
});

describe("one side's release in exchange for people", () => {
  const typesAndAgents = (text: string) =>
    extract({ text, publishedAt: '1980-11-01', title: 'Timeline', articleId: 'swap' }, []).events.map((e) => [e.type, [...e.agents].sort()]);

  it('"frees 200 Salvadoran prisoners in exchange for 60 Honduran soldiers" is both releases and the exchange', () => {
    expect(typesAndAgents('22 August 1969 — Honduras frees 200 Salvadoran prisoners of war in exchange for 60 Honduran soldiers.')).toEqual(
      expect.arrayContaining([
        ['prisoner_release', ['honduras']],
        ['prisoner_release', ['el-salvador']],
        ['prisoner_exchange', ['el-salvador', 'honduras']],
      ]),
    );
  });

  it('"in return for maps of minefields" is no exchange', () => {
    const found = typesAndAgents('Azerbaijan freed fifteen Armenian soldiers on Saturday in return for maps of minefields.');
    expect(found.map(([type]) => type)).toEqual(['prisoner_release']);
  });
});
