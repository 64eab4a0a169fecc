import { defineConfig } from "vite";

export default defineConfig({
  // Relative asset paths, so `dist/` works from any folder of any static host.
  base: "./",
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
