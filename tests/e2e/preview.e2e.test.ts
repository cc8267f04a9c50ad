/**
 * The browser preview (npm run preview): the simulated workbook grid next to the real pane. Flags the sample and
 * checks the grid paints the coloured cells; saves the screenshot (test-artifacts/screenshot-preview.png; with
 * UPDATE_SCREENSHOT=1 also assets/screenshot-preview.png, the one the README shows).
 */
import fs from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { ROOT, artifact, isolatedPage, launch, serveDist, type Served } from "./browser";

let server: Served;
let browser: Browser;

beforeAll(async () => {
  server = await serveDist();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("shows the sample workbook next to the pane, and flagging paints the grid", async () => {
  const blocked: string[] = [];
  const page = await isolatedPage(browser, server.origin, blocked);
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.origin}/preview.html`);
  const cell = (a: string) => page.locator(`td[data-address="${a}"]`);
  await cell("A1").waitFor();
  expect(await cell("B3").textContent()).toBe("Social");
  expect(await cell("A2").textContent()).toBe("2026-03-02");
  await page.getByRole("button", { name: "Flag weak channels" }).click();
  await page.getByText(/Colored \d+ cells? in/).waitFor({ timeout: 60000 });
  // The simulated host's sample (tools/excel-sim/sample.ts): Social's ROI is below 1.5 on days 10–14, so D43
  // (row 2 + 4·10 + 1) is painted in the yellow fill; D39, the day before, is not.
  expect(await cell("D43").evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(255, 217, 102)");
  expect(await cell("D39").evaluate((e) => (e as HTMLElement).style.backgroundColor)).toBe("");
  // The report sheet the pane added shows up as a tab.
  await page.getByRole("tab", { name: "Growth Signals" }).waitFor();
  // Clicking Social's ROI finding selects its cells and brings them into view in the grid, under the frozen
  // header row: D43 (row 2 + 4·10 + 1) and A1 ("Date") are both inside the grid's visible box.
  await page.locator('section[data-colour="yellow"]').getByTestId("finding").first().click();
  await page.waitForFunction(
    () =>
      (window as unknown as { __simHost: { selection(): { address: string } } }).__simHost
        .selection()
        .address.startsWith("D43"),
    undefined,
    { timeout: 10000 },
  );
  const inView = (a: string) =>
    cell(a).evaluate((e) => {
      const box = e.getBoundingClientRect();
      const port = e.closest("table")!.parentElement!.getBoundingClientRect();
      return box.top >= port.top && box.bottom <= port.bottom && box.left >= port.left && box.right <= port.right;
    });
  expect(await inView("D43")).toBe(true);
  expect(await inView("A1")).toBe(true);
  expect(await cell("A1").textContent()).toBe("Date");
  // The picture for the README: the grid with its header row and Social's yellow ROI run selected; the pane from
  // its Flag button down to the findings.
  await page.getByRole("button", { name: "Flag weak channels" }).evaluate((e) => {
    const pane = e.closest("aside")!;
    pane.scrollTop += e.getBoundingClientRect().top - pane.getBoundingClientRect().top - 12;
  });
  const shot = artifact("screenshot-preview.png");
  await page.screenshot({ path: shot });
  if (process.env.UPDATE_SCREENSHOT === "1") fs.copyFileSync(shot, path.join(ROOT, "assets", "screenshot-preview.png"));
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.close();
});
