/**
 * Issue 19, what changed since the last flag, in the built pane (headless Chromium, the simulated host's sample,
 * tools/excel-sim/sample.ts): flag; a colleague corrects Video's complaint rate on day 20 (1.6% → 0.4%, E84) and
 * types Social's ROI 1.2 on days 40–42 (D163, D167, D171: three days below 1.5, a fresh run); flag again. By those
 * edits: Social's ROI finding is New, the other three Continuing, Video's complaint Resolved. At 270, 320 and 350 px
 * in English and Chinese: the badges are words inside their cards, nothing scrolls sideways, axe finds nothing.
 * Figures to test-artifacts/changes-figures.json; the screenshot to docs/pane-320-changes.png.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import type { SimHost } from "../../tools/excel-sim";
import { ROOT, artifact, axeScan, browserSession } from "./browser";

const session = browserSession();
const figures: Record<string, unknown> = {};

afterAll(() => {
  fs.writeFileSync(artifact("changes-figures.json"), JSON.stringify(figures, null, 2) + "\n");
});

const LANGS = {
  "en-US": {
    flag: "Flag weak channels",
    done: /Colored [\d,]+ cells? in/,
    counts: "Since the last flag",
    marks: { new: "New", continuing: "Continuing" },
    resolved: "Resolved since last flag",
  },
  "zh-CN": {
    flag: "标记弱势渠道",
    done: /已在.+中填充/,
    counts: "较上次标记",
    marks: { new: "新增", continuing: "持续" },
    resolved: "上次标记后已解除",
  },
} as const;

async function flagAndWait(page: Page, lang: keyof typeof LANGS): Promise<void> {
  const status = page.getByTestId("status");
  await page.getByRole("button", { name: LANGS[lang].flag }).click();
  await status.getByText(LANGS[lang].done).waitFor({ timeout: 60000 });
  await page.locator("section[data-colour] li").first().waitFor();
}

describe.each(["en-US", "zh-CN"] as const)("flag, edit, flag again in %s", (lang) => {
  it("badges the cards in words and lists the resolved, within the pane at 270, 320 and 350 px", async () => {
    const L = LANGS[lang];
    const page = await session.open({ width: 320, height: 720 });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${session.origin}/taskpane.html?simLang=${lang}`);
    await page.getByRole("button", { name: L.flag }).waitFor({ state: "visible" });
    await flagAndWait(page, lang);
    // a first flag: nothing to compare, no badge
    expect(await page.getByTestId("change-mark").count()).toBe(0);

    await page.evaluate(() => {
      const h = (window as unknown as { __simHost: SimHost }).__simHost;
      h.setValues("Channels", "E84", [[0.004]]);
      for (const cell of ["D163", "D167", "D171"]) h.setValues("Channels", cell, [[1.2]]);
      h.select("Channels", "A1");
    });
    await flagAndWait(page, lang);
    await page.getByTestId("status").getByText(L.counts).waitFor();

    const cards = await page.locator("section[data-colour] li").evaluateAll((lis) =>
      lis.map((li) => ({
        name: li.querySelector('[data-testid="finding"]')?.textContent ?? "",
        mark: li.querySelector('[data-testid="change-mark"]')?.textContent ?? null,
      })),
    );
    // five findings flagged first; Video's complaint is gone, so four cards: Social's ROI new, three continuing
    expect(cards).toHaveLength(4);
    const fresh = cards.filter((c) => c.mark === L.marks.new);
    expect(fresh).toHaveLength(1);
    expect(fresh[0].name).toMatch(/^Social ROI /);
    expect(cards.filter((c) => c.mark === L.marks.continuing)).toHaveLength(3);
    const resolved = page.getByTestId("resolved");
    await resolved.getByRole("heading", { level: 3 }).filter({ hasText: L.resolved }).waitFor();
    expect(await resolved.getByTestId("resolved-item").count()).toBe(1);
    expect(await resolved.getByTestId("resolved-item").textContent()).toContain("Video");

    const at: Record<number, unknown> = {};
    for (const width of [270, 320, 350]) {
      await page.setViewportSize({ width, height: 720 });
      const scan = await axeScan(page);
      const layout = await page.evaluate(() => {
        // every badge inside its card, on the card's title line or the next
        const outside = [...document.querySelectorAll('[data-testid="change-mark"]')].filter((b) => {
          const card = b.closest("li")!.getBoundingClientRect();
          const r = b.getBoundingClientRect();
          return r.left < card.left || r.right > card.right || r.width === 0;
        }).length;
        return {
          overflowPx: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          badgesOutside: outside,
          resolvedPx: Math.round(document.querySelector('[data-testid="resolved"]')!.getBoundingClientRect().height),
        };
      });
      at[width] = { axe: scan.violations, ...layout };
      expect({ width, violations: scan.violations }).toEqual({ width, violations: [] });
      expect({ width, ...layout, resolvedPx: 0 }).toEqual({ width, overflowPx: 0, badgesOutside: 0, resolvedPx: 0 });
    }
    figures[lang] = at;
    if (lang === "en-US") {
      await page.setViewportSize({ width: 320, height: 720 });
      await page.locator("section[data-colour]").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ROOT, "docs", "pane-320-changes.png"), fullPage: true });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
