/**
 * Runs `work` on every item with at most `limit` running at once, in order of the items, and rejects with the
 * first failure. Sequential requests leave the two cores idle on every round trip; a few at once keep the
 * app and Neo4j both busy.
 */
export async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
