import { Router } from 'express';
import type { Db } from '../db/query';
import { sendAs } from '../http/respond';
import { Graph, GraphQuery } from './graph.schemas';
import { getGraph } from './graph.service';

export function graphApi(db: Db): Router {
  return Router().get('/graph', async (req, res) => {
    sendAs(res, Graph, await getGraph(db, GraphQuery.parse(req.query)));
  });
}
