/**
 * Helpers for the browser tests: a local static server on the preview build, build/preview/ (127.0.0.1, random port), headless Chromium via
 * playwright-core, and a page on which the Office.js CDN request is answered with the simulated host bundle and
 * every other non-local request is aborted (the tests never touch the network); and axe-core's scan of a page.
 */
import fs from "fs";
import type { AddressInfo } from "net";
import path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createStaticServer } = require("../../scripts/preview.js") as {
  createStaticServer: (root: string, o?: { simulateOffice?: boolean }) => import("http").Server;
};

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "build", "preview");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Served {
  origin: string;
  close: () => Promise<void>;
}

export async function serveDist(): Promise<Served> {
  for (const f of ["taskpane.html", "taskpane.js", "office-sim.js"]) {
    if (!fs.existsSync(path.join(DIST, f)))
      throw new Error(`build/preview/${f} is missing: run \`npm run build:preview\` first.`);
  }
  const server = createStaticServer(DIST);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A page's viewport (420 × 900 unless given) and browser language (navigator.language; Chromium's own unless given). */
export interface PageOptions {
  width?: number;
  height?: number;
  locale?: string;
}

/** A page whose only network is the local server; the Office.js CDN script is the simulated host bundle. */
export async function isolatedPage(
  browser: Browser,
  origin: string,
  blocked: string[] = [],
  { width = 420, height = 900, locale }: PageOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  const officeSim = fs.readFileSync(path.join(DIST, "office-sim.js"), "utf8");
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("https://appsforoffice.microsoft.com/")) {
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeSim });
    }
    if (url.startsWith(origin + "/") || url.startsWith("data:")) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return page;
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** What a test file shares: the local server, the browser, and the requests its pages tried to send elsewhere. */
export interface BrowserSession {
  readonly server: Served;
  readonly browser: Browser;
  readonly origin: string;
  readonly blocked: string[];
  /** A new isolated page (its own context) on this session's server, not yet navigated. */
  open(options?: PageOptions): Promise<Page>;
}

/**
 * The setup every browser test file shares, registered as its hooks: before its tests the local server on
 * build/preview/ and headless Chromium; after each test the network guard (no page tried to reach anything but the
 * local server); after all, both closed. Call it once at the top of a test file.
 */
export function browserSession(): BrowserSession {
  let server: Served | undefined;
  let browser: Browser | undefined;
  const blocked: string[] = [];
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error("browserSession() is used before its beforeAll ran");
    return v;
  };
  beforeAll(async () => {
    server = await serveDist();
    browser = await launch();
  });
  afterEach(() => {
    expect(blocked).toEqual([]); // nothing tried to reach the network
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
    get origin() {
      return ready(server).origin;
    },
    blocked,
    open: (options) => isolatedPage(ready(browser), ready(server).origin, blocked, options),
  };
}

const AXE = fs.readFileSync(path.join(require.resolve("axe-core"), "..", "axe.min.js"), "utf8");

/**
 * The one documented Fluent UI v9 false positive: Tabster's focus-redirect "dummy" elements
 * (<i data-tabster-dummy aria-hidden="true" tabindex="0">) trip axe's aria-hidden-focus on purpose — they only pass
 * focus on and must stay hidden from screen readers (microsoft/tabster#288, microsoft/fluentui#25133; Accessibility
 * Insights suppresses them the same way, microsoft/accessibility-insights-web#7605). Only those nodes of that rule
 * are set aside and counted; every other node and rule counts.
 */
const isFluentFalsePositive = (rule: string, isTabsterDummy: boolean) => rule === "aria-hidden-focus" && isTabsterDummy;

/** What axe-core found: "rule: target" per violating node, and how many Tabster dummies were set aside. */
export interface AxeScan {
  violations: string[];
  fluentFalsePositives: number;
}

/**
 * axe-core (the npm package's axe.min.js) over the whole page, once it has settled: mid-transition (a button turning
 * enabled, a dialog fading in) colours are in between, which axe would read as low contrast.
 */
export async function axeScan(page: Page): Promise<AxeScan> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const found = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: unknown[] }> } }).axe.run;
    const violations = (await run(document)).violations as { id: string; nodes: { target: string[] }[] }[];
    return violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        dummy: document.querySelector(n.target[n.target.length - 1])?.hasAttribute("data-tabster-dummy") ?? false,
      })),
    }));
  });
  return {
    violations: found.flatMap((v) =>
      v.nodes.filter((n) => !isFluentFalsePositive(v.id, n.dummy)).map((n) => `${v.id}: ${n.target}`),
    ),
    fluentFalsePositives: found.reduce(
      (k, v) => k + v.nodes.filter((n) => isFluentFalsePositive(v.id, n.dummy)).length,
      0,
    ),
  };
}
