/** The graph's sentences: titles and labels of nodes and edges, and the status line. */
import { AFFILIATION_LABELS, KIND_LABELS } from '../../domain/labels';
import type { TypeLabels } from '../common';
import type { SimLink, SimNode } from './model';

export const NO_ACTOR = 'No actor takes part in an event that matches these filters.';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The shared labels start with a capital; here they sit mid-sentence. An unknown id is said as it is. */
const midSentence = (labels: Partial<Record<string, string>>, id: string) => labels[id]?.toLowerCase() ?? id;
export const kindWord = (kind: string) => midSentence(KIND_LABELS, kind);
export const roleWord = (role: string) => midSentence(AFFILIATION_LABELS, role);

/** "Belarus, state, 12 events": what a screen reader says of a node. */
export const nodeLabel = (node: SimNode) => `${node.name}, ${kindWord(node.kind)}, ${plural(node.eventCount, 'event')}`;
export const nodeTitle = (node: SimNode) => `${node.name} (${kindWord(node.kind)}): ${plural(node.eventCount, 'event')}`;

export function edgeTitle(edge: SimLink, labels: TypeLabels): string {
  const a = edge.source.name;
  const b = edge.target.name;
  const first = edge.types[0]?.type ?? '';
  if (edge.kind === 'affiliation') return `${a}: ${roleWord(first)} ${b}`;
  const types = edge.types.map((t) => `${t.weight} × ${labels.get(t.type) ?? t.type}`).join(', ');
  return `${a} — ${b}: ${plural(edge.weight, 'shared event')} (${types})`;
}

export function countsText(actors: number, links: SimLink[]): string {
  const pairs = links.filter((l) => l.kind === 'event').length;
  const roles = links.length - pairs;
  return `${plural(actors, 'actor')}; ${plural(pairs, 'pair')} sharing events; ${plural(roles, 'affiliation')}.`;
}
