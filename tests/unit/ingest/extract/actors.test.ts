import type { Actor } from '../../../../src/domain/model';
import { Lexicon } from '../../../../src/ingest/extract/lexicon';
import { ArticleActors, mainStates } from '../../../../src/ingest/extract/mentions';

const known: Actor[] = [
  { id: 'united-states', name: 'United States', kind: 'state', aliases: ['US', 'Washington'] },
  { id: 'belarus', name: 'Belarus', kind: 'state', aliases: ['Minsk'] },
  { id: 'alexander-lukashenko', name: 'Alexander Lukashenko', kind: 'person', aliases: ['the Belarusian leader'] },
  { id: 'john-coale', name: 'John Coale', kind: 'person', aliases: [] },
];

function readerFor(text: string, actors: Actor[] = known) {
  const lexicon = new Lexicon(actors);
  return new ArticleActors(lexicon, mainStates(lexicon, text));
}

const ids = (reader: ArticleActors, sentence: string) =>
  reader
    .mentionsIn(sentence)
    .filter((m) => !m.location && !m.modifier)
    .map((m) => m.actor.id);

describe('actor mentions', () => {
  it('resolves names and aliases of known actors, and their surnames', () => {
    const reader = readerFor('');
    expect(ids(reader, 'Washington urged the Belarusian leader to meet Coale.')).toEqual(['united-states', 'alexander-lukashenko', 'john-coale']);
  });

  it('takes a known group of one state for its unqualified alias only in an article that names that state', () => {
    const prisoners: Actor = { id: 'belarusian-political-prisoners', name: 'Belarusian political prisoners', kind: 'group', aliases: ['political prisoners'] };
    const cuba = readerFor('Cuba freed political prisoners.', [...known, prisoners]);
    expect(ids(cuba, 'Havana freed 53 political prisoners on Friday.')).not.toContain('belarusian-political-prisoners');
    const belarus = readerFor('Belarus freed political prisoners.', [...known, prisoners]);
    belarus.mentionsIn('Belarus pardoned them.');
    expect(ids(belarus, 'Minsk freed 53 political prisoners on Friday.')).toContain('belarusian-political-prisoners');
  });

  it('resolves a capital used for its government, but keeps "in <capital>" as a place', () => {
    const reader = readerFor('');
    const mentions = reader.mentionsIn('Minsk freed them after talks in Minsk.');
    expect(mentions.map((m) => [m.actor.id, m.location])).toEqual([
      ['belarus', false],
      ['belarus', true],
    ]);
  });

  it('maps demonyms of any country to the state through the gazetteer', () => {
    const reader = readerFor('', []);
    expect(ids(reader, 'Kenyan police detained them while Peruvian officials watched.')).toEqual(['kenya', 'peru']);
  });

  it("treats a nationality before a name as that person's nationality, not a participant", () => {
    const reader = readerFor('', []);
    expect(ids(reader, 'Swedish Foreign Minister Karin Lindqvist met her counterpart.')).toEqual(['karin-lindqvist']);
  });

  it('proposes new actors with a guessed kind and a slug id', () => {
    const reader = readerFor('', []);
    const found = reader.mentionsIn('According to the rights group Foro Libertad, four Armenian soldiers and opposition leader Samuel Otieno were held.');
    expect(found.map((m) => [m.actor.id, m.actor.kind, m.actor.known])).toEqual([
      ['foro-libertad', 'organization', false],
      ['armenian-soldiers', 'group', false],
      ['samuel-otieno', 'person', false],
    ]);
  });

  it('follows a person from full name to surname and pronoun', () => {
    const reader = readerFor('', []);
    reader.mentionsIn('US Secretary of State Helen Carver thanked Qatar.');
    expect(ids(reader, 'Carver urged Caracas to act.')).toEqual(['helen-carver', 'venezuela']);
    expect(ids(reader, 'She left.')).toEqual(['helen-carver']);
  });

  it('reads "the government" as the state the article is mostly about', () => {
    const reader = readerFor('Georgia held talks. Georgia and Georgian police.', []);
    expect(ids(reader, 'They urged the government to respect the law.')).toEqual(['georgia']);
  });
});

describe('role phrases, possessives and places of government words', () => {
  it('"the minister" refers back to the person last named with that role word, and to no one without one', () => {
    const reader = readerFor('', []);
    reader.mentionsIn('Belarusian Foreign Minister Viktor Salei met his Lithuanian counterpart, Rasa Kairiene.');
    expect(ids(reader, 'The minister also condemned the detention.')).toEqual(['viktor-salei']);
    expect(ids(reader, 'The envoy criticised both governments.')).not.toContain('viktor-salei');
  });

  it('"its foreign ministry" acts for the state named first in the sentence', () => {
    const reader = readerFor('', []);
    expect(ids(reader, 'China lodged a protest with Japan, and its foreign ministry accused Tokyo of meddling.')).toEqual(['china', 'japan', 'china', 'japan']);
  });

  it('"police" with no place after them act for the state of the place named before them', () => {
    const reader = readerFor('Japan Japan Japan.', []);
    expect(ids(reader, 'Troops fired on protesters in Khartoum, and police arrested the opposition leader.')).toContain('sudan');
  });

  it('keeps a name whole across its particles ("al-Kadhimi", "el-Sisi") and takes "national security adviser" for no group', () => {
    const text = 'Mustafa al-Kadhimi met Abdel Fattah el-Sisi and Musaed al-Aiban, the Saudi national security adviser.';
    expect(ids(readerFor(text), text)).toEqual(['mustafa-al-kadhimi', 'abdel-fattah-el-sisi', 'musaed-al-aiban', 'saudi-arabia']);
  });

  it('reads the states that are no more and old names, and a seat of government as the state it stood for then', () => {
    const text = 'Moscow and Bonn met Zaire, Ceylon and Peking.';
    const lexicon1976 = new Lexicon([], '1976-02-01');
    expect(lexicon1976.find(text).map((m) => m.actor.id)).toEqual(['soviet-union', 'west-germany', 'democratic-republic-of-the-congo', 'sri-lanka', 'china']);
    expect(new Lexicon([], '2020-02-01').find('Moscow and Belgrade').map((m) => m.actor.id)).toEqual(['russia', 'serbia']);
    expect(new Lexicon([], '1985-02-01').find('Belgrade and Hanoi').map((m) => m.actor.id)).toEqual(['yugoslavia', 'vietnam']);
  });
});
