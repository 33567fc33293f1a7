import type { Request, Response } from 'express';
import { z } from 'zod';
import { CursorParam } from '../domain/page';
import type { Db } from '../db/query';
import { STANCES } from '../domain/taxonomy';
import { STANCE_LABELS, typeLabel } from '../domain/labels';
import * as articlesService from '../articles/articles.service';
import { paragraphsOf, type QuoteSpan } from './article-text';
import { formatPartialDate } from '../domain/date-words';
import { blankAsUndefined, pageId } from './page-params';

const ArticlesPageQuery = z.object({ cursor: blankAsUndefined(CursorParam) });

/** Articles listed on one page; older ones a link away. */
const ARTICLES_SHOWN = 200;

export function articlesPage(db: Db) {
  return async (req: Request, res: Response) => {
    const query = ArticlesPageQuery.parse(req.query);
    const page = await articlesService.listArticles(db, { limit: ARTICLES_SHOWN, cursor: query.cursor });
    res.render('pages/articles/index', {
      title: 'Articles',
      nav: 'articles',
      articles: page.items.map((a) => ({ ...a, publishedText: formatPartialDate(a.publishedAt) })),
      nextHref: page.nextCursor ? `/articles?${new URLSearchParams({ cursor: page.nextCursor })}` : null,
    });
  };
}

export function articlePage(db: Db) {
  return async (req: Request, res: Response) => {
    const article = await articlesService.getArticle(db, pageId('article', req.params));
    const spans: QuoteSpan[] = article.events.flatMap((e) =>
      e.quotes.map((q) => ({ start: q.start, end: q.end, event: { id: e.id, title: e.title, typeLabel: typeLabel(e.type) } })),
    );
    const total = article.reactions.length;
    let offset = 0;
    const stances = STANCES.map((stance) => {
      const count = article.stances[stance] ?? 0;
      const share = total === 0 ? 0 : (count / total) * 100;
      const segment = { stance, label: STANCE_LABELS[stance], count, x: offset, width: share, percent: Math.round(share) };
      offset += share;
      return segment;
    });
    res.render('pages/articles/show', {
      title: article.title,
      nav: 'articles',
      article: {
        id: article.id,
        title: article.title,
        publisher: article.publisher,
        url: article.url && /^https?:\/\//i.test(article.url) ? article.url : null,
        publishedText: formatPartialDate(article.publishedAt),
        eventCount: article.events.length,
      },
      paragraphs: paragraphsOf(article.text, spans),
      events: article.events.map((e) => ({ id: e.id, title: e.title, type: e.type, typeLabel: typeLabel(e.type), quotes: e.quotes.length })),
      reactions: article.reactions.map((r) => ({ ...r, stanceLabel: STANCE_LABELS[r.stance] })),
      stances,
      reactionTotal: total,
    });
  };
}
