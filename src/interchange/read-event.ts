import type { z } from 'zod';
import type { FileProblem } from '../domain/errors';
import { ExportEvent } from '../exports/exports.schemas';

/** A record and where it was read from (`line 3`, `row 7`), for problems to point at. */
export interface ReadEvent {
  event: ExportEvent;
  where: string;
}

/** What reading a whole file gave: the good records, and every bad line or row. */
export interface ReadResult {
  events: ReadEvent[];
  problems: FileProblem[];
}

const issueProblems = (file: string, where: string, error: z.ZodError, pathOf: (p: readonly PropertyKey[]) => string): FileProblem[] =>
  error.issues.map((issue) => ({ file, path: `${where}: ${pathOf(issue.path)}`, reason: issue.message }));

/** Checks one record against the export schema; `pathOf` names an issue's place in the file's own terms. */
export function parseEvent(file: string, where: string, input: unknown, pathOf: (p: readonly PropertyKey[]) => string): ReadEvent | FileProblem[] {
  const parsed = ExportEvent.safeParse(input);
  return parsed.success ? { event: parsed.data, where } : issueProblems(file, where, parsed.error, pathOf);
}
