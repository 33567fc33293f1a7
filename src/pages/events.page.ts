import type { Request, Response } from 'express';
import * as articlesService from '../articles/articles.service';
import type { Db } from '../db/query';
import { addDays } from '../domain/calendar';
import { ForbiddenError } from '../domain/errors';
import { formatCount, formatEventDate, formatPartialDate, precisionNote } from '../domain/date-words';
import { LINK_PHRASES, ROLE_LABELS, typeLabel } from '../domain/labels';
import { AGENT_ROLES, ROLES, TARGET_ROLES } from '../domain/taxonomy';
import type { EventOrigin } from '../domain/model';
import { ClaimChoice, type EventDetail } from '../events/events.schemas';
import * as eventsService from '../events/events.service';
import { quoteAnchor, quoteInContext } from './article-text';
import * as historyService from '../history/history.service';
import { pageId } from './page-params';

const FIELD_WORDS = { date: 'date', figures: 'figures', place: 'place', participants: 'who took part' } as const;

/** How the event page names the datasets `kb import` reads. */
const DATASET_NAMES: Record<EventOrigin['format'], string> = { gdelt: 'GDELT 2.0', polecat: 'POLECAT' };

/** The sources' claims side by side, each field marked where the sources disagree, with the editor's choice. */
function claimsOf(event: EventDetail) {
  if (event.claims.length < 2) return null;
  const open = new Set(event.conflicts);
  const fields = (['date', 'figures', 'place', 'participants'] as const).map((field) => ({
    field,
    label: FIELD_WORDS[field],
    conflict: open.has(field),
    chosen: event.choices[field] ?? null,
  }));
  return {
    fields,
    articles: event.claims.map((c) => ({
      id: c.article.id,
      title: c.article.title,
      published: formatPartialDate(c.article.publishedAt),
      values: {
        date: formatEventDate(c.date),
        figures: c.figures ? `${c.figures.approximate ? 'about ' : ''}${formatCount(c.figures.count)} ${c.figures.unit}` : '—',
        place: c.place ?? '—',
        participants:
          c.participants
            .filter((p) => AGENT_ROLES.includes(p.role))
            .map((p) => p.actor.name)
            .join(', ') || '—',
      },
    })),
  };
}

const STATUS_TEXT = { occurred: null, announced: 'Announced', planned: 'Planned' } as const;

const ref = (a: { id: string; name: string; kind: string }) => ({ id: a.id, name: a.name, kind: a.kind });

function whoDidWhat(event: EventDetail) {
  const inRoles = (roles: readonly string[]) => event.participants.filter((p) => roles.includes(p.role)).map((p) => ref(p.actor));
  const doers = inRoles(AGENT_ROLES);
  return {
    who: doers.length > 0 ? doers : inRoles(['source']),
    whom: inRoles(TARGET_ROLES),
  };
}

/** Steps of an event's history its page lists, oldest first (the API pages through the rest). */
const HISTORY_SHOWN = 500;

export function eventPage(db: Db) {
  return async (req: Request, res: Response) => {
    const id = pageId('event', req.params);
    const [event, history] = await Promise.all([eventsService.getEvent(db, id), historyService.eventHistory(db, id, { limit: HISTORY_SHOWN })]);
    const articleIds = [...new Set(event.sources.map((s) => s.article.id))];
    const articles = new Map((await Promise.all(articleIds.map((id) => articlesService.getArticle(db, id)))).map((a) => [a.id, a]));
    const sources = event.sources.map((source) => {
      const article = articles.get(source.article.id);
      const context = article ? quoteInContext(article.text, source.quote) : null;
      return {
        article: { id: source.article.id, title: source.article.title, publishedAt: article ? formatPartialDate(article.publishedAt) : null },
        before: context?.before ?? '',
        quote: source.quote,
        after: context?.after ?? '',
        href: `/articles/${source.article.id}${context ? `#${quoteAnchor(context.start)}` : ''}`,
      };
    });
    const reactions = [...articles.values()].flatMap((a) =>
      a.reactions.filter((r) => r.about.some((e) => e.id === event.id)).map((r) => ({ author: r.author, text: r.text, stance: r.stance, articleId: a.id })),
    );
    const byRole = ROLES.map((role) => ({
      role,
      label: ROLE_LABELS[role],
      actors: event.participants.filter((p) => p.role === role).map((p) => ref(p.actor)),
    })).filter((group) => group.actors.length > 0);
    res.render('pages/events/show', {
      title: event.title,
      nav: 'timeline',
      event: {
        id: event.id,
        title: event.title,
        summary: event.summary,
        type: event.type,
        typeLabel: typeLabel(event.type),
        cameo: event.cameo,
        plover: event.plover && [event.plover, event.ploverMode].filter(Boolean).join(' · '),
        dateText: formatEventDate(event.date),
        precisionNote: precisionNote(event.date.precision),
        timelineHref: `/timeline?${new URLSearchParams({ from: addDays(event.date.start, -45), to: addDays(event.date.end ?? event.date.start, 45) })}`,
        place: event.place,
        status: STATUS_TEXT[event.occurrence],
        figures: event.figures && {
          text: `${event.figures.approximate ? 'about ' : ''}${formatCount(event.figures.count)} ${event.figures.unit}`,
        },
        ...whoDidWhat(event),
        byRole,
        origin: event.origin && { dataset: DATASET_NAMES[event.origin.format], file: event.origin.file, id: event.origin.id },
      },
      sources,
      links: event.links.map((link) => ({
        phrase: LINK_PHRASES[link.kind][link.direction],
        event: {
          id: link.event.id,
          title: link.event.title,
          type: link.event.type,
          typeLabel: typeLabel(link.event.type),
          dateText: formatEventDate(link.event.date),
        },
      })),
      reactions,
      review: { status: event.status, conflicts: event.conflicts },
      claims: claimsOf(event),
      history: history.items.map((c) => ({ when: c.at ? c.at.slice(0, 16).replace('T', ' ') : '', user: c.user, action: c.action, summary: c.summary })),
    });
  };
}

/** An editor settles a conflict from the event page: the event shows the chosen article's value. */
export function chooseClaimAction(db: Db) {
  return async (req: Request, res: Response) => {
    const id = pageId('event', req.params);
    if (!req.principal) throw new ForbiddenError('Sign in first.');
    const { field, article } = req.body as Record<string, unknown>;
    await eventsService.chooseClaim(db, id, ClaimChoice.parse({ field, article }), req.principal);
    res.redirect(303, `/events/${id}#claims`);
  };
}
