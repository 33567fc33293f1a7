import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { firstDay, lastDay, precisionOf, PRECISIONS } from '../src/domain/calendar';
import { GAZETTEER, slugify } from '../src/ingest/extract/gazetteer';
import { Actor, EventType, FactsFile, type Role } from '../src/domain/model';
import type { GoldEvent } from '../src/ingest/extract/score';

/**
 * The sets the evaluation reports apart: the seed article, the articles the rules are written on (`tuning`), and
 * three held-out sets no rule is tuned on (`heldout2` was written in other writers' styles before the parser-based
 * extractor's rules; `heldout3` likewise, before the extractor was first run on it).
 */
export const SPLITS = ['seed', 'tuning', 'heldout', 'heldout2', 'heldout3'] as const;
export type Split = (typeof SPLITS)[number];
export const HELD_OUT: readonly Split[] = ['heldout', 'heldout2', 'heldout3'];
/** The held-out sets the confidence's calibration map is fitted on; `heldout3` stays out, so its reliability is out of sample. */
export const CALIBRATION_SETS: readonly Split[] = ['heldout', 'heldout2'];

/** One article of the evaluation: its text, publication date, the actors already known, and the gold events. */
export interface EvalCase {
  name: string;
  split: Split;
  text: string;
  publishedAt: string;
  title: string;
  knownActors: Actor[];
  gold: GoldEvent[];
}

const GoldFile = z.strictObject({
  title: z.string(),
  publishedAt: z.string(),
  split: z.enum(SPLITS).exclude(['seed']),
  knownActors: z.array(Actor).default([]),
  events: z.array(
    z.strictObject({
      type: EventType,
      date: z.strictObject({ start: z.string(), end: z.string().optional(), precision: z.enum(PRECISIONS) }),
      agents: z.array(z.string()).min(1),
      targets: z.array(z.string()).default([]),
    }),
  ),
});

const ROOT = resolve(__dirname, '..');

export function loadSeedCases(): EvalCase[] {
  const dir = join(ROOT, 'seed', 'facts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => seedCase(join(dir, f)));
}

/** Who a curated event is principally by: its agents and hosts, or for a statement its source. */
const PRINCIPAL: readonly Role[] = ['agent', 'host'];

/** The seed's curated facts as gold. */
export function seedCase(path: string): EvalCase {
  const facts = FactsFile.parse(parse(readFileSync(path, 'utf8')));
  const article = facts.article;
  const text = 'text' in article ? article.text : readFileSync(resolve(dirname(path), article.textFile), 'utf8');
  const gold = facts.events.map((e) => ({
    type: e.type,
    date: { start: firstDay(e.date.start), end: e.date.end ? lastDay(e.date.end) : null, precision: precisionOf(e.date.start) },
    agents: principals(e.participants),
  }));
  return { name: article.id, split: 'seed', text, publishedAt: article.publishedAt, title: article.title, knownActors: facts.actors, gold };
}

export function loadEvalCases(): EvalCase[] {
  const dir = join(ROOT, 'eval', 'gold');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.yaml$/, '');
      const file = GoldFile.parse(parse(readFileSync(join(dir, f), 'utf8')));
      const text = readFileSync(join(ROOT, 'eval', 'articles', `${name}.txt`), 'utf8');
      const gold = file.events.map((e) => ({
        type: e.type,
        date: { start: e.date.start, end: e.date.end ?? null, precision: e.date.precision },
        agents: e.agents.map(canonicalId),
      }));
      return { name, split: file.split, text, publishedAt: file.publishedAt, title: file.title, knownActors: file.knownActors, gold };
    });
}

function principals(participants: Array<{ actor: string; role: Role }>): string[] {
  const acting = participants.filter((p) => PRINCIPAL.includes(p.role));
  return (acting.length > 0 ? acting : participants.filter((p) => p.role === 'source')).map((p) => p.actor);
}

/**
 * A gold id written from another of a known body's or state's names ("ecowas" for the Economic Community of West
 * African States, as the article called it) is that entry's id, as the extractor and the knowledge base resolve it.
 */
const CANONICAL = new Map(GAZETTEER.flatMap((entry) => entry.names.map((name) => [slugify(name), entry.id] as const)));
const canonicalId = (id: string): string => CANONICAL.get(id) ?? id;
