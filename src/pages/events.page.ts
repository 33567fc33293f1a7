import type { Request, Response } from 'express';
import type { Db } from '../db/query';
import { AGENT_ROLES, ROLES, TARGET_ROLES, type LinkKind } from '../domain/taxonomy';
import { getArticle } from '../articles/articles.routes';
import * as eventsService from '../events/events.service';
import type { EventDetail } from '../events/events.schemas';
import { quoteAnchor, quoteInContext } from './article-text';
import { formatCount, formatEventDate, formatPartialDate, precisionNote, ROLE_LABELS, typeLabel } from './format';
import { pageId } from './page-params';

/** How a linked event reads from this event's side: "Given in return for", "Answered by", … */
const LINK_PHRASES: Record<LinkKind, { outgoing: string; incoming: string }> = {
  reciprocates: { outgoing: 'Given in return for', incoming: 'Answered in return by' },
  part_of: { outgoing: 'Part of', incoming: 'Included' },
  follows: { outgoing: 'Came after', incoming: 'Followed by' },
  causes: { outgoing: 'Led to', incoming: 'Brought about by' },
};

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
    const articles = new Map((await Promise.all(articleIds.map((id) => getArticle(db, id)))).map((a) => [a.id, a]));
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
        timelineHref: `/timeline?${new URLSearchParams({ from: shiftDays(event.date.start, -45), to: shiftDays(event.date.end ?? event.date.start, 45) })}`,
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

function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
