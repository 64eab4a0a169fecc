/** Builds the app and serves dist/ on a free loopback port, for tests, screenshots and the benchmark. */
import { build, preview, type PreviewServer } from "vite";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function buildAndServe(options: { skipBuild?: boolean } = {}): Promise<Served> {
  if (!options.skipBuild) await build({ root, logLevel: "warn" });
  const server: PreviewServer = await preview({ root, logLevel: "warn", preview: { port: 0, host: "127.0.0.1", strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("the preview server has no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}
