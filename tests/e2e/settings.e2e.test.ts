/**
 * The Settings tab in the built pane at 270, 320 and 350 px (headless Chromium, simulated host): no label, option or
 * hint is cut (issue 19 item 7: the "Traffic: compare with" option was cut at every width), a heading, and after a save
 * the "Flag again" message in view.
 */
import fs from "fs";
import type { Page } from "playwright-core";
import { artifact, browserSession } from "./browser";

const session = browserSession();
const figures: Record<string, unknown> = {};

afterAll(() => {
  fs.writeFileSync(artifact("settings-figures.json"), JSON.stringify(figures, null, 2) + "\n");
});

async function openSettings(width: number, lang: "English" | "中文" = "English"): Promise<Page> {
  const page = await session.open({ width, height: 720 });
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByRole("button", { name: "Flag weak channels" }).waitFor({ state: "visible" });
  if (lang === "中文") await page.getByLabel("Language").selectOption("zh-CN");
  await page.locator("#tab-settings").click();
  await page.locator("#settings-title").waitFor();
  return page;
}

/** Every piece of text in the Settings panel whose content is wider than its box (cut or scrolled). */
function cutTexts(page: Page) {
  return page.locator("#panel-settings").evaluate((panel) => {
    const cut: { text: string; scroll: number; client: number }[] = [];
    for (const el of Array.from(
      panel.querySelectorAll("label, .fui-Field__hint, .fui-Field__validationMessage, option, h2"),
    )) {
      const e = el as HTMLElement;
      if (e.tagName === "OPTION") {
        const select = e.parentElement as HTMLSelectElement;
        const ctx = document.createElement("canvas").getContext("2d")!;
        ctx.font = getComputedStyle(select).font;
        const text = Math.ceil(ctx.measureText(e.textContent ?? "").width);
        // The select's text box: its width less padding and the arrow (about 32 px in Fluent's small select).
        if (text > select.clientWidth - 32)
          cut.push({ text: e.textContent ?? "", scroll: text, client: select.clientWidth - 32 });
      } else if (e.scrollWidth > e.clientWidth + 1)
        cut.push({ text: e.textContent ?? "", scroll: e.scrollWidth, client: e.clientWidth });
    }
    const overflow = document.documentElement.scrollWidth > document.documentElement.clientWidth;
    return { cut, overflow };
  });
}

describe("Settings at 270–350 px", () => {
  it("cuts no label, option or hint in English or Chinese, and has a heading", async () => {
    const result: Record<string, unknown> = {};
    for (const lang of ["English", "中文"] as const) {
      for (const width of [270, 320, 350]) {
        const page = await openSettings(width, lang);
        const r = await cutTexts(page);
        result[`${lang}-${width}`] = r;
        expect({ lang, width, ...r }).toEqual({ lang, width, cut: [], overflow: false });
        if (width === 320 && lang === "English")
          await page.screenshot({ path: artifact("settings-320.png"), fullPage: true });
        await page.context().close();
      }
    }
    figures.cut = result;
  });

  it("says Flag again to apply after a save, in view, with a way back to Analyze", async () => {
    const page = await openSettings(320);
    await page.getByLabel("Highest complaint rate").fill("2%");
    await page.getByRole("button", { name: "Save to workbook" }).click();
    const saved = page.getByTestId("settings-saved");
    await saved.waitFor();
    expect(await saved.textContent()).toContain("Flag again to apply them");
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    const box = (await saved.boundingBox())!;
    figures.savedMessage = box;
    // In view without scrolling by hand: the whole message inside the 720 px viewport.
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    await saved.getByRole("button", { name: "Go to Analyze" }).click();
    expect(await page.getByRole("tab", { name: "Analyze" }).getAttribute("aria-selected")).toBe("true");
    await page.context().close();
  });
});
