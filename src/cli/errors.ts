import { Neo4jError } from 'neo4j-driver';
import { z } from 'zod';
import { BackupFileError } from '../backup/backup.service';
import { isDatabaseUnavailable } from '../db/errors';
import { ConflictError, FactsValidationError, formatPath, InvalidError, NotFoundError } from '../domain/errors';

/** What a failed command prints, and its exit status: 2 for a bad invocation, 1 for anything else. */
export function describeCliError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof z.ZodError) {
    const lines = error.issues.map((issue) => `  --${formatPath(issue.path) || 'option'}: ${issue.message}`);
    return { message: `Invalid options:\n${lines.join('\n')}`, exitCode: 2 };
  }
  if (error instanceof InvalidError) return { message: `Invalid options:\n  --${error.path}: ${error.message}`, exitCode: 2 };
  if (error instanceof FactsValidationError || error instanceof BackupFileError || error instanceof NotFoundError || error instanceof ConflictError) {
    return { message: error.message, exitCode: 1 };
  }
  if (isDatabaseUnavailable(error)) return { message: `The database is not reachable: ${(error as Error).message}`, exitCode: 1 };
  if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Security.Unauthorized') {
    return { message: `The database refused the user name or password (NEO4J_USER, NEO4J_PASSWORD): ${error.message}`, exitCode: 1 };
  }
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT') return { message: error.message, exitCode: 1 };
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error), exitCode: 1 };
}
