import type { Request, Response } from 'express';
import * as articlesService from '../articles/articles.service';
import type { Db } from '../db/query';
import { addDays } from '../domain/calendar';
import { formatCount, formatEventDate, formatPartialDate, precisionNote } from '../domain/date-words';
import { LINK_PHRASES, ROLE_LABELS, typeLabel } from '../domain/labels';
import { AGENT_ROLES, ROLES, TARGET_ROLES } from '../domain/taxonomy';
import type { EventDetail } from '../events/events.schemas';
import * as eventsService from '../events/events.service';
import { quoteAnchor, quoteInContext } from './article-text';
import { pageId } from './page-params';

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

export function eventPage(db: Db) {
  return async (req: Request, res: Response) => {
    const event = await eventsService.getEvent(db, pageId('event', req.params));
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
        dateText: formatEventDate(event.date),
        precisionNote: precisionNote(event.date.precision),
        timelineHref: `/timeline?${new URLSearchParams({ from: addDays(event.date.start, -45), to: addDays(event.date.end ?? event.date.start, 45) })}`,
        place: event.place,
        status: STATUS_TEXT[event.status],
        figures: event.figures && {
          text: `${event.figures.approximate ? 'about ' : ''}${formatCount(event.figures.count)} ${event.figures.unit}`,
        },
        ...whoDidWhat(event),
        byRole,
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
    });
  };
}
