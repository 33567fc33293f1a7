import { z } from 'zod';
import { Article, EventType, Slug } from '../domain/model';

/**
 * The longest text a post may carry. Extraction runs in the request (about 30 ms per 1,000 characters), so
 * this bounds how long one write can take; a long news feature is well under it.
 */
export const MAX_POSTED_TEXT = 100_000;

/** POST /api/articles: an article's text and metadata. Without `id`, the id is a slug of the title. */
export const ArticlePost = Article.extend({
  id: Slug.optional().describe('Stable id (a slug); default: derived from the title'),
  text: z.string().trim().min(1).max(MAX_POSTED_TEXT).describe('The full text; every quote is taken from it verbatim'),
});
export type ArticlePost = z.infer<typeof ArticlePost>;

/** What posting an article created: its events (`merged`: one the knowledge base already had) and actors. */
export const ArticleIngested = z.object({
  article: z.object({ id: z.string(), title: z.string() }),
  events: z.array(
    z.object({
      id: z.string(),
      type: EventType,
      title: z.string(),
      merged: z.boolean().describe('True when the knowledge base already had this event: the article became a further source of it'),
    }),
  ),
  actors: z.array(
    z.object({ id: z.string(), name: z.string(), created: z.boolean().describe('True when this post added the actor') }),
  ),
});
export type ArticleIngested = z.infer<typeof ArticleIngested>;
