import type { DraftEvent as ExtractedEvent } from '../ingest/extract';
import type { Reasons } from './drafts.schemas';

/**
 * How sure the extractor is of a drafted event, from what its rules know, and why: each doubt lowers the
 * confidence by its weight. The weights are set so that events without doubts score 0.9 and events with the
 * doubts that most often go with wrong drafts on the held-out articles (no agent, a date not its own, an actor
 * the knowledge base does not know) fall below 0.6, where "accept every event above" is best not applied.
 */
const BASE = 0.9;
const DOUBTS = {
  noAgent: { weight: 0.3, flag: 'no agent: nobody is named as doing it' },
  borrowedDate: { weight: 0.15, flag: 'date not its own: taken from elsewhere in the article' },
  reported: { weight: 0.1, flag: 'embedded under a reporting verb: true as its speaker claims it' },
  planned: { weight: 0.1, flag: 'a plan or stated intent, not something done' },
  newActor: { weight: 0.1, flag: 'names an actor the knowledge base does not know yet' },
  knownEvent: { weight: 0, flag: 'likely the same as an event the knowledge base already has' },
} as const;

export interface Judged {
  confidence: number;
  reasons: Reasons;
}

export function judge(
  event: ExtractedEvent,
  resolutions: Readonly<Record<string, string>>,
  isKnown: (actorId: string) => boolean,
  knownEvent: { id: string; title: string } | null,
): Judged {
  const actorIds = [...new Set([...event.agents, ...event.targets, ...event.sources])];
  const doubts: Array<keyof typeof DOUBTS> = [];
  if (event.agents.length === 0) doubts.push('noAgent');
  if (event.dateSource !== 'its own phrase' && event.dateSource !== 'the sentence opening') doubts.push('borrowedDate');
  if (event.reported) doubts.push('reported');
  if (event.type === 'intent') doubts.push('planned');
  if (actorIds.some((id) => !isKnown(id))) doubts.push('newActor');
  if (knownEvent) doubts.push('knownEvent');
  const confidence = Math.max(0.05, Math.round((BASE - doubts.reduce((sum, d) => sum + DOUBTS[d].weight, 0)) * 100) / 100);
  return {
    confidence,
    reasons: {
      trigger: event.trigger,
      actors: actorIds.map((id) => ({ id, how: resolutions[id] ?? (isKnown(id) ? 'known actor' : 'proposed new actor') })),
      date: event.dateSource,
      flags: doubts.map((d) => DOUBTS[d].flag),
      knownEvent,
    },
  };
}
