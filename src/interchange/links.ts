import type { LinkKind } from '../domain/model';
import type { ExportEvent } from '../exports/exports.schemas';

export interface EventLink {
  from: string;
  to: string;
  kind: LinkKind;
}

/** A link and the article whose facts file writes it. */
export interface PlacedLink extends EventLink {
  article: string;
}

export interface LinkPlacement {
  links: PlacedLink[];
  /** Links no one load holds both events of: written after the last load. */
  crossLinks: EventLink[];
  /** Links to events not in the file: left out. */
  outside: number;
}

// A link goes where both its events are written: a file holding both, or (across files of one load) the later one.
export function placeLinks(
  events: ReadonlyMap<string, { event: ExportEvent }>,
  articleEvents: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  phases: readonly string[][],
): LinkPlacement {
  const placement: LinkPlacement = { links: [], crossLinks: [], outside: 0 };
  for (const { event } of events.values()) {
    for (const link of event.links) {
      if (!events.has(link.to)) {
        placement.outside += 1;
        continue;
      }
      const article = placeLink(event.id, link.to, articleEvents, phases);
      if (article) placement.links.push({ from: event.id, to: link.to, kind: link.kind, article });
      else placement.crossLinks.push({ from: event.id, to: link.to, kind: link.kind });
    }
  }
  return placement;
}

/** The article of the first load holding both events, or none when no one load holds both. */
function placeLink(
  from: string,
  to: string,
  articleEvents: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  phases: readonly string[][],
): string | undefined {
  for (const articleIds of phases) {
    const holding = (id: string) => articleIds.filter((a) => articleEvents.get(a)?.has(id));
    const withFrom = holding(from);
    const withTo = holding(to);
    if (withFrom.length === 0 || withTo.length === 0) continue;
    const together = withFrom.find((a) => withTo.includes(a));
    if (together) return together;
    // Otherwise the later file of the load: by the time it is written, both events exist.
    const index = (a: string) => articleIds.indexOf(a);
    return [...withFrom, ...withTo].sort((a, b) => index(b) - index(a))[0];
  }
  return undefined;
}
