import type { DraftEvent as ExtractedEvent } from '../ingest/extract';
import { CALIBRATION, evidenceOf, probability } from './calibration';
import type { Reasons } from './drafts.schemas';

/**
 * How sure the extractor is of a drafted event, and why. The confidence is the probability, by the calibration map
 * fitted on the held-out evaluation articles (calibration.ts), that an event with the same evidence is right; the
 * flags name the evidence that most often goes with wrong drafts, so a reviewer sees why an event scores low.
 */
const DOUBTS = {
  noAgent: 'no agent: nobody is named as doing it',
  borrowedDate: 'date not its own: taken from elsewhere in the article',
  reported: 'embedded under a reporting verb: true as its speaker claims it',
  planned: 'a plan or stated intent, not something done',
  newActor: 'names an actor the knowledge base does not know yet',
  knownEvent: 'likely the same as an event the knowledge base already has',
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
  const evidence = evidenceOf(event, isKnown);
  const doubts = (['noAgent', 'borrowedDate', 'reported', 'planned', 'newActor'] as const).filter((d) => evidence[d]);
  // never shown as certain either way: a few dozen events per kind of evidence cannot tell 0.999 from 0.99
  const confidence = Math.min(0.99, Math.max(0.01, Math.round(probability(CALIBRATION, evidence) * 100) / 100));
  return {
    confidence,
    reasons: {
      trigger: event.trigger,
      // how the event's own sentence reached the actor ("Its foreign ministry") before how the article first named it
      actors: actorIds.map((id) => ({ id, how: event.resolved?.[id] ?? resolutions[id] ?? (isKnown(id) ? 'known actor' : 'proposed new actor') })),
      date: event.dateSource,
      flags: [...doubts, ...(knownEvent ? (['knownEvent'] as const) : [])].map((d) => DOUBTS[d]),
      knownEvent,
    },
  };
}
