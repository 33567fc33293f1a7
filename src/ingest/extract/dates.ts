import * as chrono from 'chrono-node';
import { addDays, parseDay, type Precision } from '../../domain/calendar';
import { WORD_NUMBERS } from './figures';

/**
 * Date mentions in a sentence, resolved against the article's publication date. News reports what has
 * happened, so a date without its year ("on Friday", "December 12", "in September") is the most recent such
 * day or month on or before publication. `start` is always a full ISO date (the first day of the month or year
 * for coarser precisions); `end` is set only when the sentence gives a range.
 */
export interface DraftDate {
  start: string;
  end: string | null;
  precision: Precision;
}

export interface DateMention {
  date: DraftDate;
  index: number;
  end: number;
  text: string;
}

/** `previousDay`: the last day an earlier sentence dated an event by, which "The next day, …" counts from. */
/** "July 2018 — Abiy visits Asmara", "Tuesday: …": a date opening its line as the label of what the line tells. */
export const opensAsLabel = (text: string, mention: DateMention): boolean => mention.index <= 1 && /^\s*(?:—|–|-|:)\s/.test(text.slice(mention.end));

export function findDates(text: string, publishedAt: string, previousDay: string | null = null, previousDate: DraftDate | null = null): DateMention[] {
  const relative = relativeMentions(text, publishedAt);
  const parsed = chronoMentions(text, publishedAt).filter((m) => !overlapsAny(m, relative));
  const years = yearMentions(text).filter((m) => !overlapsAny(m, [...relative, ...parsed]));
  const all = [...relative, ...parsed, ...years].sort((a, b) => a.index - b.index);
  const ranged = mergeRanges(text, all).map((m) => withFirstDay(text, m));
  return withDuration(
    text,
    withStorySteps(text, [...ranged, ...anchoredMentions(text, ranged, previousDay)], previousDate).sort((a, b) => a.index - b.index),
  ).flatMap((m) => countedFrom(text, m, publishedAt));
}

/** "Eleven years after the 2014 annexation", "two years after the war of 2008 ended": a count of years on from the date. */
const YEARS_AFTER = /\b(\d{1,2}|[a-z]+)\s+years?\s+(?:after|on from)\b[^,;.\d]{0,50}$/i;

/**
 * A date a count of years is told from dates the act at the count's end: the year it reaches, or, when that is the
 * year of publication, nothing of its own (the act is news of the reporting days, the earlier year is another event's).
 */
function countedFrom(text: string, mention: DateMention, publishedAt: string): DateMention[] {
  const from = Math.max(0, mention.index - 70);
  const before = YEARS_AFTER.exec(text.slice(from, mention.index));
  const count = before ? (WORD_NUMBERS[(before[1] ?? '').toLowerCase()] ?? Number(before[1])) : Number.NaN;
  if (!before || !Number.isInteger(count) || count <= 0) return [mention];
  const reached = Number(mention.date.start.slice(0, 4)) + count;
  if (reached >= Number(publishedAt.slice(0, 4))) return [];
  const index = from + before.index;
  return [{ date: year(String(reached)), index, end: mention.end, text: text.slice(index, mention.end) }];
}

// --- days counted from another date of the sentence: "on Monday, … the next day", "two days later" ------------

const LATER =
  /\b(?:the next day|the following day|the previous day|the same day|that day|a day (?:later|earlier)|(two|three|four|five|six|seven|\d) days (?:later|earlier)|a week (?:later|earlier))\b/gi;

/**
 * Phrases that place an act after another told just before ("told reporters afterwards", "Later that week, …", "the
 * following month"): counted from that act's date, to the span they name.
 */
