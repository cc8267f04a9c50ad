/**
 * First load within budget (issue 19 §1), measured on what the browser really fetches: the built pane
 * (build/preview, the same production bundle as dist/) opened in Chromium until its first screen is interactive.
 * Every script it requested from the add-in's server is gzip -9'd from disk (the simulated Office.js, which stands
 * in for Microsoft's CDN, aside): the task pane's scripts ≤ 200 KB and functions.js ≤ 30 KB, 1 KB = 1,000 bytes. Then the
 * parts loaded on demand (Settings, Functions, the column choices, the rules worker, ABTEST_TTEST's statistics)
 * arrive from the same server when wanted, and not before.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import type { Page } from "playwright-core";
import type { SimHost } from "../../tools/excel-sim";
import { DIST, artifact, browserSession } from "./browser";

const session = browserSession();
const HOST = "__simHost";

/** The scripts the page fetched from the add-in's server, by file name, in order. */
function trackScripts(page: Page, origin: string): string[] {
  const files: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (url.startsWith(origin + "/") && url.endsWith(".js")) files.push(url.slice(origin.length + 1));
  });
  return files;
}

const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
const total = (files: string[]) => files.reduce((a, f) => a + gzip(f), 0);

describe("first load of the task pane", () => {
  it("fetches ≤ 200 KB gzip of pane script and ≤ 30 KB of functions for its first screen; the rest on demand", async () => {
    const page = await session.open({ width: 350, height: 900 });
    const fetched = trackScripts(page, session.origin);
    await page.goto(`${session.origin}/taskpane.html`);
    await page.getByRole("button", { name: "Flag weak channels" }).waitFor({ state: "visible" });
    await page.waitForLoadState("networkidle");
    const first = [...fetched];
    const pane = first.filter((f) => f !== "functions.js");
    const figures: Record<string, unknown> = {
      firstScreen: Object.fromEntries(first.map((f) => [f, gzip(f)])),
      paneBytes: total(pane),
      functionsBytes: gzip("functions.js"),
    };
    expect(first).toContain("functions.js");
    expect(first).toContain("taskpane.js");
    expect(total(pane)).toBeLessThanOrEqual(200_000);
    expect(gzip("functions.js")).toBeLessThanOrEqual(30_000);
    // Nothing the first screen does not show came with it.
    expect(first.filter((f) => /^(pane-|rules-worker|t-test)/.test(f))).toEqual([]);

    // Each part arrives when wanted, from the same server (publicPath: where taskpane.js came from).
    const settingsAt = fetched.length;
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.locator("#settings-title").waitFor();
    expect(fetched.slice(settingsAt).some((f) => f.startsWith("pane-settings."))).toBe(true);
    const functionsAt = fetched.length;
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByTestId("ab-results").waitFor();
    expect(fetched.slice(functionsAt).some((f) => f.startsWith("pane-functions."))).toBe(true);
    await page.getByRole("tab", { name: "Analyze" }).click();
    const flagAt = fetched.length;
    await page.evaluate((host) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      h.addSheet({
        name: "Small",
        rows: [
          ["Date", "Channel", "ROI"],
          ["2026-03-02", "Search", 1.2],
          ["2026-03-03", "Search", 1.3],
          ["2026-03-04", "Search", 1.4],
        ],
      });
      h.select("Small", "A1:C4");
    }, HOST);
    await page.getByRole("button", { name: "Flag weak channels" }).click();
    await page
      .getByTestId("status")
      .getByText(/Colored [\d,]+ cells? in/)
      .waitFor({ timeout: 60000 });
    const later = fetched.slice(flagAt);
    expect(later.some((f) => f.startsWith("rules-worker."))).toBe(true);
    expect(later.some((f) => f.startsWith("pane-columns."))).toBe(true);
    figures.onDemand = Object.fromEntries(fetched.slice(first.length).map((f) => [f, gzip(f)]));
    fs.writeFileSync(artifact("first-load.json"), JSON.stringify(figures, null, 2) + "\n");
    await page.context().close();
  });
});
