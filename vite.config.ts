import { defineConfig } from "vite";

export default defineConfig({
  // Relative asset paths, so `dist/` works from any folder of any static host.
  base: "./",
  worker: { format: "es" },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
  },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
});
