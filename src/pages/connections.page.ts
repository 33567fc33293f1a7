import type { Request, Response } from 'express';
import { z } from 'zod';
import { listActorNames } from '../actors/actors.service';
import { CONNECTION_VIAS, MAX_HOPS, type ConnectionsAnswer, type Hop } from '../connections/connections.schemas';
import { findConnections } from '../connections/connections.service';
import type { Db } from '../db/query';
import { formatEventDate } from '../domain/date-words';
import { AFFILIATION_LABELS, typeLabel } from '../domain/labels';
import { Slug } from '../domain/model';
import type { ActorRef } from '../domain/views';
import { blankAsUndefined } from './page-params';

export const ConnectionsPageQuery = z.object({
  from: blankAsUndefined(Slug),
  to: blankAsUndefined(Slug),
  maxHops: z.coerce.number().int().min(1).max(MAX_HOPS).default(4),
  via: z.enum(CONNECTION_VIAS).default('both'),
});

const VIA_OPTIONS = [
  { id: 'both', label: 'Shared events and roles' },
  { id: 'events', label: 'Shared events only' },
  { id: 'roles', label: 'Roles only' },
];

/** `/connections?from=&to=`: two actor pickers, and the shortest paths between the two as a picture and as lists. */
export function connectionsPage(db: Db) {
  return async (req: Request, res: Response) => {
    const query = ConnectionsPageQuery.parse(req.query);
    const asked = query.from !== undefined && query.to !== undefined && query.from !== query.to;
    const [actors, answer] = await Promise.all([
      listActorNames(db, 1000),
      asked ? findConnections(db, { from: query.from!, to: query.to!, maxHops: query.maxHops, via: query.via }) : null,
    ]);
    res.render('pages/connections/index', {
      title: answer ? `From ${answer.from.name} to ${answer.to.name}` : 'Connections',
      nav: 'connections',
      scripts: answer && answer.paths.length > 0 ? ['/js/connections.js'] : [],
      actors,
      filters: { from: query.from ?? '', to: query.to ?? '', maxHops: query.maxHops, via: query.via },
      hopOptions: Array.from({ length: MAX_HOPS }, (_, i) => i + 1),
      viaOptions: VIA_OPTIONS,
      sameActor: query.from !== undefined && query.from === query.to,
      answer: answer && answerView(answer),
    });
  };
}

function answerView(answer: ConnectionsAnswer) {
  return {
    from: answer.from,
    to: answer.to,
    message: answer.message,
    dyadHref: `/dyads/${answer.from.id}/${answer.to.id}`,
    paths: answer.paths.map((path) => {
      const names = new Map(path.actors.map((a) => [a.id, a]));
      return { length: path.length, steps: path.hops.map((hop) => stepView(hop, names)) };
    }),
  };
}

function stepView(hop: Hop, actors: Map<string, ActorRef>) {
  const from = actors.get(hop.from)!;
  const to = actors.get(hop.to)!;
  return {
    from,
    to,
    dyadHref: `/dyads/${from.id}/${to.id}`,
    events: hop.events.map((e) => ({ id: e.id, title: e.title, type: e.type, label: typeLabel(e.type), date: formatEventDate(e.date) })),
    moreEvents: hop.sharedEvents - hop.events.length,
    sharedEvents: hop.sharedEvents,
    roles: hop.roles.map((r) => {
      const holder = actors.get(r.holder)!;
      const other = holder.id === from.id ? to : from;
      return `${holder.name}: ${r.title ?? `${AFFILIATION_LABELS[r.role]} ${other.name}`}`;
    }),
  };
}