const AFTER_ANOTHER: Array<{ pattern: RegExp; span: (anchor: DraftDate) => DraftDate }> = [
  {
    pattern:
      /\b(?:(?:shortly|soon|immediately) )?afterwards?\b|\blater (?:that|the same) (?:day|evening|night|afternoon)\b|\bthat (?:evening|night|afternoon)\b/gi,
    span: (a) => (a.precision === 'day' ? day(a.end ?? a.start) : a),
  },
  { pattern: /\bthe (?:next|following) (?:morning|evening)\b/gi, span: (a) => day(addDays(a.end ?? a.start, 1)) },
  { pattern: /\blater (?:that|the same) week\b/gi, span: (a) => restOfWeek(a.end ?? a.start) },
  { pattern: /\bthe (?:following|next) week\b/gi, span: (a) => weekAfter(a.end ?? a.start) },
  // "Within a day, Washington issued a licence": up to as many days after the act told before
  {
    pattern: /\bwithin (?:a|one|two|three|a few) days?\b|\bwithin days\b|\bwithin (?:a|one) week\b|\bwithin (?:24|48) hours\b/gi,
    span: (a) => (a.precision === 'day' ? { start: a.end ?? a.start, end: addDays(a.end ?? a.start, 7), precision: 'day' } : a),
  },
  { pattern: /\bhours later\b/gi, span: (a) => (a.precision === 'day' ? day(a.end ?? a.start) : a) },
  {
    pattern: /\bdays later\b/gi,
    span: (a) => (a.precision === 'day' ? { start: addDays(a.end ?? a.start, 1), end: addDays(a.end ?? a.start, 6), precision: 'day' } : a),
  },
  { pattern: /\blater (?:that|the same) month\b/gi, span: (a) => month(a.end ?? a.start) },
  { pattern: /\b(?:the (?:following|next) month|a month later)\b/gi, span: (a) => month(shiftMonths(a.start, 1)) },
  { pattern: /\b(?:the (?:following|next) year|a year later)\b/gi, span: (a) => year(String(Number(a.start.slice(0, 4)) + 1)) },
];

/** "three weeks after", "two months after", "a year after": the span back from the date told just before. */
const SPAN_BEFORE = /\b(a|one|two|three|four|five|six|seven|\d{1,2}) (day|week|month|year)s? after\b/gi;

function anchoredMentions(text: string, mentions: DateMention[], previousDay: string | null): DateMention[] {
  const found: DateMention[] = [];
  // a sentence that opens with "The next day" counts from the day the one before it told of
  // … and so does one with no date of its own before the phrase ("assailed the accord the next day")
  const earlier = (index: number) => (previousDay && (index < 25 || !mentions.some((m) => m.end <= index)) ? { date: day(previousDay) } : null);
  for (const match of text.matchAll(LATER)) {
    const index = match.index ?? 0;
    const inSentence = mentions.filter((m) => m.end <= index && m.date.precision === 'day').pop();
    const anchor = inSentence ?? earlier(index);
    if (!anchor) continue;
    const phrase = match[0].toLowerCase();
    const count = phrase.includes('week') ? 7 : match[1] ? (WORD_NUMBERS[match[1].toLowerCase()] ?? Number(match[1])) : 1;
    // "a week earlier", "the previous day": counted back
    const days = /same|that/.test(phrase) ? 0 : /earlier|previous/.test(phrase) ? -count : count;
    const date = day(addDays(anchor.date.end ?? anchor.date.start, days));
    found.push({ date, index, end: index + match[0].length, text: match[0] });
  }
  // "restored ties on Tuesday, three weeks after Santo Domingo expelled …", "Two days after Ethiopia expelled its
  // envoy, Egypt recalled its ambassador on Friday": the act after "after" is counted back from the other's day
  for (const match of text.matchAll(SPAN_BEFORE)) {
    const index = match.index ?? 0;
    const days = mentions.filter((m) => m.date.precision === 'day');
    const anchor = days.filter((m) => m.end <= index).pop() ?? (index < 3 ? days.find((m) => m.index > index) : undefined);
    if (!anchor || overlapsAny({ index, end: index + match[0].length }, found)) continue;
    const count = /^(?:a|one)$/i.test(match[1] ?? '') ? 1 : (WORD_NUMBERS[(match[1] ?? '').toLowerCase()] ?? Number(match[1]));
    const unit = (match[2] ?? '').toLowerCase();
    const from = anchor.date.start;
    const months = unit === 'year' ? 12 * count : unit === 'month' ? count : 0;
    const date = months > 0 ? month(shiftMonths(from, -months)) : day(addDays(from, unit === 'week' ? -7 * count : -count));
    found.push({ date, index, end: index + match[0].length, text: match[0] });
  }
  for (const { pattern, span } of AFTER_ANOTHER) {
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      if (overlapsAny({ index, end: index + match[0].length }, found)) continue;
      const anchor = mentions.filter((m) => m.end <= index).pop() ?? earlier(index);
      if (anchor) found.push({ date: span(anchor.date), index, end: index + match[0].length, text: match[0] });
    }
  }
  return found;
}

/** A day's place in its Monday-to-Sunday week: Monday 0, Sunday 6. */
const weekdayOf = (isoDate: string) => (parseDay(isoDate).getUTCDay() + 6) % 7;

