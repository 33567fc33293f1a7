import { z } from 'zod';
import * as accounts from '../accounts/accounts.schemas';
import * as actors from '../actors/actors.schemas';
import * as articles from '../articles/articles.schemas';
import * as connections from '../connections/connections.schemas';
import * as dates from '../domain/dates';
import * as model from '../domain/model';
import * as views from '../domain/views';
import * as drafts from '../drafts/drafts.schemas';
import * as dyads from '../dyads/dyads.schemas';
import * as events from '../events/events.schemas';
import * as exportsSchemas from '../exports/exports.schemas';
import * as graph from '../graph/graph.schemas';
import * as health from '../health/health.schemas';
import * as history from '../history/history.schemas';
import * as sanctions from '../sanctions/sanctions.schemas';
import * as places from '../places/places.schemas';
import * as series from '../stats/series.schemas';
import * as stats from '../stats/stats.schemas';
import * as watch from '../watch/watch.schemas';
import * as timeline from '../timeline/timeline.schemas';
import * as whoDidWhat from '../who-did-what/who-did-what.schemas';

/**
 * The names of the OpenAPI document's shared schemas are the names the schemas are exported under (`EventPage`,
 * `ActorRef`), so a client reads the same words as the code. The domain's modules come first: when two modules
 * export different schemas under one name, the later one is prefixed with its module (`GraphEventLink`). A
 * feature missing here still gets a document: its route schemas are named after their operations.
 */
const MODULES: Record<string, Record<string, unknown>> = {
  model,
  dates,
  views,
  events,
  history,
  actors,
  whoDidWhat,
  connections,
  dyads,
  sanctions,
  articles,
  drafts,
  timeline,
  graph,
  stats,
  series,
  places,
  watch,
  health,
  exports: exportsSchemas,
  accounts,
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** `ClaimFieldSchema` reads as `ClaimField` in a document where everything is a schema. */
const componentName = (exportName: string) => exportName.replace(/(?<=.)Schema$/, '');

export function exportedSchemaNames(modules: Record<string, Record<string, unknown>> = MODULES): Map<z.ZodType, string> {
  const names = new Map<z.ZodType, string>();
  const taken = new Set<string>();
  for (const [moduleName, exported] of Object.entries(modules)) {
    for (const [exportName, value] of Object.entries(exported)) {
      if (!(value instanceof z.ZodType) || names.has(value)) continue;
      const name = componentName(exportName);
      const unique = taken.has(name) ? pascal(moduleName) + name : name;
      names.set(value, unique);
      taken.add(unique);
    }
  }
  return names;
}
