import { z } from 'zod';
import type { Config } from '../config/settings';
import type { Db } from '../db/query';
import type { Principal } from '../domain/principal';
import { Reply, route } from '../domain/route';
import {
  AcceptAbove,
  ArticlePost,
  Committed,
  Draft,
  DraftActor,
  DraftEventEdit,
  DraftEventParams,
  DraftList,
  DraftParams,
  DraftRequest,
  DraftsQuery,
  NewDraftActor,
  NewDraftEvent,
} from './drafts.schemas';
import * as service from './drafts.service';

const who = (principal: Principal | undefined): Principal => {
  if (!principal) throw new Error('a write reached its handler without credentials');
  return principal;
};

const created = ({ draft, created: isNew }: { draft: Draft; created: boolean }) => new Reply(isNew ? 201 : 200, draft, { Location: `/api/drafts/${draft.id}` });

const tag = 'drafts';

export const draftsRoutes = (db: Db, config: Config) => {
  const limits = service.fetchLimitsOf(config);
  return [
    route({
      method: 'post',
      path: '/drafts',
      operationId: 'createDraft',
      tag,
      summary: 'Draft an article, from its text or its address: its events are extracted for review; nothing enters the graph yet',
      body: DraftRequest,
      response: Draft,
      write: { created: 'The draft (201), or the open draft of the same article (200)' },
      handle: async ({ body, principal }) => created(await service.draftFromRequest(db, body, who(principal), limits)),
    }),
    route({
      method: 'post',
      path: '/articles',
      operationId: 'addArticle',
      tag,
      summary: 'Add an article by its text (as POST /api/drafts with text): it becomes a draft to review',
      body: ArticlePost,
      response: Draft,
      write: { created: 'The draft (201), or the open draft of the same article (200)' },
      handle: async ({ body, principal }) => created(await service.createDraft(db, body, who(principal))),
    }),
    route({
      method: 'get',
      path: '/drafts',
      operationId: 'listDrafts',
      tag,
      summary: 'Drafts, newest first (open ones by default)',
      query: DraftsQuery,
      response: DraftList,
      signedIn: true,
      handle: ({ query }) => service.listDrafts(db, query),
    }),
    route({
      method: 'get',
      path: '/drafts/:id',
      operationId: 'getDraft',
      tag,
      summary: 'One draft: the article and every drafted event with its confidence and reasons',
      params: DraftParams,
      response: Draft,
      signedIn: true,
      handle: ({ params }) => service.getDraft(db, params.id),
    }),
    route({
      method: 'patch',
      path: '/drafts/:id/events/:key',
      operationId: 'editDraftEvent',
      tag,
      summary: 'Edit a drafted event, or decide it (accepted, rejected); merge it into a known event with mergeInto',
      params: DraftEventParams,
      body: DraftEventEdit,
      response: Draft,
      write: { created: 'The draft as it is now' },
      handle: ({ params, body, principal }) => service.editEvent(db, params.id, params.key, body, who(principal)),
    }),
    route({
      method: 'post',
      path: '/drafts/:id/events',
      operationId: 'addDraftEvent',
      tag,
      summary: 'Add an event the extractor missed, from its sentence',
      params: DraftParams,
      body: NewDraftEvent,
      response: Draft,
      write: { created: 'The draft with the event added' },
      handle: async ({ params, body, principal }) => new Reply(201, await service.addEvent(db, params.id, body, who(principal))),
    }),
    route({
      method: 'post',
      path: '/drafts/:id/actors',
      operationId: 'nameDraftActor',
      tag,
      summary: 'Name an actor in the draft: one the graph has ({ id }), or a new one (name, kind, aliases) created on commit',
      params: DraftParams,
      body: z.union([NewDraftActor, z.strictObject({ id: z.string().min(1).max(200) })]),
      response: DraftActor,
      write: { created: 'The actor, as the draft names it' },
      handle: ({ params, body }) => service.addActor(db, params.id, body),
    }),
    route({
      method: 'post',
      path: '/drafts/:id/accept',
      operationId: 'acceptDraftEvents',
      tag,
      summary: 'Accept every pending event at or above a confidence',
      params: DraftParams,
      body: AcceptAbove,
      response: z.object({ accepted: z.number().int(), draft: Draft }),
      write: { created: 'How many were accepted, and the draft' },
      handle: ({ params, body, principal }) => service.acceptAbove(db, params.id, body.confidence, who(principal)),
    }),
    route({
      method: 'post',
      path: '/drafts/:id/commit',
      operationId: 'commitDraft',
      tag,
      summary: 'Write the accepted events into the graph, in one transaction, after the checks of a facts file',
      params: DraftParams,
      response: Committed,
      write: { created: 'The events written: new ones, and known ones the article now also reports (merged)' },
      handle: ({ params, principal }) => service.commit(db, params.id, who(principal)),
    }),
    route({
      method: 'delete',
      path: '/drafts/:id',
      operationId: 'discardDraft',
      tag,
      summary: 'Discard a draft: nothing of it enters the graph',
      params: DraftParams,
      response: Draft,
      write: { created: 'The discarded draft' },
      handle: ({ params }) => service.discardDraft(db, params.id),
    }),
  ];
};
