import { formatPath, type FileProblem } from '../domain/errors';
import { ploverToEventInput } from '../exports/plover';
import { parseEvent, type ReadEvent, type ReadResult } from './read-event';
import { numberedLines } from './read-lines';

/** Reads PLOVER lines (JSONL) one at a time; every bad line is reported, none is thrown on. */
export async function readPloverFile(file: string): Promise<ReadResult> {
  const events: ReadEvent[] = [];
  const problems: FileProblem[] = [];
  for await (const { line, number } of numberedLines(file)) {
    const result = readLine(file, line, `line ${number}`);
    if (Array.isArray(result)) problems.push(...result);
    else events.push(result);
  }
  return { events, problems };
}

function readLine(file: string, line: string, where: string): ReadEvent | FileProblem[] {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return [{ file, path: where, reason: `not valid JSON: ${(error as Error).message}` }];
  }
  const { input, problem } = ploverToEventInput(json);
  if (problem) return [{ file, path: where, reason: problem }];
  return parseEvent(file, where, input, (p) => (p[0] === 'id' ? 'id' : `kb.${formatPath(p)}`));
}
