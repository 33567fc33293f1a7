import { judge } from '../../../../src/drafts/confidence';
import { extract } from '../../../../src/ingest/extract';
import { Discourse, openingPronoun, possessiveAgents } from '../../../../src/ingest/extract/coreference';
import { Lexicon } from '../../../../src/ingest/extract/lexicon';
import { ArticleActors, mainStates } from '../../../../src/ingest/extract/mentions';
import type { ActorRef } from '../../../../src/ingest/extract/types';

/** Actors reached across sentences, read by the rules alone (without the parser), as `kb extract` falls back to. */
const published = '2019-03-08'; // a Friday

function readerFor(text: string) {
  const lexicon = new Lexicon([]);
  return new ArticleActors(lexicon, mainStates(lexicon, text));
}

/** The actors each sentence names, read in order by one reader, as the extractor reads an article. */
function actorsPerSentence(sentences: string[]): string[][] {
  const reader = readerFor(sentences.join(' '));
  return sentences.map((s) =>
    reader
      .mentionsIn(s)
      .filter((m) => !m.location && !m.modifier)
      .map((m) => m.actor.id),
  );
}

const eventsOf = (text: string) => extract({ text, publishedAt: published }, []).events;

describe('references across sentences', () => {
  it('"Its foreign ministry" with no owner in its sentence is the state the sentence before was about, not the article’s main state', () => {
    const [, second] = actorsPerSentence([
      'Kenya recalled its ambassador from Somalia on Tuesday.',
      'Its foreign ministry condemned the auction of Somali oil blocks in Somali waters.',
    ]);
    expect(second?.[0]).toBe('kenya');
  });

  it('"It" opening a sentence is the subject of the sentence before, even when that sentence reported nothing', () => {
    const events = eventsOf('Wellington expelled two Fijian diplomats on Monday.\nSuva hit back within hours.\nIt recalled its ambassador on Thursday.');
    const recall = events.find((e) => e.type === 'ambassador_recalled');
    expect(recall?.agents).toEqual(['fiji']);
    expect(recall?.resolved?.fiji).toMatch(/"It": pronoun opening the sentence/);
  });

  it('"They" stands for everyone who took part in the meeting the sentence before told, people included', () => {
    const events = eventsOf('Peruvian President Ana Quispe met Bolivian President Mario Choque on Thursday.\nThey agreed to meet again in La Paz in March.');
    const intent = events.find((e) => e.type === 'intent');
    expect(intent?.agents).toEqual(expect.arrayContaining(['ana-quispe', 'mario-choque']));
  });

  it('an opening phrase before the pronoun does not hide it, unless the phrase names someone', () => {
    expect(openingPronoun('On Thursday, it pardoned nine migrants.')).toEqual({ index: 13, text: 'it', plural: false });
    expect(openingPronoun('They agreed.')).toEqual({ index: 0, text: 'They', plural: true });
    expect(openingPronoun('its ministry said.')).toBeNull();
    const [, second] = actorsPerSentence(['Algeria welcomed the release.', 'After Morocco acted, it pardoned nine migrants.']);
    expect(second).toEqual(['morocco']);
  });

  it('"Their foreign ministers" are the states of the two leaders the sentence before was about', () => {
    const events = eventsOf(
      'Peruvian President Ana Quispe and Bolivian President Mario Choque met on Thursday.\nTheir foreign ministers signed a water-sharing agreement.',
    );
    const agreement = events.find((e) => e.type === 'agreement');
    expect(agreement?.agents).toEqual(expect.arrayContaining(['peru', 'bolivia']));
  });

  it('a possessive followed by a name introduces that person, who then acts for the owner', () => {
    expect(possessiveAgents('Its information minister, Mohamed Abdi Farah, said so.')).toEqual([
      { index: 0, text: 'Its information minister', plural: false, named: true },
    ]);
    const reader = readerFor('');
    reader.mentionsIn('Somalia rejected the charge.');
    const named = reader.mentionsIn('Its information minister, Mohamed Abdi Farah, said the blocks lay offshore.');
    expect(named.map((m) => m.actor.id)).toEqual(['mohamed-abdi-farah']);
    expect(reader.stateOf(named[0]?.actor as ActorRef)?.id).toBe('somalia');
  });

  it('"the bloc" is the international body named last, "the commission" the body named last with that word', () => {
    const [, bloc] = actorsPerSentence([
      'European Union ministers condemned the arrests of Turkish opposition lawmakers.',
      'The bloc also urged Turkey to free them.',
    ]);
    expect(bloc).toEqual(['european-union', 'turkey']);
    const [, commission] = actorsPerSentence(['The African Union Commission criticised Morocco.', 'The commission also urged Rabat to talk.']);
    expect(commission?.[0]).toBe('african-union-commission');
    // no body named before: nothing is guessed
    expect(actorsPerSentence(['The bloc met.'])[0]).toEqual([]);
  });

  it('"the Treasury" is the state where it acts, else the state the sentence before was about', () => {
    expect(actorsPerSentence(['In London, the Treasury froze the assets of three officials.'])[0]).toEqual(['united-kingdom']);
    const [, treasury] = actorsPerSentence(['Washington had moved sooner.', 'The Treasury imposed sanctions on two gem companies in Myanmar.']);
    expect(treasury?.[0]).toBe('united-states');
  });

  it('"the kingdom" is the kingdom named last, not the state named last', () => {
    const [, , kingdom] = actorsPerSentence(['Morocco freed the fishermen.', 'Algeria welcomed the release.', 'The kingdom rejected the criticism.']);
    expect(kingdom).toEqual(['morocco']);
  });

  it('"the two governments" are the two states the sentence before named, else the two the article is about', () => {
    const [, , , twoGovernments] = actorsPerSentence([
      'Wellington expelled two Fijian diplomats.',
      'Suva recalled its ambassador.',
      'Kathmandu freed twelve fishermen, and New Delhi released nine traders.',
      'The two governments agreed to hold talks.',
    ]);
    expect(twoGovernments).toEqual(['nepal', 'india']);
    const [, , later] = actorsPerSentence(['Wellington expelled two Fijian diplomats.', 'Suva recalled its ambassador.', 'Both sides agreed to talk.']);
    expect(later).toEqual(['new-zealand', 'fiji']);
  });

  it('"The king" after "Its king, Hassan Alaoui," is that king', () => {
    const [, , king] = actorsPerSentence([
      'Morocco rejected the criticism.',
      'Its king, Hassan Alaoui, spoke on Sunday.',
      'The king later received the ambassador.',
    ]);
    expect(king).toEqual(['hassan-alaoui']);
  });

  it('seats of government stand for their states', () => {
    expect(actorsPerSentence(['The Kremlin expelled two diplomats, and the White House backed the Elysee.'])[0]).toEqual(['russia', 'united-states', 'france']);
  });
});

