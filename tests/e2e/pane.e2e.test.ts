/**
 * The built task pane in headless Chromium against the simulated Excel host (office-sim.js of the preview build served in place of
 * Office.js from the CDN). Expected cells come from the sample data's construction (tests/e2e/sampleReport.ts):
 * Social's ROI run on E39/E43/E47/E51 (yellow), Video's complaint spike F32 (orange), Search's traffic drop G82
 * (orange), Email's falling repurchase H61…H113 and Video's low LTV/CAC I60…I112 (red).
 */
import fs from "fs";
import type { Page } from "playwright-core";
import { addBigSheet, dailyRows } from "./sampleReport";
import type { SimHost } from "../../tools/excel-sim";
import { artifact, browserSession } from "./browser";

const YELLOW = "#FFD966";
const ORANGE = "#F4B183";
const RED = "#FF7C80";
const USER_GREEN = "#C6EFCE";

type Fill = { pattern: string; color: string } | null;

/** The simulated host's inspector, as office-sim.js exposes it on window. */
const HOST = "__simHost";

const session = browserSession();
const figures: Record<string, unknown> = {};

afterAll(() => {
  fs.writeFileSync(artifact("e2e-figures.json"), JSON.stringify(figures, null, 2) + "\n");
});

async function openPane(): Promise<{ page: Page; interactiveMs: number; errors: string[] }> {
  const page = await session.open();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByRole("button", { name: "Flag weak channels" }).waitFor({ state: "visible" });
  // performance.now() counts from the navigation start: load to interactive.
  const interactiveMs = await page.evaluate(() => performance.now());
  return { page, interactiveMs, errors };
}

/** Adds the sample daily report as sheet "E2E" with a user green on E43 and a real white on E47, and selects it. */
async function setUpSample(page: Page): Promise<void> {
  const rows = dailyRows(); // Playwright passes Date objects through to the page as dates
  await page.evaluate(
    ({ host, rows }) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      const data = rows;
      h.addSheet({ name: "E2E", rows: data, fills: { "A1:I1": "#D9E1F2", E43: "#C6EFCE", E47: "#FFFFFF" } });
      h.select("E2E", `A1:I${data.length}`);
    },
    { host: HOST, rows },
  );
}

async function fills(page: Page, sheet: string, addresses: string[]): Promise<Record<string, Fill>> {
  return page.evaluate(
    ({ host, sheet, addresses }) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      const out: Record<string, unknown> = {};
      for (const a of addresses) {
        // What the cell shows: our conditional format's warning fill over its own fill, else its own fill.
        const m = /^([A-Z]+)(\d+)$/.exec(a)!;
        const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const shown = h.displayedColor(sheet, Number(m[2]) - 1, col);
        const f = h.fill(sheet, a);
        out[a] =
          shown && f?.color !== shown
            ? { pattern: "Solid", color: shown }
            : f && { pattern: f.pattern, color: f.color };
      }
      return out;
    },
    { host: HOST, sheet, addresses },
  ) as Promise<Record<string, Fill>>;
}

const solid = (color: string): Fill => ({ pattern: "Solid", color });

async function flag(page: Page, button = "Flag weak channels", done = /Colored [\d,]+ cells? in/): Promise<void> {
  await page.getByRole("button", { name: button }).click();
  await page.getByText(done).waitFor({ timeout: 120000 });
}

