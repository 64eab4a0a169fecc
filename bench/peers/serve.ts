/**
 * Builds the peer pages (cytoscape.js, d3 + SVG) with vite into a temporary
 * folder and serves it: the peers are the benchmark's dependencies, never the app's.
 */
import { build, preview } from "vite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Served } from "../../scripts/serve";

const root = fileURLToPath(new URL(".", import.meta.url));

export async function buildAndServePeers(): Promise<Served> {
  const outDir = mkdtempSync(join(tmpdir(), "entente-bench-peers-"));
  const config = {
    root,
    configFile: false as const,
    logLevel: "warn" as const,
    base: "./",
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      rollupOptions: { input: { cytoscape: join(root, "cytoscape.html"), "d3-svg": join(root, "d3-svg.html") } },
    },
  };
  await build(config);
  const server = await preview({ ...config, preview: { port: 0, host: "127.0.0.1", strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("the peers' preview server has no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
