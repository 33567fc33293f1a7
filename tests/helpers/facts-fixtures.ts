import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { SEED_FACTS_DIR } from '../../src/ingest/seed';

/** A fresh temporary folder for facts files written by a test. */
export function tempFactsDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kb-facts-'));
}

/** The seed's facts file as a plain object with the article text inlined, for tests to alter. */
export function seedFactsObject(): any {
  const file = path.join(SEED_FACTS_DIR, 'minsk-talks-us-belarus-thaw.yaml');
  const facts = YAML.parse(fs.readFileSync(file, 'utf8'));
  const { textFile, ...article } = facts.article;
  return { ...facts, article: { ...article, text: fs.readFileSync(path.resolve(SEED_FACTS_DIR, textFile), 'utf8') } };
}

/** A small, valid facts file about a fictional article; `id` keeps its ids apart from the seed's. */
export function smallFacts(id: string): any {
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
