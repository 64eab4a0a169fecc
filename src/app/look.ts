/**
 * What node size and colour show in the full app: relations, evidence or
 * betweenness; kind of actor or community of allies. Numbers are computed
 * once per dataset (betweenness only when asked for), then applied in one
 * batched graph update.
 */
import { actorNumbers, communityColor, friendlyCommunities, metricSizes, SINGLETON_COLOR, type ActorNumbers, type Communities } from "../core/analysis";
import type { EntenteGraph } from "../core/graph";
import type { ColorBy, SizeBy } from "../core/view/types";
import { APPEARANCE_LOOK, applyNodeLook, nodeSizeScale } from "../render/appearance";
import { actorLabel, type UiContext } from "../ui/context";
import type { CommunityGroup } from "../ui/node-key";

/** Brandes' algorithm grows with actors × ties: beyond this the page would freeze for seconds. */
export const MAX_BETWEENNESS_ACTORS = 3000;

export class NodeLook {
  /** The look on the graph now. */
  private shown = APPEARANCE_LOOK;
  private withoutBetweenness: Map<string, ActorNumbers> | null = null;
  private withBetweenness: Map<string, ActorNumbers> | null = null;
  private communities: Communities | null = null;

  constructor(
    private readonly ctx: UiContext,
    private readonly graph: EntenteGraph,
  ) {}

  /** The numbers the details panel shows, with betweenness when it has been computed. */
  numbers(): Map<string, ActorNumbers> {
    return this.withBetweenness ?? (this.withoutBetweenness ??= actorNumbers(this.ctx.data, undefined, { betweenness: false }));
  }

  /** Sizes and colours the graph's actors as the view says, unless they already are (the numbers then wait for the details panel). */
  apply(size: SizeBy, color: ColorBy): void {
    if (size === this.shown.size && color === this.shown.color) return;
    this.shown = { size, color };
    let numbers = this.numbers();
    if (size === "betweenness" && !this.withBetweenness && this.graph.order <= MAX_BETWEENNESS_ACTORS) {
      numbers = this.withBetweenness = actorNumbers(this.ctx.data);
    }
    const scale = nodeSizeScale(this.graph.order);
    const sizes = metricSizes(numbers, size === "betweenness" && !this.withBetweenness ? "degree" : size, scale.min, scale.max);
    let colors: Map<string, string> | null = null;
    if (color === "community") {
      const communities = (this.communities ??= friendlyCommunities(this.ctx.data));
      colors = new Map([...communities.of].map(([actor, index]) => [actor, communityColor(index, communities)]));
    }
    applyNodeLook(this.graph, sizes, colors);
  }

  /** The legend's list of communities (those with more than one member, then the actors in none), or null when colour shows kinds. */
  communityLegend(color: ColorBy): CommunityGroup[] | null {
    if (color !== "community" || !this.communities) return null;
    const communities = this.communities;
    const groups = communities.sizes.map((_, index) => ({ color: communityColor(index, communities), members: [] as string[] }));
    for (const [actor, index] of communities.of) groups[index]?.members.push(actorLabel(this.ctx, actor));
    const alone = groups.filter((g) => g.members.length === 1).flatMap((g) => g.members);
    // The actors in no community share one colour: the legend keys it too, after the communities.
    const together: CommunityGroup[] = groups.filter((g) => g.members.length > 1);
    return alone.length > 0 ? [...together, { color: SINGLETON_COLOR, members: alone, alone: true }] : together;
  }
}
