import type { Request, Response } from 'express';
import { SECTORS } from '../domain/actor-codes';
import { resolveText } from '../places/places.service';
import { z } from 'zod';
import * as actorsService from '../actors/actors.service';
import type { Config } from '../config/settings';
import type { Db } from '../db/query';
import { firstDay, lastDay, precisionOf } from '../domain/calendar';
import { formatEventDate, formatPartialDate } from '../domain/date-words';
import { ConflictError, FactsValidationError, ForbiddenError, InvalidError, NotFoundError } from '../domain/errors';
import { KIND_OPTIONS, LINK_PHRASES, TYPE_GROUPS, typeLabel } from '../domain/labels';
import type { Principal } from '../domain/principal';
import { LINK_KINDS } from '../domain/taxonomy';
import { DraftRequest, NewDraftActor, type Draft, type DraftActor, type DraftEvent } from '../drafts/drafts.schemas';
import * as drafts from '../drafts/drafts.service';
import { splitSentences } from '../ingest/extract';
import { paragraphsOf, type QuoteSpan } from './article-text';
import { editOf, EventForm, NewEventForm, newEventOf } from './review.form';

/**
 * The review workbench: drafts listed, one draft shown as its article with each drafted sentence marked beside a
 * card per event, and the forms that edit, decide, add, merge and commit. Every action is a plain form post (so
 * it works with the keyboard alone and without scripts) and comes back to the card it acted on.
 */

function principalOf(req: Request): Principal {
  if (!req.principal) throw new ForbiddenError('Sign in first.');
  return req.principal;
}

const DraftId = z.string().regex(/^draft-[a-z0-9]{6,40}$/);

function draftIdOf(req: Request): string {
  const parsed = DraftId.safeParse(req.params.id);
  if (!parsed.success) throw new NotFoundError('draft', String(req.params.id ?? ''));
  return parsed.data;
}

/** What went wrong with a form, in words for the editor. */
function problemOf(error: unknown): string | null {
  if (error instanceof z.ZodError) return error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ');
  if (error instanceof FactsValidationError) return error.problems.map((p) => `${p.path}: ${p.reason}`).join('; ');
  if (error instanceof InvalidError) return `${error.path}: ${error.message}`;
  if (error instanceof ConflictError || error instanceof NotFoundError) return error.message;
  return null;
}

/** Runs a form's action; a problem the editor can fix goes back to the page as a message, not as an error page. */
function action(work: (req: Request, res: Response) => Promise<string>) {
  return async (req: Request, res: Response) => {
    const back = `/review/${draftIdOf(req)}`;
    try {
      res.redirect(303, await work(req, res));
    } catch (error) {
      const problem = problemOf(error);
      if (problem === null) throw error;
      const anchor = req.params.key === undefined ? '' : `#event-${req.params.key}`;
      res.redirect(303, `${back}?${new URLSearchParams({ problem })}${anchor}`);
    }
  };
}

// --- adding an article ------------------------------------------------------------------------------------

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export function newArticlePage() {
  return (_req: Request, res: Response) => res.render('pages/review/new', { title: 'Add an article', nav: 'review', values: {}, problem: null });
}

export function newArticleAction(db: Db, config: Config) {
  const limits = drafts.fetchLimitsOf(config);
  return async (req: Request, res: Response) => {
    const principal = principalOf(req);
    const form = req.body as Record<string, unknown>;
    const values = Object.fromEntries(['text', 'url', 'title', 'published', 'publisher'].map((k) => [k, blankToUndefined(form[k])]));
    try {
      const { draft } = await drafts.draftFromRequest(db, DraftRequest.parse(values), principal, limits);
      res.redirect(303, `/review/${draft.id}`);
    } catch (error) {
      const problem = problemOf(error);
      if (problem === null) throw error;
      res.status(error instanceof ConflictError ? 409 : 400).render('pages/review/new', { title: 'Add an article', nav: 'review', values, problem });
    }
  };
}

// --- the list and the workbench ---------------------------------------------------------------------------

const ListQuery = z.object({ status: z.enum(['open', 'committed', 'discarded']).default('open'), cursor: z.string().max(500).optional() });

