/**
 * Issue 10 in the built pane (headless Chromium, simulated Excel host): axe-core on every state, the pane at the
 * widths Excel gives it (270 Mac, 320 Windows, 350 web) without horizontal scrolling, keyboard-only flag → finding →
 * clear, live-region announcements, focus after Flag and Cancel, results first at 320 × 720, the legend in
 * forced-colours mode, and a 100,000-row flag that keeps the main thread responsive (longest task, Cancel latency).
 * Figures go to test-artifacts/a11y-figures.json; screenshots to test-artifacts/.
 */
import fs from "fs";
import os from "os";
import type { Page } from "playwright-core";
import { addBigSheet, dailyRows } from "./sampleReport";
import type { SimHost } from "../../tools/excel-sim";
import { artifact, axeScan, browserSession } from "./browser";

const HOST = "__simHost";

const session = browserSession();
const figures: Record<string, unknown> = {};
const axeTotals: Record<string, number> = {};
const axeFalsePositives: Record<string, number> = {};

afterAll(() => {
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  figures.axe = {
    violations: axeTotals,
    total: sum(axeTotals),
    fluentTabsterFalsePositives: axeFalsePositives,
    falsePositivesTotal: sum(axeFalsePositives),
  };
  fs.writeFileSync(artifact("a11y-figures.json"), JSON.stringify(figures, null, 2) + "\n");
});

