/**
 * An article's text cut into paragraphs and runs, so a page can highlight every sentence that backs a fact
 * and link it to its events. Pure: the text stays text, the view escapes it.
 */
export interface EventMention {
  id: string;
  title: string;
  typeLabel: string;
}

export interface QuoteSpan {
  start: number;
  end: number;
  event: EventMention;
}

export interface Run {
  text: string;
  /** Events this run backs; empty for plain text. */
  events: EventMention[];
  /** Anchor ids of quotes that begin with this run (`q-<offset>`). */
  anchors: string[];
}

export interface Paragraph {
  heading: boolean;
  runs: Run[];
}

/** A short line that does not end like a sentence is a section heading of the article. */
const isHeading = (line: string) => line.length < 100 && !/[.!?:;,"'”’)]$/.test(line.trim());

export const quoteAnchor = (start: number) => `q-${start}`;

export function paragraphsOf(text: string, spans: readonly QuoteSpan[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    const end = start + line.length;
    offset = end + 1;
    if (line.trim() === '') continue;
    const inside = spans.filter((s) => s.start < end && s.end > start && s.start >= 0);
    const cuts = new Set([start, end]);
    for (const s of inside) {
      cuts.add(Math.max(s.start, start));
      cuts.add(Math.min(s.end, end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const runs: Run[] = [];
    for (let i = 0; i + 1 < points.length; i += 1) {
      const a = points[i] as number;
      const b = points[i + 1] as number;
      const covering = inside.filter((s) => s.start <= a && s.end >= b);
      const events = dedupe(covering.map((s) => s.event));
      const anchors = [...new Set(inside.filter((s) => s.start === a).map((s) => quoteAnchor(s.start)))];
      const previous = runs[runs.length - 1];
      if (previous && anchors.length === 0 && sameEvents(previous.events, events)) previous.text += text.slice(a, b);
      else runs.push({ text: text.slice(a, b), events, anchors });
    }
    paragraphs.push({ heading: inside.length === 0 && isHeading(line), runs });
  }
  return paragraphs;
}

function dedupe(events: EventMention[]): EventMention[] {
  const seen = new Map(events.map((e) => [e.id, e]));
  return [...seen.values()];
}

const sameEvents = (a: EventMention[], b: EventMention[]) => a.length === b.length && a.every((e, i) => e.id === b[i]?.id);

/** The paragraph around a quote, cut into the text before it, the quote, and the text after it. */
export function quoteInContext(text: string, quote: string): { before: string; quote: string; after: string; start: number } | null {
  const start = text.indexOf(quote);
  if (start < 0) return null;
  const paragraphStart = text.lastIndexOf('\n', start) + 1;
  const next = text.indexOf('\n', start + quote.length);
  const paragraphEnd = next < 0 ? text.length : next;
  return {
    before: text.slice(paragraphStart, start),
    quote,
    after: text.slice(start + quote.length, paragraphEnd),
    start,
  };
}
