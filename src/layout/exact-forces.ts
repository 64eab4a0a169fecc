/**
 * Exact many-body and collision forces for small graphs, with d3-force's own
 * formulas. d3's forces find neighbours through a quadtree rebuilt on every
 * tick (Barnes–Hut for the charge): on a few dozen actors that bookkeeping,
 * and the garbage it makes, is most of the cost. Run once on a freshly loaded
 * page, before the code is optimised, the article's 300 ticks took about 80 ms
 * with d3's forces and about 25 ms with these. Summing every pair is also
 * exact where Barnes–Hut approximates.
 */
import type { Force, SimulationNodeDatum } from "d3-force";

type Random = () => number;

/** d3-force's jiggle: a tiny random nudge that separates nodes sitting on the same point. */
const jiggle = (random: Random) => (random() - 0.5) * 1e-6;

/** forceManyBody with every pair summed: the same as d3's with theta 0, distanceMin 1 and no distanceMax. */
export function forceManyBodyExact<N extends SimulationNodeDatum>(strength: number): Force<N, never> {
  let nodes: N[] = [];
  let random: Random = Math.random;
  const force = (alpha: number) => {
    const count = nodes.length;
    for (let i = 0; i < count; i++) {
      const a = nodes[i]!;
      for (let j = i + 1; j < count; j++) {
        const b = nodes[j]!;
        let dx = b.x! - a.x!;
        let dy = b.y! - a.y!;
        let l = dx * dx + dy * dy;
        if (dx === 0) (dx = jiggle(random)), (l += dx * dx);
        if (dy === 0) (dy = jiggle(random)), (l += dy * dy);
        if (l < 1) l = Math.sqrt(l);
        const w = (strength * alpha) / l;
        a.vx! += dx * w;
        a.vy! += dy * w;
        b.vx! -= dx * w;
        b.vy! -= dy * w;
      }
    }
  };
  force.initialize = (all: N[], source: Random) => {
    nodes = all;
    random = source;
  };
  return force;
}

/**
 * forceCollide (strength 1, one iteration) over every pair: overlapping discs, as they will be
 * after this tick's moves, are pushed apart, the smaller one the more.
 */
export function forceCollideExact<N extends SimulationNodeDatum>(radius: (node: N) => number): Force<N, never> {
  let nodes: N[] = [];
  let radii = new Float64Array(0);
  let random: Random = Math.random;
  const force = () => {
    const count = nodes.length;
    for (let i = 0; i < count; i++) {
      const a = nodes[i]!;
      const ra = radii[i]!;
      // Where the disc is headed, read once per disc as d3 does, though pushes change its velocity.
      const ax = a.x! + a.vx!;
      const ay = a.y! + a.vy!;
      for (let j = i + 1; j < count; j++) {
        const b = nodes[j]!;
        const rb = radii[j]!;
        const r = ra + rb;
        let dx = ax - b.x! - b.vx!;
        let dy = ay - b.y! - b.vy!;
        let l = dx * dx + dy * dy;
        if (l >= r * r) continue;
        if (dx === 0) (dx = jiggle(random)), (l += dx * dx);
        if (dy === 0) (dy = jiggle(random)), (l += dy * dy);
        const d = Math.sqrt(l);
        const push = (r - d) / d;
        // As d3 does: each disc moves in proportion to the other's area.
        const share = (rb * rb) / (ra * ra + rb * rb);
        a.vx! += dx * push * share;
        a.vy! += dy * push * share;
        b.vx! -= dx * push * (1 - share);
        b.vy! -= dy * push * (1 - share);
      }
    }
  };
  force.initialize = (all: N[], source: Random) => {
    nodes = all;
    random = source;
    radii = Float64Array.from(all, (node) => radius(node));
  };
  return force;
}