/** The Monday-to-Sunday week after a day's: "the following week". */
function weekAfter(isoDate: string): DraftDate {
  const weekday = weekdayOf(isoDate);
  const monday = addDays(isoDate, 7 - weekday);
  return { start: monday, end: addDays(monday, 6), precision: 'day' };
}

/** The days after a day to the Sunday of its week: "later that week". */
function restOfWeek(isoDate: string): DraftDate {
  const weekday = weekdayOf(isoDate);
  if (weekday === 6) return day(isoDate);
  return { start: addDays(isoDate, 1), end: addDays(isoDate, 6 - weekday), precision: 'day' };
}

// --- relative expressions chrono resolves differently from how news uses them -------------------------------

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December)`;
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** A weekday alone, as news dates a statement ("on Monday"): no "next", "last" or date with it. */
export const BARE_WEEKDAY = new RegExp(`^(?:on\\s+)?(?:${WEEKDAY_NAMES.join('|')})$`, 'i');
const monthNumber = (name: string) => MONTH_NAMES.indexOf(name.toLowerCase()) + 1;

/**
 * A story told in order: "Two years later, …", "That December, …", "the same year" count from the date the sentence
 * before gave its event (of any precision), when this one has none before the phrase.
 */
const STORY_STEPS: Array<{ pattern: RegExp; span: (anchor: DraftDate, match: RegExpMatchArray) => DraftDate }> = [
  {
    pattern: /\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years later\b/gi,
    span: (a, m) => year(String(Number(a.start.slice(0, 4)) + (WORD_NUMBERS[(m[1] ?? '').toLowerCase()] ?? Number(m[1])))),
  },
  { pattern: /\b(?:that|the same) year\b/gi, span: (a) => year(a.start.slice(0, 4)) },
  {
    pattern: new RegExp(String.raw`\b(?:that|the same)\s+${MONTH}\b`, 'gi'),
    span: (a, m) => month(iso(Number(a.start.slice(0, 4)), monthNumber(m[1] ?? ''), 1)),
  },
];

/** Does the text take a story's next step ("Two years later", "That December")? */
export function hasStoryStep(text: string): boolean {
  return STORY_STEPS.some(({ pattern }) => new RegExp(pattern.source, 'i').test(text));
}

/** The mentions with each story step in place of what it holds ("That December" for the December of publication). */
function withStorySteps(text: string, mentions: DateMention[], previousDate: DraftDate | null): DateMention[] {
  if (!previousDate) return mentions;
  const steps: DateMention[] = [];
  for (const { pattern, span } of STORY_STEPS) {
    for (const match of text.matchAll(pattern)) {
      const step = { date: span(previousDate, match), index: match.index ?? 0, end: (match.index ?? 0) + match[0].length, text: match[0] };
      if (!mentions.some((m) => m.end <= step.index)) steps.push(step);
    }
  }
  return [...mentions.filter((m) => !overlapsAny(m, steps)), ...steps];
}

/** "in March last year", "January of this year": the month of the year named by its place from publication. */
function monthOfYear(published: string, match: RegExpMatchArray): DraftDate {
  const shift = { last: -1, this: 0, next: 1 }[(match[2] ?? '').toLowerCase() as 'last' | 'this' | 'next'];
  return month(iso(Number(published.slice(0, 4)) + shift, monthNumber(match[1] ?? ''), 1));
}

/** "on Wednesday last week": that day of the week before the week of publication. */
function weekdayLastWeek(published: string, match: RegExpMatchArray): DraftDate {
  return day(addDays(lastWeek(published).start, WEEKDAY_NAMES.indexOf((match[1] ?? '').toLowerCase())));
}

/** "on the 12th": that day of the month of publication, or of the month before when it is still to come. */
function dayOfMonth(published: string, match: RegExpMatchArray): DraftDate {
  const onDay = (first: string) => `${first.slice(0, 8)}${String(Number(match[1])).padStart(2, '0')}`;
  const here = onDay(published);
  return day(here <= published ? here : onDay(shiftMonths(published, -1)));
}

/** The relative phrases, most specific first: a phrase inside one found before it is not read again. */
const RELATIVE: Array<{ pattern: RegExp; resolve: (published: string, match: RegExpMatchArray) => DraftDate }> = [
  { pattern: new RegExp(String.raw`\b${MONTH}\s+(?:of\s+)?(last|this|next)\s+year\b`, 'gi'), resolve: monthOfYear },
  { pattern: /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:of\s+)?last week\b/gi, resolve: weekdayLastWeek },
  // chrono reads "mid-March 2019" but not "mid-May" alone
  {
    pattern: new RegExp(String.raw`\b(?:mid|early|late)-${MONTH}\b(?!,?\s+\d)`, 'gi'),
    resolve: (p, m) => month(latestNotAfter(p, (y) => iso(y, monthNumber(m[1] ?? ''), 1))),
  },
  { pattern: /\b(?<=(?:on|since|by|until|from)\s+the\s+)(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\b|[a-z]))/gi, resolve: dayOfMonth },
  { pattern: /\ba fortnight ago\b/gi, resolve: (p) => day(addDays(p, -14)) },
  { pattern: /\ba year ago\b/gi, resolve: (p) => month(shiftMonths(p, -12)) },
  { pattern: /\b(?:this|the) past weekend\b/gi, resolve: (p) => lastWeekend(p) },
  { pattern: /\blast week\b/gi, resolve: lastWeek },
  { pattern: /\b(?:last|previous) month\b/gi, resolve: (p) => month(shiftMonths(p, -1)) },
  { pattern: /\b(?:earlier )?this month\b/gi, resolve: (p) => month(p) },
  { pattern: /\b(?:last|previous) year\b/gi, resolve: (p) => year(String(Number(p.slice(0, 4)) - 1)) },
  { pattern: /\b(?:earlier )?this year\b/gi, resolve: (p) => year(p.slice(0, 4)) },
  { pattern: /\byesterday\b/gi, resolve: (p) => day(addDays(p, -1)) },
  // a bulletin's "overnight": the night before it went out
  { pattern: /\bovernight\b/gi, resolve: (p) => ({ start: addDays(p, -1), end: p, precision: 'day' }) },
  { pattern: /\btoday\b/gi, resolve: (p) => day(p) },
  { pattern: /\b(?:earlier )?this week\b/gi, resolve: (p) => thisWeek(p) },
  { pattern: /\b(?:over|at) the weekend\b/gi, resolve: (p) => lastWeekend(p) },
  // chrono reads "Last weekend" but drops the lower-case form as vague
  { pattern: /\blast weekend\b/gi, resolve: (p) => lastWeekend(addDays(p, -1)) },
];

function relativeMentions(text: string, publishedAt: string): DateMention[] {
  const mentions: DateMention[] = [];
  for (const { pattern, resolve } of RELATIVE) {
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      const found = { date: resolve(publishedAt, match), index, end: index + match[0].length, text: match[0] };
      if (!overlapsAny(found, mentions)) mentions.push(found);
    }
  }
  return mentions;
}

/** The days of the week of publication up to it: "this week". */
function thisWeek(published: string): DraftDate {
  const weekday = weekdayOf(published);
  return weekday === 0 ? day(published) : { start: addDays(published, -weekday), end: published, precision: 'day' };
}

/** The Saturday and Sunday on or before publication: "over the weekend". */
function lastWeekend(published: string): DraftDate {
  const sinceSaturday = (parseDay(published).getUTCDay() + 1) % 7; // Saturday = 0
  const saturday = addDays(published, -sinceSaturday);
  return sinceSaturday === 0 ? day(saturday) : { start: saturday, end: addDays(saturday, 1) < published ? addDays(saturday, 1) : published, precision: 'day' };
}

/** The Monday-to-Sunday week before the week of publication. */
function lastWeek(published: string): DraftDate {
  const weekday = weekdayOf(published);
  const monday = addDays(published, -weekday - 7);
  return { start: monday, end: addDays(monday, 6), precision: 'day' };
}

// --- absolute dates and weekdays, through chrono ------------------------------------------------------------

/** Phrases dated against another event ("a day after the raid"), not against publication. */
const ANCHORED_ELSEWHERE = /\b(after|before|later|earlier|following|prior)\b/i;

function chronoMentions(text: string, publishedAt: string): DateMention[] {
  const instant = new Date(`${publishedAt}T12:00:00Z`);
  const mentions: DateMention[] = [];
  for (const result of chrono.parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
    if (ANCHORED_ELSEWHERE.test(result.text) || isVague(result.text)) continue;
    const before = text.slice(Math.max(0, result.index - 60), result.index);
    const start = PLANNED_BEFORE.test(before)
      ? plannedMonth(result.start, publishedAt)
      : EFFECT_BEFORE.test(before)
        ? nearest(publishedAt, [plannedMonth(result.start, publishedAt), resolveComponents(result.start, result.text, publishedAt)])
        : resolveComponents(result.start, result.text, publishedAt);
    if (!start) continue;
    const end = result.end ? resolveComponents(result.end, result.text, publishedAt) : null;
    const date: DraftDate = { start: start.start, end: end ? end.start : null, precision: start.precision };
    mentions.push({ date, index: result.index, end: result.index + result.text.length, text: result.text });
  }
  return mentions;
}

/**
 * "agreed to meet again in September", "due to meet on December 10", "will travel to Moscow in May": a date inside a
 * plan's infinitive or a future is the coming one; so is a deadline ("if the fighting did not stop by August"). Not "lifted curbs on exports to South Korea in
 * March": a "to" before a name or an article is a preposition, not an infinitive.
 */
const PLANNED_BEFORE =
  /\bto\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those)\b)[a-z][\w'’-]*\s+(?:[\w'’-]+\s+){0,6}?(?:in|on|by|before|until)\s+$|\b(?:will|shall|would|['’]ll)\s+(?:[\w'’-]+\s+){1,7}?(?:in|on|by|before|until)\s+$|\b(?:by|until)\s+(?:the\s+(?:end\s+of\s+)?)?$/;

/** "banned imports of EU food from July 1", "takes effect on May 3": the day a measure takes effect, near publication. */
const EFFECT_BEFORE =
  /\b(?:effective|starting|beginning|as\s+of|(?:with|take|takes|took|taking)\s+effect\s+(?:from|on)|(?:imports|exports|flights|entry|sales|transit)\s+[^,.;]{0,40}?\bfrom)\s+$/i;

function plannedMonth(components: chrono.ParsedComponents, published: string): DraftDate | null {
  const certain = (c: 'day' | 'month' | 'year') => components.isCertain(c);
  if (!certain('month') || certain('year')) return resolveComponents(components, '', published);
  const m = components.get('month') ?? 1;
  const y = Number(published.slice(0, 4));
  if (certain('day')) {
    const d = components.get('day') ?? 1;
    return day(iso(y, m, d) > published ? iso(y, m, d) : iso(y + 1, m, d));
  }
  const candidate = iso(y, m, 1);
  return month(candidate.slice(0, 7) > published.slice(0, 7) ? candidate : iso(y + 1, m, 1));
}

/** Of a date's readings, the one nearest to publication. */
function nearest(published: string, readings: Array<DraftDate | null>): DraftDate | null {
  const distance = (d: DraftDate) => Math.abs(parseDay(d.start).getTime() - parseDay(published).getTime());
  return readings.filter((d): d is DraftDate => d !== null).sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

/**
 * Dates are written with a capital (a month, a weekday) or a digit; lower-case words chrono also reads as dates
 * ("may", "now", "tonight") are a modal verb or carry no date worth keeping. "two days ago" does.
 */
function isVague(phrase: string): boolean {
  return !/[A-Z0-9]/.test(phrase) && !/\bago\b/i.test(phrase);
}

function resolveComponents(components: chrono.ParsedComponents, phrase: string, published: string): DraftDate | null {
  const certain = (c: 'day' | 'month' | 'year' | 'weekday') => components.isCertain(c);
  if (certain('weekday') && !certain('day') && !certain('month')) {
    return day(weekdayNear(published, components.get('weekday') ?? 0, phrase));
  }
  if (!certain('month')) return null; // times of day, "this week" and the like carry no date of their own
  const y = components.get('year') ?? Number(published.slice(0, 4));
  const m = components.get('month') ?? 1;
  if (certain('day')) {
    const d = components.get('day') ?? 1;
    return day(certain('year') ? iso(y, m, d) : latestNotAfter(published, (yy) => iso(yy, m, d)));
  }
  return month(certain('year') ? iso(y, m, 1) : latestNotAfter(published, (yy) => iso(yy, m, 1)));
}

/** The given weekday nearest before publication ("on Saturday"), or after it when the phrase says "next". */
function weekdayNear(published: string, weekday: number, phrase: string): string {
  const publishedWeekday = parseDay(published).getUTCDay();
  if (/\bnext\b|\bcoming\b/i.test(phrase)) {
    return addDays(published, (weekday - publishedWeekday + 7) % 7 || 7);
  }
  const back = (publishedWeekday - weekday + 7) % 7;
  return addDays(published, -(back === 0 && /\blast\b/i.test(phrase) ? 7 : back));
}

function latestNotAfter(published: string, build: (year: number) => string): string {
  const y = Number(published.slice(0, 4));
  const candidate = build(y);
  return candidate <= published ? candidate : build(y - 1);
}

// --- bare years: "in 2020", "the 2020 presidential election" --------------------------------------------------

function yearMentions(text: string): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(/\b(1[89]\d{2}|20\d{2})\b(?!s|-\d|\s*(?:percent|per cent|people|prisoners))/g)) {
    const index = match.index ?? 0;
    mentions.push({ date: year(match[1] ?? ''), index, end: index + match[0].length, text: match[0] });
  }
  return mentions;
}

// --- ranges and durations ---------------------------------------------------------------------------------

const RANGE_JOINER = /^\s*(?:,\s*)?(?:and|to|through|until|till|-|–|—)\s*(?:on\s+)?$/i;

/** "on Friday, December 12, and Saturday, December 13, 2025" is one span, not two dates. */
function mergeRanges(text: string, mentions: DateMention[]): DateMention[] {
  const merged: DateMention[] = [];
  for (const mention of mentions) {
    const previous = merged[merged.length - 1];
    if (previous && canJoin(text, previous, mention)) {
      const last = mention.date.end ?? mention.date.start;
      const start = previous.date.start <= last ? previous.date.start : shiftYear(previous.date.start, -1);
      merged[merged.length - 1] = {
        date: { start, end: last, precision: previous.date.precision },
        index: previous.index,
        end: mention.end,
        text: text.slice(previous.index, mention.end),
      };
    } else {
      merged.push(mention);
    }
  }
  return merged;
}

/** "between 10 and 12 June", "on 9 and 10 June": the bare day before the date opens its span. */
function withFirstDay(text: string, mention: DateMention): DateMention {
  const before = /\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*$/.exec(text.slice(Math.max(0, mention.index - 12), mention.index));
  if (!before || mention.date.precision !== 'day' || mention.date.end !== null || !/^\d/.test(mention.text)) return mention;
  const first = `${mention.date.start.slice(0, 8)}${(before[1] ?? '').padStart(2, '0')}`;
  if (first >= mention.date.start) return mention;
  const index = mention.index - before[0].length;
  return { date: { start: first, end: mention.date.start, precision: 'day' }, index, end: mention.end, text: text.slice(index, mention.end) };
}

function canJoin(text: string, a: DateMention, b: DateMention): boolean {
  return a.date.precision === b.date.precision && a.date.end === null && RANGE_JOINER.test(text.slice(a.end, b.index));
}

/** "arrived on Wednesday for a two-day visit": the span runs from that day for as many days. */
function withDuration(text: string, mentions: DateMention[]): DateMention[] {
  const match = /\b(two|three|four|five|six|seven|\d)[- ]day\b|\b(two|three|four|five|six|seven|\d) days of\b/i.exec(text);
  if (!match || mentions.length !== 1) return mentions;
  const word = (match[1] ?? match[2] ?? '').toLowerCase();
  const days = WORD_NUMBERS[word] ?? Number(word);
  return mentions.map((m) =>
    m.date.precision === 'day' && m.date.end === null && days > 1 ? { ...m, date: { ...m.date, end: addDays(m.date.start, days - 1) } } : m,
  );
}

// --- small calendar helpers (UTC, ISO strings) ------------------------------------------------------------

function shiftMonths(isoDate: string, months: number): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return iso(Math.floor(index / 12), (index % 12) + 1, 1);
}

function shiftYear(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const day = (isoDate: string): DraftDate => ({ start: isoDate, end: null, precision: 'day' });
const month = (isoDate: string): DraftDate => ({ start: `${isoDate.slice(0, 7)}-01`, end: null, precision: 'month' });
const year = (y: string): DraftDate => ({ start: `${y}-01-01`, end: null, precision: 'year' });

function overlapsAny(m: { index: number; end: number }, others: Array<{ index: number; end: number }>): boolean {
  return others.some((o) => m.index < o.end && o.index < m.end);
}

/** Last day a draft date covers: its end, or the end of its day, month or year. */
export function lastDayOf(date: DraftDate): string {
  if (date.end) return date.end;
  if (date.precision === 'day') return date.start;
  if (date.precision === 'year') return `${date.start.slice(0, 4)}-12-31`;
  return addDays(shiftMonths(date.start, 1), -1);
}

export function overlaps(a: DraftDate, b: DraftDate): boolean {
  return a.start <= lastDayOf(b) && b.start <= lastDayOf(a);
}
