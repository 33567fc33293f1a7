import { z } from 'zod';
import { CursorParam, pageOf } from '../domain/page';
import { EventRef, Limit } from '../domain/views';
import { STANCES } from '../domain/taxonomy';
import { Stance } from '../domain/model';

export const ArticlesQuery = z.strictObject({ limit: Limit(50, 500), cursor: CursorParam });
export type ArticlesQuery = z.infer<typeof ArticlesQuery>;

export const ArticleSummary = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string(),
  eventCount: z.number().int(),
  reactionCount: z.number().int(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** Newest first (the same day by id), a page at a time. */
export const ArticleList = pageOf(ArticleSummary);
export type ArticleList = z.infer<typeof ArticleList>;

export const ReactionView = z.object({
  id: z.string(),
  author: z.string(),
  text: z.string(),
  stance: Stance,
  about: z.array(z.object({ id: z.string(), title: z.string() })),
});

/** Where in the text an event is reported: character offsets of the quoted sentence. */
export const ArticleEvent = EventRef.extend({
  quotes: z.array(z.object({ quote: z.string(), start: z.number().int(), end: z.number().int() })),
});

export const ArticleDetail = ArticleSummary.extend({
  text: z.string(),
  events: z.array(ArticleEvent),
  reactions: z.array(ReactionView),
  stances: z.record(z.enum(STANCES), z.number().int()).describe('How many reactions take each stance'),
});
export type ArticleDetail = z.infer<typeof ArticleDetail>;
