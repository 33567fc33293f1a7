import { requireActor } from '../actors/actors.service';
import type { Db } from '../db/query';
import { TAXONOMY } from '../domain/taxonomy';
import { whoDidWhat } from './who-did-what.repository';
import type { WhoDidWhatAnswer, WhoDidWhatQuery } from './who-did-what.schemas';

/** Who did what to whom, when: the events matching the question, each read agent side → type → target side. */
export async function answer(db: Db, query: WhoDidWhatQuery): Promise<WhoDidWhatAnswer> {
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
  const rows = await whoDidWhat(db, filter, anchor ? { id: anchor.id, degree: anchor.degree } : null, query.limit);
  return { items: rows.map((row) => ({ ...row, label: TAXONOMY[row.did].label })) };
}
