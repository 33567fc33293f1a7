import { requireActor } from '../actors/actors.service';
import { cursorKeys } from '../db/keyset';
import type { Db } from '../db/query';
import { pageFrom } from '../domain/cursor';
import { TAXONOMY } from '../domain/taxonomy';
import { WHO_DID_WHAT_ORDER, whoDidWhat } from './who-did-what.repository';
import type { WhoDidWhatAnswer, WhoDidWhatQuery } from './who-did-what.schemas';

/** Who did what to whom, when: a page of the events matching the question, each read agent side → type → target side. */
export async function answer(db: Db, query: WhoDidWhatQuery): Promise<WhoDidWhatAnswer> {
  const after = cursorKeys(WHO_DID_WHAT_ORDER, query.cursor);
  const actor = query.actor ? await requireActor(db, query.actor) : undefined;
  const target = query.target ? await requireActor(db, query.target) : undefined;
  const anchor = actor ?? target;
  const filter = {
    actor: query.actor ?? null,
    action: query.action ?? null,
    target: query.target ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    status: query.status ?? null,
  };
  const rows = await whoDidWhat(db, filter, anchor?.id ?? null, query.limit + 1, after);
  const labelled = rows.map(({ item, keys }) => ({ item: { ...item, label: TAXONOMY[item.did].label }, keys }));
  return pageFrom(labelled, query.limit, WHO_DID_WHAT_ORDER.codec);
}
