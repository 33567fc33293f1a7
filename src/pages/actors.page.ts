import { feedLink } from './downloads';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CursorParam } from '../domain/page';
import { SearchText } from '../domain/views';
import type { Db } from '../db/query';
import { VIS_TIMELINE_SCRIPTS, VIS_TIMELINE_STYLES } from './assets';
import { EVENT_TYPES } from '../domain/taxonomy';
import { ActorKind } from '../domain/model';
import * as actorsService from '../actors/actors.service';
import { ActorCodesEdit, type RoleView } from '../actors/actors.schemas';
import { SECTORS } from '../domain/actor-codes';
import { ForbiddenError } from '../domain/errors';
import * as eventsService from '../events/events.service';
import { AFFILIATION_LABELS, KIND_OPTIONS, kindLabel, ROLE_LABELS, typeLabel } from '../domain/labels';
import { formatCount, formatEventDate, formatPeriod, periodSortKey } from '../domain/date-words';
import { blankAsUndefined, pageId } from './page-params';
import { storyWindow } from '../timeline/timeline.service';
import { paddedWindow } from './timeline.page';

export const ActorsPageQuery = z.object({ q: blankAsUndefined(SearchText), kind: blankAsUndefined(ActorKind), cursor: blankAsUndefined(CursorParam) });

/** Actors listed on one page; the next ones a link away. */
const ACTORS_SHOWN = 200;

export function actorsPage(db: Db) {
  return async (req: Request, res: Response) => {
    const query = ActorsPageQuery.parse(req.query);
    const page = await actorsService.listActors(db, { q: query.q, kind: query.kind, limit: ACTORS_SHOWN, cursor: query.cursor });
    const actorsHref = (kind: string | null, cursor?: string) => {
      const params = new URLSearchParams();
      if (query.q) params.set('q', query.q);
      if (kind) params.set('kind', kind);
      if (cursor) params.set('cursor', cursor);
      const text = params.toString();
      return text ? `/actors?${text}` : '/actors';
    };
    const kindHref = (kind: string | null) => actorsHref(kind);
    res.render('pages/actors/index', {
      title: query.q ? `Actors matching “${query.q}”` : query.kind ? `Actors: ${kindLabel(query.kind)}` : 'Actors',
      nav: 'actors',
      q: query.q ?? '',
      activeFilters: [query.q, query.kind].filter(Boolean).length,
      scripts: ['/js/controls.js'],
      kind: query.kind ?? '',
      kinds: [{ id: '', label: 'All kinds', href: kindHref(null) }, ...KIND_OPTIONS.map((k) => ({ ...k, href: kindHref(k.id) }))],
      nextHref: page.nextCursor ? actorsHref(query.kind ?? null, page.nextCursor) : null,
      actors: page.items.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        kindLabel: kindLabel(a.kind),
        description: a.description,
        aliases: a.aliases,
        eventCount: a.eventCount,
      })),
    });
  };
}

/** The standard identifiers an actor page shows; a Wikidata id links out (nothing is fetched). */
function actorIdentifiers(actor: {
  country: string | null;
  countryAlpha2: string | null;
  sector: string | null;
  code: string | null;
  wikidata: string | null;
}) {
  const rows: Array<{ label: string; value: string; href?: string }> = [];
  if (actor.code) rows.push({ label: 'CAMEO actor code', value: actor.code });
  if (actor.country) rows.push({ label: 'Country (ISO 3166-1)', value: `${actor.country} · ${actor.countryAlpha2 ?? ''}` });
  if (actor.sector) rows.push({ label: 'Sector', value: actor.sector });
  if (actor.wikidata) rows.push({ label: 'Wikidata', value: actor.wikidata, href: `https://www.wikidata.org/wiki/${actor.wikidata}` });
  return rows;
}

const roleLabel = (role: RoleView) => role.title ?? `${AFFILIATION_LABELS[role.role]} ${role.counterpart.name}`;

