/**
 * Before the browser tests: find (or install) Chromium, build the app and serve
 * dist/ on a free loopback port. The tests get both through `inject`.
 */
import type { TestProject } from "vitest/node";
import { ensureChromium } from "../../scripts/chromium";
import { buildAndServe, type Served } from "../../scripts/serve";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

let served: Served | undefined;

export async function setup(project: TestProject): Promise<void> {
  const chromiumPath = ensureChromium();
  served = await buildAndServe();
  project.provide("baseUrl", served.url);
  project.provide("chromiumPath", chromiumPath);
}

export async function teardown(): Promise<void> {
  await served?.close();
}
