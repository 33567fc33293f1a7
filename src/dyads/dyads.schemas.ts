import { z } from 'zod';
import { EventType, LinkKind, Role, Slug } from '../domain/model';
import { CursorParam, pageOf } from '../domain/page';
import { ActorRef, DateFilter, EventRef, Limit } from '../domain/views';

/** How many of their latest events a dyad covers: its ledger, counts, trend and the pages of its events column. */
export const DYAD_SPAN = 200;

export const DyadParams = z.strictObject({ a: Slug, b: Slug }).refine((p) => p.a !== p.b, {
  message: 'a dyad needs two different actors',
  path: ['b'],
});
export type DyadParams = z.output<typeof DyadParams>;

export const DyadQuery = z
  .strictObject({
    from: DateFilter,
    to: DateFilter,
    // 50 fill a screen or two of the two columns; a page of 100 was half again the answer's size and database time.
    limit: Limit(50, DYAD_SPAN).describe(`How many events per page of the events column (1–${DYAD_SPAN}, default 50)`),
    cursor: CursorParam,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type DyadQuery = z.output<typeof DyadQuery>;

export const SIDES = ['a', 'b', 'both'] as const;
export const Side = z.enum(SIDES);
export type Side = z.infer<typeof Side>;

export const DyadEvent = EventRef.extend({
  label: z.string(),
  side: Side.describe('Whose move it is: a, b, or both (both acted, or neither did)'),
  participants: z.array(z.object({ actor: ActorRef, role: Role })),
  quote: z.string().nullable(),
  article: z.object({ id: z.string(), title: z.string() }).nullable(),
  linkedOnly: z.boolean().describe('A move of one side that does not name the other, reached through a link to one that does'),
});
export type DyadEvent = z.infer<typeof DyadEvent>;

export const DyadLink = z.object({ from: z.string(), to: z.string(), kind: LinkKind });
export type DyadLink = z.infer<typeof DyadLink>;

export const LedgerEntry = z.object({
  event: EventRef,
  inReturnFor: z.array(EventRef).describe('The other side’s moves this one answered'),
  answeredBy: z.array(EventRef).describe('The other side’s moves that answered this one'),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

const SideScore = z.object({ events: z.number().int(), goldstein: z.number().nullable().describe('Mean Goldstein weight of its scored moves') });

export const TrendMonth = z.object({
  month: z.string().describe('YYYY-MM'),
  a: SideScore,
  b: SideScore,
  both: SideScore,
  goldstein: z.number().nullable().describe('Mean Goldstein weight of all scored events of the month'),
  quad: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]).describe('Events per CAMEO quad class 1–4'),
});
export type TrendMonth = z.infer<typeof TrendMonth>;

const Counts = z.partialRecord(EventType, z.number().int());

export const DyadAnswer = z.object({
  a: ActorRef.extend({ actingFor: z.array(ActorRef).describe('Who counts as this side: its leaders, envoys, state companies') }),
  b: ActorRef.extend({ actingFor: z.array(ActorRef) }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  events: pageOf(DyadEvent).describe(
    `The events column, newest first, a page at a time (\`limit\`, \`cursor\`), through the ${DYAD_SPAN} latest events between them and the moves linked to them`,
  ),
  truncated: z
    .boolean()
    .describe(
      `Whether they have more than the ${DYAD_SPAN} latest events the answer covers (its pages, links, ledger, counts and trend); a date window reaches earlier ones`,
    ),
  links: z.array(DyadLink).describe('Links among the covered events (reciprocity, part of, cause, sequence), on every page'),
  ledger: z.object({ a: z.array(LedgerEntry), b: z.array(LedgerEntry) }).describe('Over all the covered events, on every page'),
  counts: z.object({ a: Counts, b: Counts, both: Counts }).describe('Over all the covered events, on every page'),
  trend: z.array(TrendMonth).describe('Over all the covered events, on every page'),
  method: z.string(),
});
export type DyadAnswer = z.infer<typeof DyadAnswer>;
