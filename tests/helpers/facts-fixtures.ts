import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { FactsFile, type Article } from '../../src/domain/model';
import { SEED_FACTS_DIR } from '../../src/ingest/seed';

/** Facts as a file writes them (before the schema fills in defaults), for tests to alter and write. */
type FactsInput = z.input<typeof FactsFile>;
type ArticleInput = z.input<typeof Article>;
type EventInput = NonNullable<FactsInput['events']>[number];
type ParticipantInput = EventInput['participants'][number];
type SourceInput = EventInput['sources'][number];

/** The seed's facts file, every list present, the article text inline. */
export type SeedFacts = Required<Omit<FactsInput, 'article' | 'events'>> & { article: ArticleInput; events: [EventInput, ...EventInput[]] };

/** The event of smallFacts. */
export interface SmallEvent extends Omit<EventInput, 'participants' | 'sources'> {
  /** Fields the schema does not know, which tests of refusals add. */
  [field: string]: unknown;
  /**
   * Read: the fixture's agent and target (freedonia, sylvania), each there to alter. Written: any list, for
   * a test that replaces them (after which the read type overstates the list: that test knows what it put).
   */
  get participants(): [ParticipantInput, ParticipantInput, ...ParticipantInput[]];
  set participants(list: ParticipantInput[]);
  sources: [SourceInput, ...SourceInput[]];
}

/** The facts of smallFacts: one article, two actors, one event (tests may add more). */
export type SmallFacts = Omit<FactsInput, 'article' | 'actors' | 'events'> & {
  article: ArticleInput;
  actors: NonNullable<FactsInput['actors']>;
  events: [SmallEvent, ...SmallEvent[]];
};

/** Whether `value` is valid input of `schema` (the value itself, not what parsing it gives). */
const isInputOf = <S extends z.ZodType>(schema: S, value: unknown): value is z.input<S> => schema.safeParse(value).success;

/** A fresh temporary folder for facts files written by a test. */
export function tempFactsDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kb-facts-'));
}

/** The seed's facts file as a plain object with the article text inlined, for tests to alter. */
export function seedFactsObject(): SeedFacts {
  const file = path.join(SEED_FACTS_DIR, 'minsk-talks-us-belarus-thaw.yaml');
  const facts: unknown = YAML.parse(fs.readFileSync(file, 'utf8'));
  if (!isInputOf(FactsFile, facts) || !('textFile' in facts.article)) throw new Error(`${file}: not a valid facts file with a textFile`);
  const { actors, events, affiliations, links, reactions } = facts;
  const [first, ...more] = events ?? [];
  if (!first || !actors || !affiliations || !links || !reactions) throw new Error(`${file}: the seed lacks a list the tests alter`);
  const { textFile, ...article } = facts.article;
  return {
    ...facts,
    article: { ...article, text: fs.readFileSync(path.resolve(SEED_FACTS_DIR, textFile), 'utf8') },
    actors,
    events: [first, ...more],
    affiliations,
    links,
    reactions,
  };
}

/** A small, valid facts file about a fictional article; `id` keeps its ids apart from the seed's. */
export function smallFacts(id: string): SmallFacts {
  const text = `Envoys of Freedonia and Sylvania met in Geneva on 3 March 2024. They agreed to exchange ${id} notes.`;
  return {
    article: { id: `article-${id}`, title: `Talks ${id}`, publishedAt: '2024-03-04', text },
    actors: [
      { id: 'freedonia', name: 'Freedonia', kind: 'state' },
      { id: 'sylvania', name: 'Sylvania', kind: 'state' },
    ],
    events: [
      {
        id: `talks-${id}`,
        type: 'talks',
        title: `Freedonia and Sylvania meet (${id})`,
        date: { start: '2024-03-03' },
        place: 'Geneva',
        participants: [
          { actor: 'freedonia', role: 'agent' },
          { actor: 'sylvania', role: 'target' },
        ],
        sources: [{ quote: 'Envoys of Freedonia and Sylvania met in Geneva on 3 March 2024.' }],
      },
    ],
  };
}

export function writeFacts(dir: string, name: string, facts: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, name.endsWith('.json') ? JSON.stringify(facts) : YAML.stringify(facts));
  return file;
}