/** Records what the pane announces: document.ariaNotify calls and text put into aria-live regions. */
function recordAnnouncements(): void {
  const w = window as unknown as { __announced: string[] };
  w.__announced = [];
  const doc = Document.prototype as unknown as { ariaNotify?: (m: string, o?: unknown) => void };
  const original = doc.ariaNotify;
  if (original)
    doc.ariaNotify = function (this: Document, m: string, o?: unknown) {
      w.__announced.push(String(m));
      return original.call(this, m, o);
    };
  const last = new WeakMap<Element, string>();
  new MutationObserver(() => {
    for (const el of document.querySelectorAll("[aria-live]")) {
      const text = el.textContent?.trim() ?? "";
      if (text && last.get(el) !== text) w.__announced.push(text);
      last.set(el, text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function openPane(width = 320, height = 720, query = ""): Promise<Page> {
  const page = await session.open({ width, height });
  await page.addInitScript(recordAnnouncements);
  await page.goto(`${session.origin}/taskpane.html${query}`);
  await page.getByRole("button", { name: "Flag weak channels" }).waitFor({ state: "visible" });
  return page;
}

async function setUpSample(page: Page): Promise<number> {
  const rows = dailyRows();
  await page.evaluate(
    ({ host, rows }) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      h.addSheet({ name: "E2E", rows, fills: { "A1:I1": "#D9E1F2", E43: "#C6EFCE" } });
      h.select("E2E", `A1:I${rows.length}`);
    },
    { host: HOST, rows },
  );
  return rows.length;
}

async function flag(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Flag weak channels" }).click();
  await page
    .getByTestId("status")
    .getByText(/Colored [\d,]+ cells? in/)
    .waitFor({ timeout: 120000 });
}

async function axe(page: Page, state: string): Promise<void> {
  const { violations: real, fluentFalsePositives } = await axeScan(page);
  axeTotals[state] = real.length;
  axeFalsePositives[state] = fluentFalsePositives;
  expect({ state, violations: real }).toEqual({ state, violations: [] });
}

/** Horizontal overflow of the page, and the widest elements that stick out (for the report). */
async function overflow(page: Page): Promise<{ scroll: number; client: number; culprits: string[] }> {
  return page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > client + 0.5 && (e as HTMLElement).offsetParent !== null)
      .slice(0, 5)
      .map(
        (e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""} ${Math.round(e.getBoundingClientRect().right)}px`,
      );
    return { scroll: document.documentElement.scrollWidth, client, culprits };
  });
}

const announced = (page: Page) => page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      tag: a?.tagName.toLowerCase(),
      testid: a?.getAttribute("data-testid") ?? null,
      name: a?.textContent ?? null,
    };
  });

describe("issue 10: the pane as analysts use it", () => {
  it("scans every state with axe-core: 0 violations", async () => {
    const page = await openPane();
    await axe(page, "start");
    await setUpSample(page);
    await page.getByRole("button", { name: "Recognize columns" }).click();
    await page.getByRole("group", { name: /Columns of/ }).waitFor();
    await axe(page, "columns");
    await flag(page);
    // open on first use (issue 19 §8)
    expect(await page.getByTestId("legend").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await axe(page, "flagged");
    await page.getByRole("button", { name: "Clear warnings" }).click();
    await page.getByText(/Removed the warning colors from/).waitFor();
    await axe(page, "cleared");
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Color palette").selectOption("okabe-ito");
    await axe(page, "settings");
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByTestId("ab-results").waitFor(); // the tab loads on demand: scan it once it is in
    await axe(page, "functions");
    await page.evaluate((host) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      h.select("E2E", "B2");
    }, HOST);
    await page.getByRole("button", { name: "Insert GROWTH.ROI into the active cell" }).click();
    await page.getByRole("alertdialog").waitFor();
    // Scan once the dialog has faded in: mid-animation its text is partly transparent, which axe reads as low contrast.
    await page.waitForFunction(() => {
      const surface = document.querySelector(".fui-DialogSurface");
      return !!surface && surface.getAnimations({ subtree: true }).every((a) => a.playState !== "running");
    });
    await axe(page, "insert-confirm");
    await page.getByRole("button", { name: "Keep it" }).click();
    await page.getByText("Nothing written: E2E!B2 keeps its content.").waitFor();
    await page.getByRole("tab", { name: "Analyze" }).click();
    await page.getByLabel("Language").selectOption("zh-CN");
    await page.getByRole("button", { name: "标记弱势渠道" }).click();
    await page.getByText(/已在 .*中填充/).waitFor({ timeout: 60000 });
    await axe(page, "flagged-zh-CN");
    await page.context().close();
  });

  it("fits 270, 320 and 350 px on every tab without horizontal scrolling; the title stays on one line", async () => {
    const result: Record<string, unknown> = {};
    for (const width of [270, 320, 350]) {
      const page = await openPane(width, 720);
      await setUpSample(page);
      await flag(page);
      await page.getByRole("button", { name: "Change the column roles" }).click();
      const title = await page.locator("h1").evaluate((h) => ({
        height: h.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(h).lineHeight),
        clipped: h.scrollWidth > h.clientWidth,
      }));
      const analyze = await overflow(page);
      await page.screenshot({ path: artifact(`pane-${width}-analyze.png`), fullPage: true });
      await page.getByRole("tab", { name: "Settings" }).click();
      await page.locator("#settings-title").waitFor(); // Settings and Functions load on demand
      const settings = await overflow(page);
      await page.screenshot({ path: artifact(`pane-${width}-settings.png`), fullPage: true });
      await page.getByRole("tab", { name: "Functions" }).click();
      await page.getByTestId("ab-results").waitFor();
      const functions = await overflow(page);
      await page.screenshot({ path: artifact(`pane-${width}-functions.png`), fullPage: true });
      result[width] = { title, analyze, settings, functions };
      await page.context().close();
    }
    figures.widths = result;
    for (const [width, r] of Object.entries(result) as [string, Record<string, Record<string, number | boolean>>][]) {
      if (Number(width) >= 320) expect({ width, clipped: r.title.clipped }).toEqual({ width, clipped: false });
      expect(r.title.height).toBeLessThan((r.title.lineHeight as number) * 1.5);
      for (const tab of ["analyze", "settings", "functions"])
        expect({ width, tab, scroll: r[tab].scroll <= r[tab].client }).toEqual({ width, tab, scroll: true });
    }
  });

  it("shows the first finding without scrolling at 320 × 720, below the status line", async () => {
    const page = await openPane(320, 720);
    await setUpSample(page);
    await flag(page);
    const pos = await page.evaluate(() => {
      const card = document.querySelector('[data-testid="finding"]')!.getBoundingClientRect();
      const status = document.querySelector('[data-testid="status"]')!.getBoundingClientRect();
      return { top: Math.round(card.top + scrollY), bottom: Math.round(card.bottom + scrollY), status: status.bottom };
    });
    figures.firstFindingAt320x720 = pos;
    expect(pos.top).toBeGreaterThan(pos.status);
    expect(pos.bottom).toBeLessThanOrEqual(720);
    await page.screenshot({ path: artifact("pane-320x720-results-first.png") });
    await page.context().close();
  });

  it("works by keyboard alone: flag → first finding (focused, announced) → select its cells → clear", async () => {
    const page = await openPane(350, 900);
    await setUpSample(page);
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === "Flag weak channels");
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    const summary = page.getByTestId("status").getByText(/Colored [\d,]+ cells in 1 table\./);
    await summary.waitFor({ timeout: 60000 });
    const cells = /Colored ([\d,]+) cells/.exec((await summary.textContent()) ?? "")![1];
    // Focus lands on the first finding, a red one; its name is short, its details are the description.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "finding");
    const first = await focused(page);
    expect(first.name).toMatch(/^\w+.+ · Act now$/);
    const text = (await announced(page)).join(" | ");
    // issue 19 §8: a phase is announced by name when it starts, never as "0%"
    expect(text).toMatch(/Reading cells/);
    expect(text).not.toMatch(/: 0%/);
    expect(text).toContain(`Colored ${cells} cells in 1 table.`);
    figures.announcedAfterFlag = await announced(page);
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (host) => /^[HI]\d/.test((window as unknown as Record<string, SimHost>)[host].selection().address),
      HOST,
    );
    // issue 19 §2: selecting says what it selected, in the live region
    await page.waitForFunction(() =>
      (window as unknown as { __announced: string[] }).__announced.some((m) =>
        /^Selected all [\d,]+ cells? in the sheet\.$/.test(m),
      ),
    );
    // Back to Clear (Shift+Tab past the status line), and clear.
    let onClear = false;
    for (let i = 0; i < 10 && !onClear; i++) {
      await page.keyboard.press("Shift+Tab");
      onClear = await page.evaluate(() => document.activeElement?.textContent?.trim() === "Clear warnings");
    }
    expect(onClear).toBe(true);
    await page.keyboard.press("Enter");
    await page
      .getByTestId("status")
      .getByText(`Removed the warning colors from ${cells} cells; your own formatting was never changed.`)
      .waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "status");
    expect(await page.getByRole("button", { name: "Clear warnings" }).isDisabled()).toBe(true);
    await page.context().close();
  });

  it("shows the legend with shapes and words in forced-colours mode", async () => {
    const page = await openPane(320, 900);
    await page.emulateMedia({ forcedColors: "active" });
    // open on first use (issue 19 §8)
    expect(await page.getByTestId("legend").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const legend = await page.getByTestId("legend").evaluate((el) =>
      [...el.querySelectorAll("li[data-colour]")].map((li) => ({
        colour: li.getAttribute("data-colour"),
        text: li.textContent,
        shape: li.querySelector("svg")?.firstElementChild?.tagName,
        swatchBorder: getComputedStyle(li.querySelector("span")!).borderTopWidth,
      })),
    );
    expect(legend.map((l) => l.colour)).toEqual(["red", "orange", "yellow"]);
    expect(legend[0].text).toContain("Act now · Red");
    expect(legend[1].text).toContain("Act today · Orange");
    expect(legend[2].text).toContain("Watch · Yellow");
    expect(legend[2].text).toContain("ROI below 1.5 for 3 consecutive periods"); // the default benchmark and run
    expect(legend.map((l) => l.shape)).toEqual(["polygon", "polygon", "circle"]);
    for (const l of legend) expect(parseFloat(l.swatchBorder)).toBeGreaterThanOrEqual(1);
    await page.getByTestId("legend").screenshot({ path: artifact("legend-forced-colors.png") });
    await page.getByLabel("Language").selectOption("zh-CN");
    expect(await page.getByTestId("legend").textContent()).toContain("立即处理 · 红牌");
    await page.context().close();
  });

  it("keeps a 100,000-row flag responsive: longest task and Cancel latency measured, focus on the status", async () => {
    const N = 100000;
    const bigSheet = async (page: Page) => {
      await addBigSheet(page, N, HOST);
      await page.evaluate(() => {
        const w = window as unknown as { __tasks: number[]; __cancelledAt?: number };
        w.__tasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__tasks.push(e.duration);
        }).observe({ type: "longtask" });
        new MutationObserver(() => {
          if (!w.__cancelledAt && document.body.textContent?.includes("Canceled. The sheet is as it was."))
            w.__cancelledAt = Date.now();
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    };

    // Whole flags, each in a fresh pane: the longest main-thread task of each, and the tasks over 200 ms once
    // scaled by the load at that run (below). One run can meet a burst of other jobs on a shared machine; a step
    // that really grew is long in every run, so the median run decides.
    const RUNS = 3;
    const runs: { flagMs: number; longestMs: number; loadPerCore: number; over200: number; tasks: number }[] = [];
    for (let r = 0; r < RUNS; r++) {
      const page = await openPane(350, 900);
      await bigSheet(page);
      const t0 = Date.now();
      await flag(page);
      const flagMs = Date.now() - t0;
      const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
      await page.context().close();
      // 200 ms on a machine to itself; when other jobs hold the cores, every task stretches by the run-queue
      // factor (1-minute load average per core), recorded with the figures.
      const loadPerCore = Math.max(1, os.loadavg()[0] / os.cpus().length);
      runs.push({
        flagMs,
        longestMs: Math.round(Math.max(0, ...tasks)),
        loadPerCore: Math.round(loadPerCore * 100) / 100,
        over200: tasks.filter((d) => d > 200 * loadPerCore).length,
        tasks: tasks.length,
      });
    }

    // Cancel while the flag is under way: from the click to "Cancelled" on screen. The simulated host holds the
    // first sync that starts once Cancel is on screen until the click is made, so the flag cannot finish (and take
    // the button away) before the test reaches for it; CI fails here only when Cancel itself regresses.
    const again = await openPane(350, 900);
    await bigSheet(again);
    await again.evaluate((host) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      const cancelShown = () => [...document.querySelectorAll("button")].some((b) => b.textContent === "Cancel");
      (window as unknown as { __hold: ReturnType<SimHost["holdNextSync"]> }).__hold = h.holdNextSync(cancelShown);
    }, HOST);
    await again.getByRole("button", { name: "Flag weak channels" }).click();
    await again.evaluate(() => (window as unknown as { __hold: { reached: Promise<void> } }).__hold.reached);
    const cancel = again.getByRole("button", { name: "Cancel" });
    const box = (await cancel.boundingBox())!;
    const pressed = Date.now();
    await again.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await again.evaluate(() => (window as unknown as { __hold: { release: () => void } }).__hold.release());
    await again.getByText("Canceled. The sheet is as it was.").waitFor({ timeout: 60000 });
    const cancelledAt = await again.evaluate(() => (window as unknown as { __cancelledAt: number }).__cancelledAt);
    await again.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "status");
    const cancelText = (await announced(again)).join(" | ");
    const sheets = await again.evaluate(
      (host) => (window as unknown as Record<string, SimHost>)[host].sheets().map((s) => s.name),
      HOST,
    );
    await again.context().close();

    // Each run's longest task as on an idle machine (divided by its load factor); the median of the runs.
    const scaled = runs.map((r) => r.longestMs / r.loadPerCore).sort((a, b) => a - b);
    const medianScaledMs = Math.round(scaled[Math.floor(scaled.length / 2)]);
    const over200 = runs.reduce((a, r) => a + r.over200, 0);
    figures.flag100k = {
      runs,
      longestTaskMs: Math.max(...runs.map((r) => r.longestMs)),
      medianScaledLongestMs: medianScaledMs,
      tasksOver200ScaledMs: over200,
      cancelLatencyMs: cancelledAt - pressed,
    };
    console.log(
      `100,000-row flag × ${RUNS}: longest task per run ${runs.map((r) => `${r.longestMs} ms (load ${r.loadPerCore})`).join(", ")}; ` +
        `median load-scaled ${medianScaledMs} ms; tasks over 200 ms load-scaled: ${over200}; Cancel ${cancelledAt - pressed} ms`,
    );
    expect(cancelText).toContain("Canceled. The sheet is as it was.");
    expect(sheets).not.toContain("Growth Signals");
    expect(medianScaledMs).toBeLessThanOrEqual(200);
    expect(cancelledAt - pressed).toBeLessThanOrEqual(500);
  });
});
