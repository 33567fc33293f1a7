import type { Figures } from '../../domain/model';

/** A count the sentence gives: "approximately 1,200 political prisoners" → 1200, "political prisoners", approximate. */
export interface FigureMention {
  figures: Figures;
  index: number;
  end: number;
}

/** Numbers written as words, as news prose writes small counts. */
export const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

const APPROXIMATE = String.raw`approximately|about|around|roughly|nearly|almost|some|over|more than|at least|up to|an estimated|estimated|close to|fewer than|less than|just over|just under`;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?|${Object.keys(WORD_NUMBERS).join('|')}`;
const FIGURE = new RegExp(String.raw`\b(?:(${APPROXIMATE})\s+)?(${NUMBER})\s+((?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*)`, 'gi');

/** Counted things are people or things, never spans of time or ranks. */
const NOT_UNITS = new Set(
  `days day weeks week months month years year decades decade hours hour minutes times rounds round percent per cent
  kilometres kilometers miles km metres meters dollars euros points`.split(/\s+/),
);
const STOP_WORDS = new Set(
  `of in on at who that which had have has were was are is remain remained and or to for from with by since during
  after before as the a an their its his her this these those were been being will would could`.split(/\s+/),
);
const UNCOUNTED_PLURALS = new Set(['people', 'personnel', 'staff', 'police', 'children', 'men', 'women', 'crew']);

export function findFigures(text: string): FigureMention[] {
  const found: FigureMention[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const [whole, approximator, number = '', tail = ''] = match;
    if (isDatePart(text, match.index ?? 0, number)) continue;
    const unit = unitOf(tail);
    const count = parseCount(number);
    if (!unit || count === null) continue;
    const index = match.index ?? 0;
    const figures: Figures = { count, unit };
    if (approximator) figures.approximate = true;
    found.push({ figures, index, end: index + whole.length - (tail.length - unitLength(tail, unit)) });
  }
  return found;
}

/** The counted noun phrase: words up to and including the first plural noun ("political prisoners"). */
function unitOf(tail: string): string | null {
  const words = tail.split(/\s+/);
  const kept: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (STOP_WORDS.has(lower) || NOT_UNITS.has(lower)) return null;
    kept.push(word);
    if (isPlural(lower)) return kept.join(' ');
  }
  return null;
}

function unitLength(tail: string, unit: string): number {
  return tail.indexOf(unit) + unit.length;
}

function isPlural(word: string): boolean {
  return UNCOUNTED_PLURALS.has(word) || (/[a-z]s$/.test(word) && !/(ss|us|is)$/.test(word));
}

function parseCount(number: string): number | null {
  const lower = number.toLowerCase();
  if (lower in WORD_NUMBERS) return WORD_NUMBERS[lower] ?? null;
  const scale = /million/.test(lower) ? 1_000_000 : /thousand/.test(lower) ? 1000 : 1;
  const value = Number.parseFloat(lower.replace(/,/g, '')) * scale;
  return Number.isFinite(value) ? Math.round(value) : null;
}

/** "December 13, 2025" and "2020 presidential election" hold numbers that count nothing. */
function isDatePart(text: string, index: number, number: string): boolean {
  const before = text.slice(Math.max(0, index - 12), index);
  return (
    /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$/.test(
      before,
    ) || /^(1[89]|20)\d\d$/.test(number)
  );
}