describe("task pane in Chromium on the simulated Excel host", () => {
  it("loads the built pane with the simulated Office script and becomes interactive", async () => {
    // Recorded, not asserted (speed is measured, not unit-tested): the median of three cold loads.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { page, interactiveMs, errors } = await openPane();
      times.push(Math.round(interactiveMs));
      if (i === 0) await page.screenshot({ path: artifact("pane-loaded.png") });
      expect(errors).toEqual([]);
      expect(await page.title()).toBe("Growth Signals");
      await page.context().close();
    }
    figures.loadToInteractiveMs = [...times].sort((a, b) => a - b)[1];
    figures.loadToInteractiveRunsMs = times;
  });

  it("registers every GROWTH function in the shared runtime, and they compute in the page", async () => {
    const { page, errors } = await openPane();
    const result = await page.evaluate(async () => {
      const cf = (window as unknown as { CustomFunctions: { associated: Map<string, (...a: unknown[]) => unknown> } })
        .CustomFunctions;
      const sig = cf.associated.get("ABTEST_SIG")!(1000, 100, 1000, 120, null);
      const div = cf.associated.get("RETENTION")!(5, 0) as { code?: string };
      // ABTEST_TTEST's statistics come from their own chunk (a Promise until it is in, as Excel allows)
      const tTest = await cf.associated.get("ABTEST_TTEST")!(52.1, 30.2, 400, 55.8, 31, 410);
      return { ids: [...cf.associated.keys()].sort(), sig, divCode: div.code, tTest };
    });
    expect(errors).toEqual([]);
    expect(result.ids).toEqual(
      [
        "ABTEST_BAYES",
        "ABTEST_MDE",
        "ABTEST_POWER",
        "ABTEST_PROB_BEAT",
        "ABTEST_SAMPLESIZE",
        "ABTEST_SEQ",
        "ABTEST_SIG",
        "ABTEST_SRM",
        "ABTEST_SUMMARY",
        "ABTEST_TTEST",
        "CAC",
        "CAC_PAYBACK",
        "COHORT_RETENTION",
        "CRR",
        "LTV",
        "LTV_CAC",
        "PADJUST",
        "RETENTION",
        "ROI",
      ].sort(),
    );
    // scipy/statsmodels: proportions_ztest([120,100],[1000,1000]) two-sided p = 0.152918 (issue #3).
    expect(result.sig as number).toBeCloseTo(0.152918, 6);
    expect(result.divCode).toBe("#DIV/0!"); // RETENTION(5,0): #DIV/0! wins over #NUM!
    // R: t.test on these summaries (Welch) p = 0.0856971, as in tests/functions/abTest.test.ts
    expect(result.tTest as number).toBeCloseTo(0.0856971, 6);
    await page.context().close();
  });

  it("flags the selection, lists findings by colour, clears back to the original fills", async () => {
    const { page } = await openPane();
    await setUpSample(page);
    await flag(page);
    await page.screenshot({ path: artifact("pane-flagged.png"), fullPage: true });

    expect(await fills(page, "E2E", ["E39", "E43", "E47", "E51", "F32", "G82", "H61", "H113", "I60", "I112"])).toEqual({
      E39: solid(YELLOW),
      E43: solid(YELLOW),
      E47: solid(YELLOW),
      E51: solid(YELLOW),
      F32: solid(ORANGE),
      G82: solid(ORANGE),
      H61: solid(RED),
      H113: solid(RED),
      I60: solid(RED),
      I112: solid(RED),
    });
    // Unflagged neighbours keep no fill: E35 is Social's ROI the day before the run, H57 Email's last good week.
    expect(await fills(page, "E2E", ["E35", "E55", "H57", "G78"])).toEqual({
      E35: null,
      E55: null,
      H57: null,
      G78: null,
    });

    // Findings grouped red, orange, yellow with channel, rule and action.
    const groups = await page
      .locator("section[data-colour]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-colour")));
    expect(groups).toEqual(["red", "orange", "yellow"]);
    const yellow = page.locator('section[data-colour="yellow"]');
    expect(await yellow.textContent()).toContain("Social");
    expect(await yellow.textContent()).toContain("ROI below benchmark");
    expect(await yellow.textContent()).toMatch(/4 periods: Mar 11 – 14(?!,)/);
    expect(await page.locator('section[data-colour="orange"]').textContent()).toMatch(
      /Video[\s\S]*Complaint rate high/,
    );
    expect(await page.locator('section[data-colour="red"]').textContent()).toMatch(
      /Email[\s\S]*Repurchase rate declining/,
    );

    // Clicking the finding selects its cells in the sheet.
    await yellow.getByTestId("finding").first().click();
    await page.waitForFunction(
      (host) => (window as unknown as Record<string, SimHost>)[host].selection().address.includes("E39"),
      HOST,
    );

    await page.getByRole("button", { name: "Clear warnings" }).click();
    await page.getByText(/Removed the warning colors from \d+ cell/).waitFor();
    expect(await fills(page, "E2E", ["E39", "E43", "E47", "F32", "I60", "A1"])).toEqual({
      E39: null, // no fill stays no fill (not white)
      E43: solid(USER_GREEN), // the user's own colour comes back
      E47: solid("#FFFFFF"), // a real white fill stays white
      F32: null,
      I60: null,
      A1: solid("#D9E1F2"),
    });
    const sheets = await page.evaluate((host) => (window as unknown as Record<string, SimHost>)[host].sheets(), HOST);
    expect(sheets.map((s: { name: string }) => s.name)).not.toContain("Growth Signals");
    await page.context().close();
  });

  it("labels every control with an accessible name on every tab, and Tab alone reaches Flag and runs it", async () => {
    const { page } = await openPane();
    await setUpSample(page);
    await page.getByRole("button", { name: "Recognize columns" }).click();
    await page.getByRole("group", { name: /Columns of/ }).waitFor();
    // Chromium's own accessibility tree: the names a screen reader announces (aria-label, <label>, text content…).
    const cdp = await page.context().newCDPSession(page);
    const CONTROLS = new Set([
      "button",
      "textbox",
      "combobox",
      "spinbutton",
      "checkbox",
      "radio",
      "tab",
      "menuitem",
      "slider",
      "switch",
      "listbox",
      "searchbox",
    ]);
    type AxNode = { ignored: boolean; role?: { value: string }; name?: { value: string } };
    const unnamed = async (): Promise<{ controls: number; unnamed: string[] }> => {
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AxNode[] };
      const controls = nodes.filter((n) => !n.ignored && n.role && CONTROLS.has(n.role.value));
      return {
        controls: controls.length,
        unnamed: controls.filter((n) => !n.name?.value?.trim()).map((n) => n.role!.value),
      };
    };
    const counts: number[] = [];
    // Settings and Functions load from their own chunks: read each tab's tree once its heading is in.
    const ready: Record<string, string | undefined> = { Settings: "#settings-title", Functions: "#functions-title" };
    for (const tab of ["Analyze", "Settings", "Functions"]) {
      await page.getByRole("tab", { name: tab }).click();
      if (ready[tab]) await page.locator(ready[tab]).waitFor();
      const { controls, unnamed: missing } = await unnamed();
      counts.push(controls);
      expect({ tab, missing }).toEqual({ tab, missing: [] });
    }
    // Analyze: 3 tabs, language, Recognize columns/Flag/Clear and one dropdown per column of A:I (9) at least;
    // Settings: 8 thresholds and 3 colours; Functions: 13 Insert buttons and the calculator's inputs.
    expect(counts[0]).toBeGreaterThanOrEqual(3 + 1 + 3 + 9);
    expect(counts[1]).toBeGreaterThanOrEqual(3 + 8 + 3);
    expect(counts[2]).toBeGreaterThanOrEqual(3 + 13 + 4);

    // Keyboard only: from a fresh load, Tab moves focus to Flag weak channels, and Enter flags.
    await page.reload();
    await page.getByRole("button", { name: "Flag weak channels" }).waitFor({ state: "visible" });
    await setUpSample(page);
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === "Flag weak channels");
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByText(/Colored \d+ cells in/).waitFor({ timeout: 60000 });
    expect(await fills(page, "E2E", ["E43", "F32"])).toEqual({ E43: solid(YELLOW), F32: solid(ORANGE) });
    await page.context().close();
  });

  it("re-flags with a changed threshold saved in the workbook", async () => {
    const { page } = await openPane();
    await setUpSample(page);
    await flag(page);
    expect((await fills(page, "E2E", ["E2"])).E2).toBeNull(); // Search's ROI (2.2–3.0) is above 1.5

    await page.getByRole("tab", { name: "Settings" }).click();
    const benchmark = page.getByLabel("ROI benchmark (yellow below it)");
    await benchmark.fill("-2");
    await page.getByText(/ROI benchmark must be a number greater than 0/).waitFor();
    expect(await page.getByRole("button", { name: "Save to workbook" }).isDisabled()).toBe(true);
    await benchmark.fill("3.5");
    await page.getByRole("button", { name: "Save to workbook" }).click();
    await page.getByText("Settings saved in this workbook.").waitFor();
    const parts = await page.evaluate(
      (host) => (window as unknown as Record<string, SimHost>)[host].customXmlParts(),
      HOST,
    );
    expect(
      parts.some(
        (p: { xml: string }) => p.xml.includes("urn:growth-signals:state:v1") && p.xml.includes('"roiBenchmark":3.5'),
      ),
    ).toBe(true);

    await page.getByRole("tab", { name: "Analyze" }).click();
    await flag(page);
    // Every daily ROI (2.2–3.0 and the run's 1.2–1.4) is now below 3.5 for 28 days running: all yellow.
    expect(await fills(page, "E2E", ["E2", "E5", "E113", "E43"])).toEqual({
      E2: solid(YELLOW),
      E5: solid(YELLOW),
      E113: solid(YELLOW),
      E43: solid(YELLOW),
    });
    // Flagging again replaced our rules; the user's green on E43 was never touched, so Clear shows it again.
    await page.getByRole("button", { name: "Clear warnings" }).click();
    await page.getByText(/Removed the warning colors from/).waitFor();
    expect(await fills(page, "E2E", ["E2", "E43"])).toEqual({ E2: null, E43: solid(USER_GREEN) });
    await page.context().close();
  });

  it("switches to Chinese: pane strings, rule names and actions", async () => {
    const { page } = await openPane();
    await setUpSample(page);
    await page.getByLabel("Language").selectOption("zh-CN");
    await page.getByRole("button", { name: "标记弱势渠道" }).waitFor();
    expect(await page.getByRole("tab", { name: "设置" }).isVisible()).toBe(true);
    await flag(page, "标记弱势渠道", /已在 \d+ 个表中填充/);
    const text = await page.locator('section[data-colour="yellow"]').textContent();
    expect(text).toContain("ROI 低于基准");
    expect(text).toContain("启动素材迭代流程。");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await page.screenshot({ path: artifact("pane-zh-CN.png"), fullPage: true });
    await page.context().close();
  });

  it("Cancel during a slow flag leaves the sheet as it was", async () => {
    const { page } = await openPane();
    await setUpSample(page);
    await page.evaluate((host) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      h.syncDelayMs = 400; // a slow workbook, so there is time to press Cancel
    }, HOST);
    const before = await fills(page, "E2E", ["E39", "E43", "E47", "F32"]);
    await page.getByRole("button", { name: "Flag weak channels" }).click();
    await page.getByRole("progressbar").waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Canceled. The sheet is as it was.").waitFor({ timeout: 30000 });
    expect(await fills(page, "E2E", ["E39", "E43", "E47", "F32"])).toEqual(before);
    const after = await page.evaluate((host) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      return { sheets: h.sheets().map((s) => s.name), parts: h.customXmlParts().length };
    }, HOST);
    expect(after.sheets).not.toContain("Growth Signals");
    expect(after.parts).toBe(0);
    await page.context().close();
  });

  it("flags a 100,000-row selection in at most 20 syncs under the 5 MB payload limit, showing progress", async () => {
    const { page } = await openPane();
    const N = 100000;
    await addBigSheet(page, N, HOST);
    await page.evaluate((host) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      h.resetCounters();
      // Record whether the progress bar shows up at any point during the run.
      const w = window as unknown as { progressSeen: boolean };
      w.progressSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[role="progressbar"]')) w.progressSeen = true;
      }).observe(document.body, { subtree: true, childList: true });
    }, HOST);
    const t0 = Date.now();
    await flag(page);
    const ms = Date.now() - t0;
    const stats = await page.evaluate((host) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      return {
        syncs: h.syncCount as number,
        maxRequestBytes: h.maxRequestBytes as number,
        maxResponseBytes: h.maxResponseBytes as number,
        progressSeen: (window as unknown as { progressSeen: boolean }).progressSeen,
        sample: [h.displayedColor("Big", 2, 4), h.displayedColor("Big", 3, 4)],
      };
    }, HOST);
    figures.flag100k = { rows: N, columns: 9, ms, ...stats, sample: undefined };
    await page.screenshot({ path: artifact("pane-100k.png") });
    expect(stats.progressSeen).toBe(true);
    expect(stats.syncs).toBeLessThanOrEqual(20);
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(stats.maxResponseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    // Row 3 is Social on day 0 (ROI 1.2, in the first 5-day dip): yellow; row 4 is Video: no fill.
    expect(stats.sample[0]).toBe(YELLOW);
    expect(stats.sample[1]).toBeNull();
    await page.context().close();
  });
});
