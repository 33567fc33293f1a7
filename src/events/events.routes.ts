import { Router } from 'express';
import type { Db } from '../db/query';
import { IdParams } from '../api/common.schemas';
import { sendAs } from '../http/respond';
import { EventDetail, EventPage, EventsQuery } from './events.schemas';
import * as service from './events.service';

export function eventsApi(db: Db): Router {
  return Router()
    .get('/events', async (req, res) => {
      sendAs(res, EventPage, await service.listEvents(db, EventsQuery.parse(req.query)));
    })
    .get('/events/:id', async (req, res) => {
      sendAs(res, EventDetail, await service.getEvent(db, IdParams.parse(req.params).id));
    });
}
