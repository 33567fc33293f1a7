import type { RequestHandler } from 'express';
import { withBudget } from '../db/budget';

/**
 * Every API call and page gets `seconds` of database time (DB_BUDGET_S): its queries and its turns in the
 * database's queue together. Routes that need less declare their own (RouteSpec.budgetS).
 */
export const requestBudget =
  (seconds: number): RequestHandler =>
  (_req, _res, next) =>
    withBudget(seconds * 1000, () => next());