export function actorPage(db: Db) {
  return async (req: Request, res: Response) => {
    const id = pageId('actor', req.params);
    const actor = await actorsService.getActor(db, id);
    const [relationships, events, names] = await Promise.all([
      actorsService.getRelationships(db, id, { limit: 8 }),
      eventsService.listEvents(db, { actor: id, limit: 200 }),
      actorsService.listActorNames(db, 1000),
    ]);
    const roles = [...actor.roles]
      .sort((a, b) => periodSortKey(a.from, a.former).localeCompare(periodSortKey(b.from, b.former)))
      .map((r) => ({
        label: roleLabel(r),
        phrase: AFFILIATION_LABELS[r.role],
        counterpart: { id: r.counterpart.id, name: r.counterpart.name },
        period: formatPeriod(r.from, r.to, r.former),
        current: !r.former && !r.to,
      }));
    const heldBy = actor.heldBy.map((r) => ({
      holder: { id: r.actor.id, name: r.actor.name },
      label: roleLabel(r),
      period: formatPeriod(r.from, r.to, r.former),
    }));
    res.render('pages/actors/show', {
      title: actor.name,
      nav: 'actors',
      styles: VIS_TIMELINE_STYLES,
      scripts: events.items.length > 0 ? [...VIS_TIMELINE_SCRIPTS, '/js/timeline.js'] : [],
      feeds: [feedLink(`Events of ${actor.name} (Atom)`, { actor: actor.id })],
      identifiers: actorIdentifiers(actor),
      codes: { country: actor.country ?? '', sector: actor.sector ?? '', code: actor.code ?? '', wikidata: actor.wikidata ?? '' },
      sectors: SECTORS,
      actor: {
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        kindLabel: kindLabel(actor.kind),
        description: actor.description,
        aliases: actor.aliases,
        eventCount: formatCount(actor.eventCount),
        firstEvent: actor.firstEvent,
        lastEvent: actor.lastEvent,
      },
      window: actor.firstEvent ? await storyWindow(db, { actor: id }) : null,
      span: actor.firstEvent && actor.lastEvent ? paddedWindow(actor.firstEvent, actor.lastEvent) : null,
      roles,
      roleCount: actor.roleCount,
      heldBy,
      heldByCount: actor.heldByCount,
      eventCounts: EVENT_TYPES.filter((t) => actor.eventCounts[t]).map((t) => ({ type: t, label: typeLabel(t), count: actor.eventCounts[t] })),
      connectable: names.filter((a) => a.id !== id),
      relationships: relationships.items.map((r) => ({
        actor: { id: r.actor.id, name: r.actor.name, kind: r.actor.kind, kindLabel: kindLabel(r.actor.kind) },
        weight: r.weight,
        sharedEvents: r.sharedEventCount,
        affiliations: r.affiliations.map((a) =>
          a.direction === 'outgoing'
            ? `${AFFILIATION_LABELS[a.role]} ${r.actor.name}`
            : `${r.actor.name}: ${AFFILIATION_LABELS[a.role].toLowerCase()} ${actor.name}`,
        ),
      })),
      events: events.items.map((e) => ({
        id: e.id,
        title: e.title,
        type: e.type,
        typeLabel: typeLabel(e.type),
        dateText: formatEventDate(e.date),
        roles: [...new Set(e.participants.filter((p) => p.actor.id === id).map((p) => ROLE_LABELS[p.role]))],
      })),
      moreEvents: events.nextCursor !== null,
    });
  };
}

/** The codes form: every field is sent, and a field left blank clears that code. */
export function setCodesAction(db: Db) {
  return async (req: Request, res: Response) => {
    const id = pageId('actor', req.params);
    if (!req.principal) throw new ForbiddenError('Sign in first.');
    const body = req.body as Record<string, unknown>;
    const field = (name: string) => {
      const value = typeof body[name] === 'string' ? (body[name] as string).trim() : body[name];
      return value === '' || value === undefined ? null : value;
    };
    const edit = ActorCodesEdit.parse({
      country: typeof body.country === 'string' ? ((field('country') as string | null)?.toUpperCase() ?? null) : field('country'),
      sector: field('sector'),
      code: typeof body.code === 'string' ? ((field('code') as string | null)?.toUpperCase() ?? null) : field('code'),
      wikidata: field('wikidata'),
    });
    await actorsService.setActorCodes(db, id, edit, req.principal);
    res.redirect(303, `/actors/${id}#identifiers`);
  };
}
