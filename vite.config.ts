import { defineConfig, type Plugin } from "vite";

/**
 * The Content-Security-Policy of the built page (README, "Security"). Scripts,
 * workers, styles and fonts come only from the app's own origin: no inline
 * script, no eval (zod runs jitless, see src/core/dataset/schema.ts), no
 * inline <style>. connect-src allows any http(s) address because ?data= may
 * point at a dataset on any host. frame-ancestors cannot be set from a <meta>
 * (browsers ignore it there), so embedding in any page keeps working; a host
 * that wants to limit who may frame it sends the header itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  // data: and blob: for images the app makes itself (exports); nothing from a dataset is ever an image.
  "img-src 'self' data: blob:",
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** Only the production build gets the policy: the dev server injects inline scripts for hot reload. */
function contentSecurityPolicy(): Plugin {
  return {
    name: "entente:content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        // First in <head>: a policy applies only to what comes after it.
        injectTo: "head-prepend",
      },
    ],
  };
}

/**
 * Both entry points' shared code (sigma, graphology, d3-force, the core) asked for by the page
 * itself, next to its first script: otherwise the request waits until that script has run and
 * chosen the full app or the embed, and then queues behind the font downloads.
 */
function preloadSharedChunks(): Plugin {
  return {
    name: "entente:preload-shared-chunks",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((file) => file.type === "chunk");
        const entries = chunks.filter((chunk) => chunk.isDynamicEntry && /src\/app\/(full|embed)\.ts$/.test(chunk.facadeModuleId ?? ""));
        if (entries.length !== 2) return [];
        // The chunks both entries import.
        const [a, b] = entries.map((entry) => new Set(entry.imports));
        const shared = [...a!].filter((file) => b!.has(file));
        return shared.map((file) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: "", href: `./${file}` }, injectTo: "head" as const }));
      },
    },
  };
}

export default defineConfig({
  // Relative asset paths, so `dist/` works from any folder of any static host.
  base: "./",
  plugins: [contentSecurityPolicy(), preloadSharedChunks()],
  worker: { format: "es" },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    // Readable names in profiles and stack traces; the maps are fetched only by developer tools.
    sourcemap: true,
  },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
});
