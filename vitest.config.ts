import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Always write the JSON report too: .ci/run counts passes and failures from it.
    reporters: ["default", ["json", { outputFile: "reports/test-results.json" }]],
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/browser/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One Chromium at a time: two cores, SwiftShader WebGL.
          fileParallelism: false,
        },
      },
    ],
  },
});
