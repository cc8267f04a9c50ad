/**
 * Helpers for the browser tests: a local static server on the preview build, build/preview/ (127.0.0.1, random port), headless Chromium via
 * playwright-core, and a page on which the Office.js CDN request is answered with the simulated host bundle and
 * every other non-local request is aborted (the tests never touch the network).
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
