/**
 * The A/B calculator in the built pane at 320 px (headless Chromium, simulated host): where it starts, what each of
 * its states shows, and a screenshot of each state in docs/ (issue 16 §2). Expected values are computed by hand or
 * by scipy (named where used), not read from the pane.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { ROOT, artifact, browserSession } from "./browser";

const session = browserSession();
const figures: Record<string, unknown> = {};
const DOCS = path.join(ROOT, "docs");

afterAll(() => {
  fs.writeFileSync(artifact("calculator-figures.json"), JSON.stringify(figures, null, 2) + "\n");
});

/** The pane at width × 720 in a browser whose language is `locale` (navigator.language, how the user writes numbers). */
async function openFunctions(width: number, locale = "en-US"): Promise<Page> {
  const page = await session.open({ width, height: 720, locale });
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByRole("button", { name: "Flag weak channels" }).waitFor({ state: "visible" });
  await page.getByRole("tab", { name: "Functions" }).click();
  await page.getByTestId("ab-results").waitFor();
  return page;
}

const shown = (page: Page, id: string) => page.getByTestId(`ab-${id}`).textContent();

async function set(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** The calculator's section as a 320 px screenshot in docs/. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const section = page.locator('section[aria-labelledby="ab-title"]');
  await section.screenshot({ path: path.join(DOCS, `calculator-320-${name}.png`) });
}

describe("A/B calculator at 320 px", () => {
  it("starts on screen: the calculator's heading and its first result without scrolling at 270, 320 and 350 px", async () => {
    const at: Record<number, { heading: number; verdict: number }> = {};
    for (const width of [270, 320, 350]) {
      const page = await openFunctions(width);
      const top = (sel: string) =>
        page
          .locator(sel)
          .first()
          .evaluate((e) => Math.round(e.getBoundingClientRect().top + window.scrollY));
      at[width] = { heading: await top("#ab-title"), verdict: await top('[data-testid="ab-significant"]') };
      await page.context().close();
    }
    figures.calculatorY = at; // before this change: the heading at 1,742 / 1,454 / 1,358 px
    for (const width of [270, 320, 350]) {
      expect(at[width].heading).toBeLessThan(200);
      expect(at[width].verdict).toBeLessThan(720);
    }
  });

  it("shows each state readably and screenshots it: result, SRM warning, missing box, box in error, de-DE numbers", async () => {
    const page = await openFunctions(320);
    // 100/1,000 vs 130/1,000: 3 pp, +30%; p = 0.0354885 (scipy) → 0.0355; significant at 95%.
    await set(page, "Variant conversions", "130");
    expect(await shown(page, "absLift")).toBe("+3.0 pp");
    expect(await shown(page, "relLift")).toBe("+30%");
    expect(await shown(page, "pValue")).toBe("0.0355");
    expect(await shown(page, "significant")).toBe("Yes");
    await shoot(page, "result");

    // 10,000 vs 10,500 visitors: χ² = 500² / 10,250 = 24.4, p = 7.9e-7 (scipy.stats.chisquare): warned first.
    await set(page, "Control visitors", "10,000");
    await set(page, "Control conversions", "1,000");
    await set(page, "Variant visitors", "10,500");
    await set(page, "Variant conversions", "1,300");
    await page.getByTestId("ab-srm").waitFor();
    expect(await page.getByTestId("ab-srm").textContent()).toContain("(p < 0.001)");
    const [warnY, verdictY] = await Promise.all(
      ["ab-srm", "ab-significant"].map((id) => page.getByTestId(id).evaluate((e) => e.getBoundingClientRect().top)),
    );
    expect(warnY).toBeLessThan(verdictY);
    // 1,300/10,500 vs 1,000/10,000: p far below 0.001, shown as "< 0.001" (not 35 characters), chance "> 99.9%".
    expect(await shown(page, "pValue")).toBe("< 0.001");
    expect(await shown(page, "chanceToWin")).toBe("> 99.9%");
    await shoot(page, "srm-warning");

    // Clearing a box while retyping: no result, only what is missing.
    await set(page, "Control conversions", "");
    expect(await page.getByTestId("ab-results").count()).toBe(0);
    expect(await page.getByTestId("ab-missing").textContent()).toBe("Enter control conversions to see the result.");
    await shoot(page, "missing");

    await set(page, "Control conversions", "12,000");
    const box = page.getByLabel("Control conversions", { exact: true });
    expect(await box.getAttribute("aria-invalid")).toBe("true");
    await page.getByText("More conversions than the 10,000 visitors.").waitFor();
    await shoot(page, "error");
    await page.context().close();

    // A German browser: "1.000" is a thousand, "0,9" is 90%.
    const de = await openFunctions(320, "de-DE");
    await set(de, "Control visitors", "1.000");
    await set(de, "Variant visitors", "1.000");
    await set(de, "Confidence level", "0,9");
    expect(await shown(de, "pValue")).toBe("0.153"); // scipy: 0.152918 for 100/1,000 vs 120/1,000
    await de.getByText("Significant at 90%").waitFor();
    await shoot(de, "de-DE");
    await de.context().close();
  });
});
