import { Neo4jError } from 'neo4j-driver';

/** The database did not answer within the deadline: slow, or frozen. */
export class DatabaseTimeoutError extends Error {
  constructor(ms: number) {
    super(`The database did not answer within ${ms} ms`);
    this.name = 'DatabaseTimeoutError';
  }
}

/** Errors that mean "the database cannot answer now", as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseTimeoutError) return true;
  if (!(error instanceof Neo4jError)) return false;
  return (
    error.code === 'ServiceUnavailable' ||
    error.code === 'SessionExpired' ||
    error.code.startsWith('Neo.TransientError') ||
    error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    error.message.startsWith('Connection acquisition timed out')
  );
}

/** Errors that mean "the database is reachable but did not answer in time": a 503 to retry shortly. */
export function isDatabaseSlow(error: unknown): boolean {
  if (error instanceof DatabaseTimeoutError) return true;
  return error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/**
 * Transient transaction errors (a deadlock between two writes touching the same actors, a lock wait cut
 * short): Neo4j rolled the transaction back, and writing it again is the remedy. A database that is down
 * is not one of them: that must stay a fast 503.
 */
export const isLockConflict = (error: unknown): boolean => error instanceof Neo4jError && error.code.startsWith('Neo.TransientError.Transaction.');
