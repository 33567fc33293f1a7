import { Router } from 'express';
import type { Db } from '../db/query';
import { sendAs } from '../http/respond';
import { TimelineQuery, TimelineWindow } from './timeline.schemas';
import { getWindow } from './timeline.service';

export function timelineApi(db: Db): Router {
  return Router().get('/timeline', async (req, res) => {
    sendAs(res, TimelineWindow, await getWindow(db, TimelineQuery.parse(req.query)));
  });
}