describe('how an event’s actors were reached', () => {
  it('records the reference of an actor its sentence does not name, and none for actors named outright', () => {
    const [recall, expel] = eventsOf('Sweden recalled its ambassador from Moscow on Monday.\nIt also expelled two Russian diplomats on Tuesday.');
    expect(recall?.resolved).toEqual({});
    expect(Object.keys(expel?.resolved ?? {})).toEqual(['sweden']);
  });

  it('shows the reference to the reviewer in place of how the article first named the actor', () => {
    const extraction = extract(
      { text: 'Sweden recalled its ambassador from Moscow on Monday.\nIt also expelled two Russian diplomats on Tuesday.', publishedAt: published },
      [],
    );
    const expel = extraction.events.find((e) => e.type === 'diplomats_expelled');
    if (!expel) throw new Error('no expulsion drafted');
    const { reasons } = judge(expel, extraction.resolutions, () => false, null);
    expect(reasons.actors.find((a) => a.id === 'sweden')?.how).toMatch(/"It": pronoun opening the sentence/);
    expect(extraction.resolutions.sweden).toMatch(/gazetteer name "Sweden"/);
  });
});

describe('Discourse', () => {
  const state = (id: string): ActorRef => ({ id, name: id, kind: 'state', known: false });
  const person = (id: string): ActorRef => ({ id, name: id, kind: 'person', known: false });

  it('"It" needs one state or body; "They" two or more of any kind', () => {
    const discourse = new Discourse();
    discourse.noteSubject([person('ana-quispe')]);
    expect(discourse.single()).toBeNull();
    discourse.noteSubject([state('fiji')]);
    expect(discourse.single()?.id).toBe('fiji');
    expect(discourse.plural()).toEqual([]);
    discourse.noteSubject([]);
    expect(discourse.single()?.id).toBe('fiji'); // a sentence naming no one leaves the reference as it was
    discourse.noteEvent([person('a'), person('b')], []);
    expect(discourse.plural().map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('people stand for the states they act for in "Their …"', () => {
    const discourse = new Discourse();
    discourse.noteEvent([person('a'), person('b')], []);
    const states: Record<string, ActorRef> = { a: state('peru'), b: state('bolivia') };
    expect(discourse.pluralStates((p) => states[p.id]).map((s) => s.id)).toEqual(['peru', 'bolivia']);
    expect(discourse.singleState((p) => states[p.id])).toBeNull();
  });
});
