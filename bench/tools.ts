/**
 * The four tools the benchmark compares, as ToolPages: Entente's full app and
 * its embed, cytoscape.js and the d3 + SVG page. Entente runs first on each
 * dataset and hands the positions its seeded layout gave to the peers.
 */
import type { Page } from "playwright-core";
import type { BenchDataset } from "./datasets";
import type { PeerData } from "./peers/data";
import type { ToolPage } from "./scenario";

export const TOOLS = ["entente", "entente-embed", "cytoscape", "d3-svg"] as const;
export type ToolName = (typeof TOOLS)[number];

const ORIGIN = "https://bench.entente.test";

/** window.peer over window.entente: positions relative to the page, frames from sigma. */
const ENTENTE_HOOKS = `(() => {
  const stage = () => document.querySelector("canvas.sigma-mouse").parentElement.getBoundingClientRect();
  window.peer = {
    lastFrame: () => window.entente.lastFrame(),
    nodePosition: (id) => {
      const p = window.entente.nodePosition(id);
      if (!p) return null;
      const r = stage();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    stopLayout: () => {},
  };
})()`;

export interface Shared {
  /** From Entente's page once its layout settled: every actor's position, and the one nearest the middle. */
  peerData: PeerData | null;
  hoverId: string;
}

async function serve(page: Page, name: string, body: string): Promise<void> {
  await page.route(`${ORIGIN}/${name}`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body, headers: { "access-control-allow-origin": "*" } }),
  );
}

export function toolPage(tool: ToolName, data: BenchDataset, urls: { app: string; peers: string }, shared: Shared): ToolPage {
  const dataUrl = (file: string) => encodeURIComponent(`${ORIGIN}/${file}`);
  if (tool === "entente" || tool === "entente-embed") {
    const embed = tool === "entente-embed";
    const query = [embed ? "embed=1" : "", data.bundled ? "" : `data=${dataUrl(`${data.name}.json`)}`].filter(Boolean).join("&");
    return {
      tool,
      url: `${urls.app}${query ? `?${query}` : ""}`,
      firstMark: "entente:first-frame",
      settledMark: "entente:layout-settled",
      positionsMark: "entente:layout-positions",
      webglMark: "entente:webgl-frame",
      // Entente's own layout is always waited for: the time limit is for the d3 page's main-thread layout.
      ready: async (page) => {
        await page.waitForSelector("body[data-state=settled]", { timeout: 600_000 });
        return "settled";
      },
      filter: embed ? `label.chip[data-type=${data.filterType}]` : `.filter-row[data-type=${data.filterType}] label`,
      get hoverId() {
        return shared.hoverId;
      },
      hooks: ENTENTE_HOOKS,
      prepare: (page) => (data.bundled ? Promise.resolve() : serve(page, `${data.name}.json`, JSON.stringify(data.dataset))),
      collect: embed ? undefined : async (page) => collectPositions(page, data, shared),
    };
  }
  const peerReady = async (page: Page, timeout: number): Promise<"settled" | "stopped"> => {
    await page.waitForFunction(() => performance.getEntriesByName("peer:first-frame").length > 0, undefined, { timeout: 120_000 });
    if (tool === "cytoscape") return "settled";
    try {
      await page.waitForFunction(() => performance.getEntriesByName("peer:layout-settled").length > 0, undefined, { timeout, polling: 250 });
      return "settled";
    } catch {
      await page.evaluate(() => window.peer?.stopLayout());
      return "stopped";
    }
  };
  return {
    tool,
    url: `${urls.peers}${tool}.html?data=${dataUrl(`${data.name}.peer.json`)}`,
    firstMark: "peer:first-frame",
    settledMark: tool === "d3-svg" ? "peer:layout-settled" : null,
    ready: peerReady,
    filter: "#filter",
    get hoverId() {
      return shared.hoverId;
    },
    prepare: (page) => {
      if (!shared.peerData) throw new Error("Entente's run gave the peers no positions");
      return serve(page, `${data.name}.peer.json`, JSON.stringify(shared.peerData));
    },
  };
}

async function collectPositions(page: Page, data: BenchDataset, shared: Shared): Promise<void> {
  const ids = data.dataset.actors.map((a) => a.id);
  const positions = await page.evaluate(
    (list) => list.map((id) => window.peer!.nodePosition(id) ?? { x: 0, y: 0 }),
    ids,
  );
  const middle = await page.evaluate(() => {
    const r = document.querySelector("canvas.sigma-mouse")!.parentElement!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  let best = 0;
  positions.forEach((p, i) => {
    const b = positions[best]!;
    if (Math.hypot(p.x - middle.x, p.y - middle.y) < Math.hypot(b.x - middle.x, b.y - middle.y)) best = i;
  });
  shared.hoverId = ids[best]!;
  const colors = new Map(data.dataset.relationTypes.map((t) => [t.id, t.color ?? "#999999"]));
  shared.peerData = {
    nodes: ids.map((id, i) => ({ id, x: positions[i]!.x, y: positions[i]!.y, color: "#4477aa" })),
    edges: data.dataset.relations.map((r) => ({ id: r.id, source: r.source, target: r.target, type: r.type, color: colors.get(r.type) ?? "#999999" })),
    filterType: data.filterType,
  };
}
