import sbd from 'sbd';

/** A sentence with its character offsets: `text` is always `source.slice(start, end)`. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** A line without closing punctuation, such as a subheading: it reports nothing. */
  heading: boolean;
}

/**
 * Words that follow an initialism inside one sentence ("the U.S. Secretary of State"). sbd ends a sentence
 * after "U.S." whenever a capital follows; these say it should not.
 */
const NOT_SENTENCE_STARTS = new Set(
  `Secretary President Ambassador Embassy Envoy Special State Department Army Navy Air Senate Congress Treasury
  Government Military Forces Attorney Vice Deputy Defense Defence Foreign Trade Representative Mission Consulate
  Security Council General Assembly Administration Officials`.split(/\s+/),
);
const ENDS_WITH_INITIALISM = /(?:^|\s)(?:[A-Z]\.){2,}$/;
const CLOSES_SENTENCE = /[.!?]["'”’)\]]*$|["”’]$/;

export function splitSentences(source: string): Sentence[] {
  const pieces = mergeInitialismSplits(sbd.sentences(source, { newline_boundaries: true, sanitize: false }));
  return locate(source, pieces);
}

function mergeInitialismSplits(pieces: string[]): string[] {
  const merged: string[] = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    const firstWord = /^\S+/.exec(piece)?.[0] ?? '';
    if (previous !== undefined && ENDS_WITH_INITIALISM.test(previous) && NOT_SENTENCE_STARTS.has(firstWord)) {
      merged[merged.length - 1] = `${previous} ${piece}`;
    } else {
      merged.push(piece);
    }
  }
  return merged;
}

/**
 * Finds each piece in the source, in order. sbd may normalise the whitespace between two merged pieces, so a
 * piece that is not found verbatim is matched with flexible whitespace.
 */
function locate(source: string, pieces: string[]): Sentence[] {
  const sentences: Sentence[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (trimmed.length === 0) continue;
    const found = findFrom(source, trimmed, cursor);
    if (!found) continue;
    const text = source.slice(found.start, found.end);
    sentences.push({ text, start: found.start, end: found.end, heading: isHeading(source, found.start, found.end, text) });
    cursor = found.end;
  }
  return sentences;
}

function findFrom(source: string, piece: string, from: number): { start: number; end: number } | null {
  const exact = source.indexOf(piece, from);
  if (exact >= 0) return { start: exact, end: exact + piece.length };
  const pattern = new RegExp(piece.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

function isHeading(source: string, start: number, end: number, text: string): boolean {
  const ownLine = (start === 0 || source[start - 1] === '\n') && (end === source.length || source[end] === '\n' || source[end] === '\r');
  return ownLine && !CLOSES_SENTENCE.test(text.trim());
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
