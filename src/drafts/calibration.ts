import { z } from 'zod';
import { zodProblems } from '../domain/errors';
import type { DraftEvent as ExtractedEvent } from '../ingest/extract';
import stored from './confidence-calibration.json';

/**
 * The raw evidence the rules have for one drafted event, as yes/no features. The confidence is not a sum of
 * hand-set weights but a probability fitted to how often events with the same evidence were right on the held-out
 * evaluation articles (`npm run eval:calibrate`, eval/README.md), so that "80%" means about four in five are right.
 */
export const FEATURES = [
  /** A statement read from a speech verb alone, with no event word. */
  'speechOnly',
  /** The trigger is a verb the parse found and the trigger words lack. */
  'triggerFromParse',
  /** The agent is the clause's subject in the parse (not the rules' roles). */
  'agentFromParse',
  /** The agent was inferred from context (the holder of prisoners, the place, the article's main state). */
  'agentInferred',
  'noAgent',
  /** The date was not read from the event's own sentence. */
  'borrowedDate',
  /** Inside what someone said. */
  'reported',
  /** A plan or stated intent. */
  'planned',
  /** Told as background (past perfect, or dated before the month of publication). */
  'background',
  /** Names an actor the knowledge base does not know. */
  'newActor',
] as const;
export type Feature = (typeof FEATURES)[number];
export type Evidence = Record<Feature, boolean>;

/** The fitted map from evidence to probability: a logistic model, with how it was fitted. */
export const CalibrationMap = z.strictObject({
  method: z.string().min(1),
  /** The evaluation sets whose gold-matched outcomes it was fitted on. */
  fittedOn: z.array(z.string()).min(1),
  events: z.number().int().nonnegative(),
  right: z.number().int().nonnegative(),
  /** The L2 penalty on the weights (the intercept is not penalised). */
  penalty: z.number().nonnegative(),
  intercept: z.number(),
  weights: z.strictObject(Object.fromEntries(FEATURES.map((f) => [f, z.number()])) as Record<Feature, z.ZodNumber>),
});
export type CalibrationMap = z.infer<typeof CalibrationMap>;

const FILE = 'src/drafts/confidence-calibration.json';

function load(): CalibrationMap {
  const parsed = CalibrationMap.safeParse(stored);
  if (!parsed.success)
    throw new Error(
      `Invalid calibration map: ${zodProblems(FILE, parsed.error)
        .map((p) => `${p.file}: ${p.path || '(file)'}: ${p.reason}`)
        .join('; ')}`,
    );
  return parsed.data;
}

/** The map the review workbench uses (fitted on both held-out sets). */
export const CALIBRATION: CalibrationMap = load();

export function evidenceOf(event: ExtractedEvent, isKnown: (actorId: string) => boolean): Evidence {
  const actorIds = [...event.agents, ...event.targets, ...event.sources];
  return {
    speechOnly: event.evidence.trigger === 'a speech verb',
    triggerFromParse: event.evidence.trigger === 'the parse',
    agentFromParse: event.evidence.agent === 'the parse',
    agentInferred: event.evidence.agent === 'inferred',
    noAgent: event.agents.length === 0,
    borrowedDate: event.dateSource !== 'its own phrase' && event.dateSource !== 'the sentence opening',
    reported: event.reported,
    planned: event.type === 'intent',
    background: event.background,
    newActor: actorIds.some((id) => !isKnown(id)),
  };
}

/** The probability that an event with this evidence is right, by the map. */
export function probability(map: Pick<CalibrationMap, 'intercept' | 'weights'>, evidence: Evidence): number {
  const z = FEATURES.reduce((sum, f) => sum + (evidence[f] ? map.weights[f] : 0), map.intercept);
  return 1 / (1 + Math.exp(-z));
}
