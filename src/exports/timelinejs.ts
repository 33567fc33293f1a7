import { TAXONOMY } from '../domain/taxonomy';
import type { ExportEvent } from './exports.schemas';
import { agentSide, targetSide } from './records';

/**
 * TimelineJS3's JSON (timeline.knightlab.com, "JSON format"): a title slide and one slide per event. Dates
 * carry only the parts the source gave (a month-precise event has no day); `group` is the event type's label,
 * so the timeline rows by type. TimelineJS shows `text` as HTML, so every value is escaped and the quote is
 * put in a blockquote: a name with `<` or `&` is shown, never run.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);

type SlideDate = { year: string; month?: string; day?: string };

function slideDate(day: string, precision: ExportEvent['date']['precision']): SlideDate {
  const [year, month, date] = day.split('-') as [string, string, string];
  if (precision === 'year') return { year };
  if (precision === 'month') return { year, month: String(Number(month)) };
  return { year, month: String(Number(month)), day: String(Number(date)) };
}

export function timelineSlide(event: ExportEvent) {
  const { precision, start, end } = event.date;
  const who = agentSide(event).map(({ actor }) => html(actor.name));
  const whom = targetSide(event).map(({ actor }) => html(actor.name));
  const [source] = event.sources;
  const parts = [
    who.length + whom.length > 0 ? `<p>${[who.join(', '), whom.join(', ')].filter(Boolean).join(' → ')}</p>` : '',
    event.summary ? `<p>${html(event.summary)}</p>` : '',
    source
      ? `<blockquote>${html(source.quote)}</blockquote><p>${html(source.article.title)}${source.article.publisher ? ` · ${html(source.article.publisher)}` : ''}</p>`
      : '',
  ];
  return {
    unique_id: event.id,
    start_date: slideDate(start, precision),
    ...(end === null ? {} : { end_date: slideDate(end, precision) }),
    text: { headline: html(event.title), text: parts.join('') },
    group: TAXONOMY[event.type].label,
    ...(source?.article.url ? { media: { url: source.article.url, caption: html(source.article.title) } } : {}),
  };
}

/** The document, written slide by slide: `{"title": …, "events": [ … ]}`. */
export async function* timelinejsChunks(events: AsyncIterable<ExportEvent>, title: string): AsyncGenerator<string> {
  yield `{"title":${JSON.stringify({ text: { headline: html(title), text: '<p>Diplomatic events knowledge base</p>' } })},"events":[\n`;
  let first = true;
  for await (const event of events) {
    yield `${first ? '' : ',\n'}${JSON.stringify(timelineSlide(event))}`;
    first = false;
  }
  yield '\n]}\n';
}