export function reviewListPage(db: Db) {
  return async (req: Request, res: Response) => {
    principalOf(req);
    const query = ListQuery.parse(req.query);
    const page = await drafts.listDrafts(db, { status: query.status, limit: 50, cursor: query.cursor });
    res.render('pages/review/index', {
      title: 'Review',
      nav: 'review',
      status: query.status,
      drafts: page.items.map((d) => ({ ...d, publishedText: formatPartialDate(d.publishedAt), created: d.createdAt.slice(0, 16).replace('T', ' ') })),
      nextHref: page.nextCursor ? `/review?${new URLSearchParams({ status: query.status, cursor: page.nextCursor })}` : null,
    });
  };
}

export function reviewPage(db: Db) {
  return async (req: Request, res: Response) => {
    principalOf(req);
    const draft = await drafts.getDraft(db, draftIdOf(req));
    const problem = typeof req.query.problem === 'string' ? req.query.problem.slice(0, 2000) : null;
    res.set('Cache-Control', 'no-store');
    res.render('pages/review/show', { title: `Review: ${draft.article.title}`, nav: 'review', scripts: ['/js/review.js'], ...workbench(draft), problem });
  };
}

function workbench(draft: Draft) {
  const actors = new Map(draft.actors.map((a) => [a.id, a]));
  const spans: QuoteSpan[] = draft.events.flatMap((e) => {
    const start = draft.article.text.indexOf(e.quote);
    return start < 0 ? [] : [{ start, end: start + e.quote.length, event: { id: `event-${e.key}`, title: e.title, typeLabel: typeLabel(e.type) } }];
  });
  const quoted = new Set(draft.events.map((e) => e.quote));
  return {
    draft: { id: draft.id, status: draft.status, createdBy: draft.createdBy, committed: draft.committed },
    article: { ...draft.article, publishedText: formatPartialDate(draft.article.publishedAt) },
    paragraphs: paragraphsOf(draft.article.text, spans),
    events: draft.events.map((e) => cardOf(e, draft, actors)),
    counts: { pending: count(draft, 'pending'), accepted: count(draft, 'accepted'), rejected: count(draft, 'rejected') },
    sentences: splitSentences(draft.article.text)
      .filter((s) => !s.heading && !quoted.has(s.text))
      .map((s) => s.text),
    actorChoices: draft.actors.map((a) => ({ id: a.id, name: a.name, known: a.known })),
    typeGroups: TYPE_GROUPS,
    kinds: KIND_OPTIONS,
    sectors: SECTORS,
    proposedActors: draft.actors
      .filter((a) => !a.known)
      .map((a) => ({ name: a.name, kind: a.kind, country: a.country ?? '', sector: a.sector ?? '', code: a.code ?? '', wikidata: a.wikidata ?? '' })),
    linkKinds: LINK_KINDS.map((kind) => ({ id: kind, label: LINK_PHRASES[kind].outgoing })),
  };
}

const count = (draft: Draft, decision: DraftEvent['decision']) => draft.events.filter((e) => e.decision === decision).length;

function cardOf(e: DraftEvent, draft: Draft, actors: Map<string, DraftActor>) {
  const actor = (id: string) => ({ id, name: actors.get(id)?.name ?? id, known: actors.get(id)?.known ?? false });
  const titleOf = (to: string) => draft.events.find((o) => `draft:${o.key}` === to)?.title ?? to;
  return {
    key: e.key,
    anchor: `event-${e.key}`,
    type: e.type,
    typeLabel: typeLabel(e.type),
    title: e.title,
    dateStart: e.date.start,
    dateEnd: e.date.end ?? '',
    dateText: formatEventDate({ start: firstDay(e.date.start), end: e.date.end ? lastDay(e.date.end) : null, precision: precisionOf(e.date.start) }),
    agents: e.agents.map(actor),
    targets: e.targets.map(actor),
    sources: e.sources.map(actor),
    figureCount: e.figures?.count ?? '',
    figureUnit: e.figures?.unit ?? '',
    place: e.place ?? '',
    // What the loader will make of the place (the same gazetteer): shown so an editor can correct it before committing.
    placeFound: e.place ? placeWords(e.place) : '',
    quote: e.quote,
    confidence: Math.round(e.confidence * 100),
    level: e.confidence >= 0.8 ? 'high' : e.confidence >= 0.6 ? 'mid' : 'low',
    reasons: { ...e.reasons, actors: e.reasons.actors.map((r) => ({ name: actor(r.id).name, how: r.how })) },
    decision: e.decision,
    mergeInto: e.mergeInto ?? '',
    origin: e.origin,
    links: e.links.map((l) => ({ value: `${l.kind} ${l.to}`, text: `${LINK_PHRASES[l.kind].outgoing}: ${titleOf(l.to)}` })),
    otherEvents: draft.events.filter((o) => o.key !== e.key).map((o) => ({ value: `draft:${o.key}`, label: `${o.key + 1}. ${o.title}` })),
    log: e.log.map((s) => ({ when: s.at.slice(0, 16).replace('T', ' '), user: s.user, summary: s.summary })),
  };
}

