import { read, type Db } from '../db/query';

const COUNTS = `
  RETURN COUNT { (:Event) } AS events, COUNT { (:Actor) } AS actors, COUNT { (:Article) } AS articles`;

/** How many events, actors and articles the database holds: from its count store, one short query. */
export async function readCounts(db: Db): Promise<{ events: number; actors: number; articles: number }> {
  const [counts] = await read<{ events: number; actors: number; articles: number }>(db, COUNTS);
  return counts ?? { events: 0, actors: 0, articles: 0 };
}
