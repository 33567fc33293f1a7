/**
 * The connections page's picture: the actors of the shortest paths in columns by distance, joined by their
 * steps (solid for shared events, dashed for roles). The lists under it, rendered by the server, say the same
 * in words. Each actor is a link to its page.
 */
import { select } from 'd3-selection';
import type { ConnectionsAnswer } from '../../connections/connections.schemas';
import { getJson } from '../common';
import { foldControls } from '../controls/fold';
import { placePaths, type Picture } from './layout';

async function setup(root: HTMLElement): Promise<void> {
  const query = new URLSearchParams({
    from: root.dataset.from ?? '',
    to: root.dataset.to ?? '',
    via: root.dataset.via ?? 'both',
    maxHops: root.dataset.maxHops ?? '4',
  });
  try {
    const answer = await getJson<ConnectionsAnswer>(`/api/connections?${query}`);
    if (answer.paths.length > 0) draw(root, placePaths(answer.paths), answer);
  } catch (error) {
    root.textContent = `The picture could not be drawn: ${(error as Error).message}`;
  }
}

function draw(root: HTMLElement, picture: Picture, answer: ConnectionsAnswer): void {
  const svg = select(root)
    .append('svg')
    .attr('viewBox', `0 0 ${picture.width} ${picture.height}`)
    .attr('class', 'paths-svg')
    .attr('role', 'img')
    .attr('aria-label', `Paths from ${answer.from.name} to ${answer.to.name}`);
  svg
    .append('g')
    .selectAll('line')
    .data(picture.steps)
    .join('line')
    .attr('class', (s) => `path-step path-step--${s.kind}`)
    .attr('x1', (s) => s.from.x)
    .attr('y1', (s) => s.from.y)
    .attr('x2', (s) => s.to.x)
    .attr('y2', (s) => s.to.y)
    .append('title')
    .text((s) => `${s.from.name} – ${s.to.name}: ${s.title}`);
  const ends = new Set([answer.from.id, answer.to.id]);
  const node = svg
    .append('g')
    .selectAll('a')
    .data(picture.actors)
    .join('a')
    .attr('href', (a) => `/actors/${encodeURIComponent(a.id)}`)
    .attr('class', (a) => `path-actor kind-${a.kind}${ends.has(a.id) ? ' path-actor--end' : ''}`)
    .attr('transform', (a) => `translate(${a.x},${a.y})`);
  node.append('circle').attr('r', (a) => (ends.has(a.id) ? 9 : 7));
  node
    .append('text')
    .attr('y', -13)
    .attr('text-anchor', 'middle')
    .text((a) => a.name);
}

foldControls();
document.querySelectorAll<HTMLElement>('[data-connections]').forEach((root) => void setup(root));
