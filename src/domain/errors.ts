import type { z } from 'zod';

/**
 * Errors that say what went wrong in the terms of the knowledge base, not of a transport: the web edge
 * (src/http/errors.ts) turns them into statuses, the command line (src/cli/errors.ts) into exit codes.
 */

/** An id that names nothing. */
export class NotFoundError extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`No ${what} with id "${id}"`);
    this.name = 'NotFoundError';
  }
}

/** A value the knowledge base cannot take, with the field that holds it (`cursor`, `events[2].date`). */
export class InvalidError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidError';
  }
}

/** A write that would contradict what is stored (an id taken by something else). Nothing was written. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Something the one asking may not do (an editor managing users). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** One reason a facts file (or a record of an imported file) was refused: which file, where in it, and why. */
export interface FileProblem {
  file: string;
  path: string;
  reason: string;
}

export class FactsValidationError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(
      `Refused ${problems.length} problem(s) in facts files; nothing was loaded:\n` +
        problems.map((p) => `  ${p.file}: ${p.path || '(file)'}: ${p.reason}`).join('\n'),
    );
    this.name = 'FactsValidationError';
  }
}

/** `events[3].date.start`: the form people read in error messages. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('');
}

/** A schema's complaints about one file, as file problems. */
export function zodProblems(file: string, error: z.ZodError): FileProblem[] {
  return error.issues.map((issue) => ({ file, path: formatPath(issue.path), reason: issue.message }));
}
