import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db/query';
import { IdParams, Limit } from '../api/common.schemas';
import { sendAs } from '../http/respond';
import { ActorDetail, ActorList, ActorsQuery, RelationshipList } from './actors.schemas';
import * as service from './actors.service';

export const RelationshipsQuery = z.strictObject({ limit: Limit(25, 200) });

export function actorsApi(db: Db): Router {
  return Router()
    .get('/actors', async (req, res) => {
      sendAs(res, ActorList, { items: await service.listActors(db, ActorsQuery.parse(req.query)) });
    })
    .get('/actors/:id', async (req, res) => {
      sendAs(res, ActorDetail, await service.getActor(db, IdParams.parse(req.params).id));
    })
    .get('/actors/:id/relationships', async (req, res) => {
      const { id } = IdParams.parse(req.params);
      const { limit } = RelationshipsQuery.parse(req.query);
      sendAs(res, RelationshipList, await service.getRelationships(db, id, limit));
    });
}
