/** The force layout (d3-force): settled before it is shown, then kept alive for dragging. */
import { drag, type D3DragEvent, type DragBehavior, type SubjectPosition } from 'd3-drag';
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation as ForceSimulation } from 'd3-force';
import type { GraphModel, LinkPaths, NodeLinks, SimLink, SimNode, Size } from './model';

export type Simulation = ForceSimulation<SimNode, SimLink>;

/** Ticks run before the first drawing: the graph appears laid out instead of exploding from a point. */
const SETTLING_TICKS = 300;

export function settle({ nodes, links, heaviest }: GraphModel, { width, height }: Size): Simulation {
  const simulation = forceSimulation<SimNode, SimLink>(nodes)
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .distance((d) => (d.kind === 'affiliation' ? 110 : 90 + 50 * (1 - Math.sqrt(d.weight / heaviest))) + d.source.radius + d.target.radius)
        .strength(0.25),
    )
    .force('charge', forceManyBody<SimNode>().strength(-600))
    .force('center', forceCenter(width / 2, height / 2))
    .force(
      'collide',
      forceCollide<SimNode>()
        .radius((d) => Math.max(d.radius + 12, d.name.length * 3.3))
        .iterations(2),
    )
    // Pull harder along the container's short side, so the layout takes the shape of the screen.
    .force('x', forceX(width / 2).strength(height > width ? 0.22 : Math.min(0.2, 0.05 * (height / width))))
    .force('y', forceY(height / 2).strength(height > width ? 0.015 : Math.min(0.2, 0.05 * (width / height))))
    .stop();
  for (let i = 0; i < SETTLING_TICKS; i += 1) simulation.tick();
  return simulation;
}

/** Places the drawing where the simulation says, now and on every later tick. */
export function follow(simulation: Simulation, linkPaths: LinkPaths, nodeLinks: NodeLinks): void {
  const position = () => {
    linkPaths.attr('d', linkPath);
    nodeLinks.attr('transform', (d) => `translate(${d.x ?? 0},${d.y ?? 0})`);
  };
  position();
  simulation.on('tick', position);
}

/** A straight line, or a curve bowed sideways by the edge's bend. */
function linkPath(d: SimLink): string {
  const { x: x1 = 0, y: y1 = 0 } = d.source;
  const { x: x2 = 0, y: y2 = 0 } = d.target;
  if (d.bend === 0) return `M${x1},${y1}L${x2},${y2}`;
  const mx = (x1 + x2) / 2 - (y2 - y1) * 0.22 * d.bend;
  const my = (y1 + y2) / 2 + (x2 - x1) * 0.22 * d.bend;
  return `M${x1},${y1}Q${mx},${my} ${x2},${y2}`;
}

/** Dragging wakes the layout and holds the node; let go, it floats again, except the centre, which stays. */
export function dragging(simulation: Simulation, centerId: string | null): DragBehavior<SVGAElement, SimNode, SimNode | SubjectPosition> {
  type DragEvent = D3DragEvent<SVGAElement, SimNode, SimNode>;
  return drag<SVGAElement, SimNode>()
    .on('start', (event: DragEvent, d) => {
      if (!event.active) simulation.alphaTarget(0.2).restart();
      d.fx = d.x;
      d.fy = d.y;
    })
    .on('drag', (event: DragEvent, d) => {
      d.fx = event.x;
      d.fy = event.y;
    })
    .on('end', (event: DragEvent, d) => {
      if (!event.active) simulation.alphaTarget(0);
      if (d.id !== centerId) {
        d.fx = null;
        d.fy = null;
      }
    });
}
