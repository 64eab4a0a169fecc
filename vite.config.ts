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

export default defineConfig({
  // Relative asset paths, so `dist/` works from any folder of any static host.
  base: "./",
  plugins: [contentSecurityPolicy()],
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