// --- actions ---------------------------------------------------------------------------------------------

/**
 * What an editor typed to name an actor, as an id: an actor of the draft (by id or name), else one the graph
 * knows (by name or alias), which joins the draft. Unknown names are refused: a new actor is created on purpose.
 */
async function resolverFor(db: Db, draftId: string, typed: Array<string | undefined>): Promise<(text: string) => string> {
  const draft = await drafts.getDraft(db, draftId);
  const ids = new Map<string, string>();
  for (const text of typed) {
    if (!text || ids.has(text)) continue;
    const lower = text.trim().toLowerCase();
    const inDraft = draft.actors.find((a) => a.id === lower || a.name.toLowerCase() === lower);
    if (inDraft) {
      ids.set(text, inDraft.id);
      continue;
    }
    const { items: found } = await actorsService.listActors(db, { q: text, limit: 5 });
    const best = found.find((a) => a.name.toLowerCase() === lower || a.aliases.some((x) => x.toLowerCase() === lower)) ?? found[0];
    if (!best) throw new InvalidError('actor', `no actor named "${text}": create it under "New actor" first`);
    ids.set(text, (await drafts.addActor(db, draftId, { id: best.id })).id);
  }
  return (text) => ids.get(text) ?? text;
}

const KeyParam = z.coerce.number().int().min(0).max(10_000);

export function eventAction(db: Db) {
  return action(async (req) => {
    const id = draftIdOf(req);
    const key = KeyParam.parse(req.params.key);
    const form = EventForm.parse(req.body);
    const resolve = await resolverFor(db, id, [form.add_agent, form.add_target]);
    await drafts.editEvent(db, id, key, editOf(form, resolve), principalOf(req));
    return `/review/${id}#event-${key}`;
  });
}

export function addEventAction(db: Db) {
  return action(async (req) => {
    const id = draftIdOf(req);
    const form = NewEventForm.parse(req.body);
    const resolve = await resolverFor(db, id, [form.add_agent, form.add_target]);
    const draft = await drafts.addEvent(db, id, newEventOf(form, resolve), principalOf(req));
    return `/review/${id}#event-${Math.max(...draft.events.map((e) => e.key))}`;
  });
}

export function addActorAction(db: Db) {
  return action(async (req) => {
    const id = draftIdOf(req);
    const body = req.body as Record<string, unknown>;
    const aliases =
      typeof body.aliases === 'string'
        ? body.aliases
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean)
        : [];
    const code = (name: string, upper = false) => {
      const value = typeof body[name] === 'string' ? (body[name] as string).trim() : '';
      return value === '' ? undefined : upper ? value.toUpperCase() : value;
    };
    await drafts.addActor(
      db,
      id,
      NewDraftActor.parse({
        name: body.name,
        kind: body.kind,
        aliases,
        country: code('country', true),
        sector: code('sector'),
        code: code('code', true),
        wikidata: code('wikidata'),
      }),
    );
    return `/review/${id}#actors`;
  });
}

export function acceptAboveAction(db: Db) {
  return action(async (req) => {
    const id = draftIdOf(req);
    const percent = z.coerce
      .number()
      .min(0)
      .max(100)
      .parse((req.body as Record<string, unknown>).confidence);
    await drafts.acceptAbove(db, id, percent / 100, principalOf(req));
    return `/review/${id}#events`;
  });
}

export function commitAction(db: Db) {
  return action(async (req) => {
    const id = draftIdOf(req);
    await drafts.commit(db, id, principalOf(req));
    return `/review/${id}`;
  });
}

export function discardAction(db: Db) {
  return action(async (req) => {
    await drafts.discardDraft(db, draftIdOf(req));
    return '/review';
  });
}

/** "Minsk, Belarus" for a place the gazetteer knows; a note that it stays text when it does not. */
function placeWords(text: string): string {
  const found = resolveText(text).place;
  if (!found) return 'not in the gazetteer: stays text, drawn at its states';
  return found.kind === 'country' ? `on the map: ${found.name}` : `on the map: ${found.name}, ${found.countryName}`;
}
