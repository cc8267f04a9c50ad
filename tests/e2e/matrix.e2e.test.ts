/**
 * The flagged pane in every setting a user can meet (issue 19's audit): 270, 320 and 350 px (Excel on Mac, Windows,
 * the web), English and Chinese (Office's display language), Office's light and dark themes, the sample report and a
 * 100,000-row one (tools/excel-sim/sample.ts, ?simRows=100000). One flag per language, theme and size; then at each
 * width axe-core finds nothing, nothing scrolls sideways, and every finding's card stays short. The figures (axe
 * violations and set-aside Tabster dummies, tallest card, findings list height) go to
 * test-artifacts/matrix-figures.json for the closing note.
 */
import fs from "fs";
import type { Page } from "playwright-core";
import { artifact, axeScan, browserSession } from "./browser";

const session = browserSession();
const figures: Record<string, unknown> = {};

afterAll(() => {
  fs.writeFileSync(artifact("matrix-figures.json"), JSON.stringify(figures, null, 2) + "\n");
});

const WIDTHS = [270, 320, 350];
/** The Flag button and the finished status line, as each language says them (src/taskpane/i18n). */
const LANGS = {
  "en-US": { flag: "Flag weak channels", done: /Colored [\d,]+ cells? in/ },
  "zh-CN": { flag: "标记弱势渠道", done: /已在.+中填充/ },
} as const;

interface Measure {
  axe: number;
  fluentFalsePositives: number;
  violations: string[];
  overflowPx: number;
  cards: number;
  tallestCardPx: number;
  listPx: number;
}

/** At the current width, settled: axe, sideways overflow, and the findings cards' heights. */
async function measure(page: Page): Promise<Measure> {
  const scan = await axeScan(page);
  const sizes = await page.evaluate(() => {
    const cards = [...document.querySelectorAll("section[data-colour] li")].map(
      (e) => e.getBoundingClientRect().height,
    );
    const list = document.querySelector('section[aria-labelledby="findings-title"]')?.getBoundingClientRect();
    return {
      overflowPx: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      cards: cards.length,
      tallestCardPx: Math.round(Math.max(0, ...cards)),
      listPx: Math.round(list?.height ?? 0),
    };
  });
  return {
    axe: scan.violations.length,
    fluentFalsePositives: scan.fluentFalsePositives,
    violations: scan.violations,
    ...sizes,
  };
}

/** WCAG relative luminance of the first opaque background at or above the pane's root. */
function backgroundLuminance(page: Page): Promise<number> {
  return page.getByTestId("pane-ready").evaluate((start) => {
    let e: Element | null = start;
    let colour = "rgb(255, 255, 255)";
    for (; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== "transparent" && !/rgba\(.*, 0\)$/.test(c)) {
        colour = c;
        break;
      }
    }
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

describe.each([
  ["sample", 0],
  ["100,000 rows", 100000],
])("the flagged pane on the %s", (size, rows) => {
  it.each([
    ["en-US", "light"],
    ["en-US", "dark"],
    ["zh-CN", "light"],
    ["zh-CN", "dark"],
  ] as const)(
    "in %s, %s theme: no axe violation, no sideways scroll and short cards at 270, 320 and 350 px",
    async (lang, theme) => {
      const query = `?simLang=${lang}&simTheme=${theme}${rows ? `&simRows=${rows}` : ""}`;
      const page = await session.open({ width: 320, height: 720 });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${session.origin}/taskpane.html${query}`);
      const flag = page.getByRole("button", { name: LANGS[lang].flag });
      await flag.waitFor({ state: "visible" });
      await flag.click();
      await page.getByTestId("status").getByText(LANGS[lang].done).waitFor({ timeout: 170000 });
      await page.locator("section[data-colour] li").first().waitFor();
      // The setting took: Office's theme reached the pane (WCAG relative luminance of its background).
      const luminance = await backgroundLuminance(page);
      if (theme === "dark") expect(luminance).toBeLessThan(0.05);
      else expect(luminance).toBeGreaterThan(0.9);
      const at: Record<number, Measure> = {};
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 720 });
        at[width] = await measure(page);
      }
      figures[`${size} · ${lang} · ${theme}`] = at;
      for (const width of WIDTHS) {
        expect({ width, violations: at[width].violations }).toEqual({ width, violations: [] });
        expect({ width, overflowPx: at[width].overflowPx }).toEqual({ width, overflowPx: 0 });
        // Issue 19 §1: a card was up to 9,634 px at 100,000 rows; now a card is a bounded summary.
        expect(at[width].tallestCardPx).toBeLessThan(400);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
