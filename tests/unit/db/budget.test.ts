import { outsideBudget, remainingBudgetMs, withBudget } from '../../../src/db/budget';

test('a budget is what is left of it, in the work it was given to and in what that work awaits', async () => {
  expect(remainingBudgetMs()).toBeUndefined();
  await withBudget(1_000, async () => {
    expect(remainingBudgetMs()).toBeGreaterThan(900);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const left = remainingBudgetMs() ?? Number.NaN;
    expect(left).toBeLessThanOrEqual(945);
    expect(left).toBeGreaterThan(500);
  });
  expect(remainingBudgetMs()).toBeUndefined();
});

test('an inner budget (a route that must answer sooner) applies within it, and work outside any budget has none', async () => {
  await withBudget(10_000, async () => {
    await withBudget(100, async () => expect(remainingBudgetMs()).toBeLessThanOrEqual(100));
    expect(remainingBudgetMs()).toBeGreaterThan(9_000);
    await outsideBudget(async () => expect(remainingBudgetMs()).toBeUndefined());
  });
});
