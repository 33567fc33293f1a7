import type { Db } from '../db/query';
import { route } from '../domain/route';
import { ChangesAnswer, ChangesQuery, InForceAnswer, InForceQuery, MeasuresAnswer, MeasuresQuery } from './sanctions.schemas';
import { allMeasures, measureChanges, measuresInForce } from './sanctions.service';

export const sanctionsRoutes = (db: Db) => [
  route({
    method: 'get',
    path: '/sanctions',
    operationId: 'listSanctionsInForce',
    tag: 'sanctions',
    summary: 'Sanctions measures in force on a day: who imposed them on whom, on what, since and until when',
    query: InForceQuery,
    response: InForceAnswer,
    handle: ({ query }) => measuresInForce(db, query),
  }),
  route({
    method: 'get',
    path: '/sanctions/changes',
    operationId: 'listSanctionsChanges',
    tag: 'sanctions',
    summary: 'Sanctions measures imposed, re-imposed, extended, eased or lifted between two days, with the events linked to each change',
    query: ChangesQuery,
    response: ChangesAnswer,
    handle: ({ query }) => measureChanges(db, query),
  }),
  route({
    method: 'get',
    path: '/sanctions/measures',
    operationId: 'listSanctionsMeasures',
    tag: 'sanctions',
    summary: 'Every sanctions measure, in force or not, with its exemptions',
    query: MeasuresQuery,
    response: MeasuresAnswer,
    handle: ({ query }) => allMeasures(db, query),
  }),
];
