import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * An article page's main text, taken with Mozilla's Readability (the reader view of Firefox) over linkedom:
 * title, byline and publication day where the page has them, and the text one paragraph a line, so every
 * sentence can be quoted verbatim.
 */
export interface PageArticle {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  text: string;
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

export function articleOfPage(html: string): PageArticle | null {
  const { document } = parseHTML(html);
  const published = publishedDay(document);
  // Readability's types name the DOM's Document; linkedom's document is one, without the DOM typings here.
  const article = new Readability(document as never, { charThreshold: 200 }).parse();
  if (!article?.content) return null;
  const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`);
  const paragraphs = [...content.querySelectorAll(BLOCKS)]
    .filter((el) => !el.querySelector(BLOCKS))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
  const text = paragraphs.length > 0 ? paragraphs.join('\n\n') : (article.textContent ?? '').trim();
  if (text.length === 0) return null;
  return {
    title: article.title?.trim() || null,
    byline: article.byline?.trim() || null,
    publishedAt: dayOf(article.publishedTime) ?? published,
    text,
  };
}

/** The page's own publication day: the usual meta tags, else the first <time datetime>. */
function publishedDay(document: ReturnType<typeof parseHTML>['document']): string | null {
  const meta = ['article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'date', 'DC.date.issued']
    .map((name) => document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`)?.getAttribute('content'))
    .find((value) => value);
  return dayOf(meta ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null);
}

function dayOf(value: string | null | undefined): string | null {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? '')?.[1];
  return day ?? null;
}
