import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How long the work of one request may still wait for the database: its turn in the queue (db/gate.ts) and its
 * queries together. A reachable database that is slow (cold caches after a restart, a burst of load) is waited
 * for up to the budget; only a database that cannot be reached fails fast (the driver's connection timeouts).
 * The web edge opens a budget per request; work outside a request (the command line, the warm-up) has none,
 * and each of its queries gets the handle's own deadline.
 */
const deadlines = new AsyncLocalStorage<number>();

export function withBudget<T>(ms: number, work: () => T): T {
  return deadlines.run(Date.now() + ms, work);
}

/** Milliseconds left in the current request's budget, or undefined outside a request. */
export function remainingBudgetMs(): number | undefined {
  const deadline = deadlines.getStore();
  return deadline === undefined ? undefined : deadline - Date.now();
}

/** When the current request's budget runs out (ms since the epoch), or undefined outside a request. */
export function budgetDeadline(): number | undefined {
  return deadlines.getStore();
}

/** Runs `work` outside any request's budget (work that outlives the request that started it). */
export function outsideBudget<T>(work: () => T): T {
  return deadlines.exit(work);
}
