/** Time spent extracting one article, and how many sentences it has. */
export interface Timing {
  sentences: number;
  ms: number;
}

export interface SpeedFigures {
  articles: number;
  sentences: number;
  ms: number;
  msPerSentence: number;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function figures(timings: Timing[]): SpeedFigures {
  const sentences = timings.reduce((n, t) => n + t.sentences, 0);
  const ms = timings.reduce((n, t) => n + t.ms, 0);
  return { articles: timings.length, sentences, ms: round(ms, 1), msPerSentence: sentences === 0 ? 0 : round(ms / sentences, 3) };
}

/** Cold is the first article, start-up of the extractor included; warm the rest, in the order they ran. */
export function speedOf(timings: Timing[]): { cold: SpeedFigures; warm: SpeedFigures } {
  return { cold: figures(timings.slice(0, 1)), warm: figures(timings.slice(1)) };
}
