/**
 * Finds a Chromium for the browser tests, the screenshots and the benchmark:
 * $CHROMIUM_PATH (or $CHROME_PATH), then `chromium` and friends on the PATH,
 * then Playwright's cache. On a Debian machine without one it installs
 * Debian's package when running as root, else it says exactly what to run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The features playwright-core 1.65.1 turns off when it launches Chromium. Chromium keeps only the
 * last `--disable-features` it is given, and Playwright's comes first: a list of our own restates
 * them, or they would be on again (a browser test checks that none is dropped).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Headless Chromium 156 builds its address bar's two suggestion popups, WebUI pages of some 150
 * modules each, in a renderer of their own for every new window, and never shows them. On a
 * two-core machine that renderer took 0.5-1 s of a core while the page under test loaded (the
 * article's first frame came at 0.8-1.1 s with it, 0.45-0.55 s without), and every browser test
 * opens a new window.
 */
const UNSEEN_UI_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--enable-unsafe-swiftshader",
  "--disable-dev-shm-usage",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNSEEN_UI_FEATURES].join(",")}`,
];

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function onPath(name: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

function inPlaywrightCache(): string | undefined {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), ".cache", "ms-playwright");
  if (!existsSync(root)) return undefined;
  for (const entry of readdirSync(root).filter((e) => e.startsWith("chromium")).sort().reverse()) {
    for (const sub of ["chrome-linux64/chrome", "chrome-linux/chrome"]) {
      const candidate = join(root, entry, sub);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no such file.`);
    return fromEnv;
  }
  for (const name of NAMES) {
    const path = onPath(name);
    if (path) return path;
  }
  return inPlaywrightCache();
}

const HOW_TO_INSTALL =
  "The browser tests need Chromium. Install it with `sudo apt-get update && sudo apt-get install -y chromium` " +
  "(Debian) or point CHROMIUM_PATH at a Chromium or Chrome executable.";

/** Finds Chromium, installing Debian's package when possible; throws with instructions otherwise. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && onPath("apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package with apt-get…");
    try {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
      execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
        stdio: "inherit",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    } catch {
      throw new Error(`Installing Chromium with apt-get failed. ${HOW_TO_INSTALL}`);
    }
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(HOW_TO_INSTALL);
}
