import { z } from 'zod';
import { EventType } from '../domain/model';

/**
 * What `kb ingest --no-review` loaded: the article, its events (`merged`: one the knowledge base already had)
 * and the actors they name (`created`: added by this load).
 */
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
  actors: z.array(z.object({ id: z.string(), name: z.string(), created: z.boolean().describe('True when this load added the actor') })),
});
export type ArticleIngested = z.infer<typeof ArticleIngested>;
