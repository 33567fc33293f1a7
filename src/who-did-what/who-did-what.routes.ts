import { Router } from 'express';
import type { Db } from '../db/query';
import { TAXONOMY } from '../domain/taxonomy';
import { requireActor } from '../actors/actors.service';
import { whoDidWhat } from './who-did-what.repository';
import { sendAs } from '../http/respond';
import { WhoDidWhatAnswer, WhoDidWhatQuery } from './who-did-what.schemas';

export function whoDidWhatApi(db: Db): Router {
  return Router().get('/who-did-what', async (req, res) => {
    const query = WhoDidWhatQuery.parse(req.query);
    for (const id of [query.actor, query.target]) if (id) await requireActor(db, id);
    const filter = {
      actor: query.actor ?? null,
      action: query.action ?? null,
      target: query.target ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
    };
    const rows = await whoDidWhat(db, filter, query.limit);
    sendAs(res, WhoDidWhatAnswer, { items: rows.map((row) => ({ ...row, label: TAXONOMY[row.did].label })) });
  });
}
