/**
 * The force model: a d3-force simulation in which a relation's sign shapes
 * its spring. Friendly relations pull their actors close, hostile ones hold
 * them far apart, neutral ones sit between. Pure and seeded: no timers, no DOM.
 */
import { seededRandom } from "../core/random";
import { forceCollideExact, forceManyBodyExact } from "./exact-forces";
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from "d3-force";

export type LinkSign = -1 | 0 | 1;

export interface LayoutNode extends SimulationNodeDatum {
  index: number;
  /** Drawn radius in layout units, used to keep nodes from overlapping. */
  radius: number;
}

export interface LayoutLink extends SimulationLinkDatum<LayoutNode> {
  source: number | LayoutNode;
  target: number | LayoutNode;
  sign: LinkSign;
}

export interface ForceSettings {
  /** Rest length of a spring, by sign. */
  distance: Record<`${LinkSign}`, number>;
  /** Spring stiffness, by sign (0..1). */
  strength: Record<`${LinkSign}`, number>;
  /** Many-body charge: negative repels. */
  charge: number;
  /** Pull towards the centre, so actors with few relations do not drift to the edges. */
  gravity: number;
  /** Extra space around each node for the collision force. */
  collidePadding: number;
  seed: number;
  alphaMin: number;
  alphaDecay: number;
  velocityDecay: number;
}

export const DEFAULT_FORCE_SETTINGS: ForceSettings = {
  distance: { "1": 70, "0": 120, "-1": 260 },
  strength: { "1": 0.6, "0": 0.25, "-1": 0.35 },
  charge: -320,
  gravity: 0.05,
  collidePadding: 6,
  seed: 20151126,
  alphaMin: 0.001,
  alphaDecay: 0.0228,
  velocityDecay: 0.4,
};

export { seededRandom } from "../core/random";

/** Checks settings up front and says which one is wrong. */
export function validateForceSettings(settings: ForceSettings): string[] {
  const problems: string[] = [];
  for (const sign of ["1", "0", "-1"] as const) {
    if (!(settings.distance?.[sign] > 0)) problems.push(`distance.${sign} must be a positive number`);
    const s = settings.strength?.[sign];
    if (!(s >= 0 && s <= 1)) problems.push(`strength.${sign} must be between 0 and 1`);
  }
  if (!(settings.alphaMin > 0 && settings.alphaMin < 1)) problems.push("alphaMin must be between 0 and 1");
  if (!(settings.alphaDecay > 0 && settings.alphaDecay < 1)) problems.push("alphaDecay must be between 0 and 1");
  if (!Number.isFinite(settings.charge)) problems.push("charge must be a number");
  if (!(settings.gravity >= 0 && settings.gravity <= 1)) problems.push("gravity must be between 0 and 1");
  if (!(settings.velocityDecay >= 0 && settings.velocityDecay <= 1)) problems.push("velocityDecay must be between 0 and 1");
  if (!(settings.collidePadding >= 0 && Number.isFinite(settings.collidePadding))) problems.push("collidePadding must be a number of at least 0");
  return problems;
}

export function resolveForceSettings(partial: Partial<ForceSettings> = {}): ForceSettings {
  const settings = { ...DEFAULT_FORCE_SETTINGS, ...partial };
  const problems = validateForceSettings(settings);
  if (problems.length > 0) throw new Error(`entente/layout: ${problems.join("; ")}`);
  return settings;
}

/**
 * The Barnes–Hut approximation for the many-body force, by graph size. The
 * charge is most of a tick's cost on large graphs (a tick of 10,000 actors took
 * about 4× longer at d3's default 0.9 than at 1.5 here). Graphs up to
 * EXACT_FORCES_UP_TO actors do not use it: their charge sums every pair.
 */
export function thetaFor(nodeCount: number): number {
  if (nodeCount > 5000) return 1.5;
  if (nodeCount > 1000) return 1.2;
  return 0.9;
}

/**
 * Up to this many actors the charge and the collisions sum every pair (exact-forces.ts), which costs
 * less than d3's quadtrees there: a tick of 400 actors took 1.7 ms summed, 2.7 ms with the trees;
 * the two met near 800.
 */
export const EXACT_FORCES_UP_TO = 500;

/** Creates a stopped simulation: the caller ticks it. */
export function createSimulation(
  nodes: LayoutNode[],
  links: LayoutLink[],
  settings: ForceSettings = DEFAULT_FORCE_SETTINGS,
): Simulation<LayoutNode, LayoutLink> {
  const key = (link: LayoutLink): `${LinkSign}` => `${link.sign}`;
  const exact = nodes.length <= EXACT_FORCES_UP_TO;
  const collideRadius = (node: LayoutNode) => node.radius + settings.collidePadding;
  const link = forceLink<LayoutNode, LayoutLink>(links)
    .id((node) => node.index)
    .distance((l) => settings.distance[key(l)])
    .strength((l) => settings.strength[key(l)]);
  return forceSimulation<LayoutNode, LayoutLink>(nodes)
    .stop()
    .randomSource(seededRandom(settings.seed))
    .alphaMin(settings.alphaMin)
    .alphaDecay(settings.alphaDecay)
    .velocityDecay(settings.velocityDecay)
    .force("link", link)
    .force("charge", exact ? forceManyBodyExact<LayoutNode>(settings.charge) : forceManyBody<LayoutNode>().strength(settings.charge).theta(thetaFor(nodes.length)))
    .force("collide", exact ? forceCollideExact<LayoutNode>(collideRadius) : forceCollide<LayoutNode>(collideRadius))
    .force("x", forceX<LayoutNode>(0).strength(settings.gravity))
    .force("y", forceY<LayoutNode>(0).strength(settings.gravity))
    .force("center", forceCenter(0, 0));
}

/** Ticks until the simulation has cooled, or maxTicks; returns the ticks run. */
export function settle(simulation: Simulation<LayoutNode, LayoutLink>, maxTicks = 1000): number {
  let ticks = 0;
  while (simulation.alpha() >= simulation.alphaMin() && ticks < maxTicks) {
    simulation.tick();
    ticks += 1;
  }
  return ticks;
}
