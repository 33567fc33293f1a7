/** Where the actors of a set of paths stand: in columns by their distance from the first actor, spread down each column. */
import type { ConnectionPath } from '../../connections/connections.schemas';
import type { ActorRef } from '../../domain/views';

export interface PlacedActor extends ActorRef {
  x: number;
  y: number;
}

export interface Picture {
  actors: PlacedActor[];
  steps: Array<{ from: PlacedActor; to: PlacedActor; kind: 'events' | 'roles' | 'both'; title: string }>;
  width: number;
  height: number;
}

const COLUMN = 190;
const ROW = 56;
const MARGIN = 70;

/** Each actor takes the column of its first appearance (paths come shortest first); the last actor stands at the end. */
export function placePaths(paths: readonly ConnectionPath[]): Picture {
  const last = paths[0]!.actors.at(-1)!.id;
  const longest = Math.max(...paths.map((p) => p.length));
  const columns = new Map<string, { actor: ActorRef; column: number }>();
  for (const path of paths) {
    path.actors.forEach((actor, i) => {
      if (!columns.has(actor.id)) columns.set(actor.id, { actor, column: actor.id === last ? longest : i });
    });
  }
  const perColumn = new Map<number, number>();
  const placed = new Map<string, PlacedActor>();
  for (const { actor, column } of columns.values()) {
    const row = perColumn.get(column) ?? 0;
    perColumn.set(column, row + 1);
    placed.set(actor.id, { ...actor, x: MARGIN + column * COLUMN, y: row });
  }
  const tallest = Math.max(...perColumn.values());
  for (const actor of placed.values()) {
    const count = perColumn.get((actor.x - MARGIN) / COLUMN)!;
    actor.y = MARGIN / 2 + (actor.y + 0.5 + (tallest - count) / 2) * ROW;
  }
  return { actors: [...placed.values()], steps: stepsOf(paths, placed), width: MARGIN * 2 + longest * COLUMN, height: MARGIN + tallest * ROW };
}

function stepsOf(paths: readonly ConnectionPath[], placed: Map<string, PlacedActor>): Picture['steps'] {
  const steps = new Map<string, Picture['steps'][number]>();
  for (const hop of paths.flatMap((p) => p.hops)) {
    const key = [hop.from, hop.to].sort().join('|');
    if (steps.has(key)) continue;
    const kind = hop.sharedEvents > 0 && hop.roles.length > 0 ? 'both' : hop.sharedEvents > 0 ? 'events' : 'roles';
    const title = [
      hop.sharedEvents > 0
        ? `${hop.sharedEvents} shared event${hop.sharedEvents === 1 ? '' : 's'}${hop.events[0] ? `, latest: ${hop.events[0].title}` : ''}`
        : '',
      ...hop.roles.map((r) => r.title ?? r.role.replace(/_/g, ' ')),
    ]
      .filter(Boolean)
      .join('; ');
    steps.set(key, { from: placed.get(hop.from)!, to: placed.get(hop.to)!, kind, title });
  }
  return [...steps.values()];
}
