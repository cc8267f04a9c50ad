/** @jest-environment jsdom */
/**
 * The Settings and Functions tabs load on demand (issue 19): the first screen does not wait for them, a tab says
 * it is loading, and a chunk that does not arrive (server gone, connection dropped) is said in one sentence with a
 * way to try again, which then shows the tab; the Analyze tab keeps working meanwhile.
 */
import "@testing-library/jest-dom";
import { fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { ExcelGateway } from "../../src/taskpane/excel/types";
import "./renderPane"; // ResizeObserver stand-in

// The first two loads of the Functions tab fail the way a lost chunk does: the import rejects.
let functionsFailures = 2;
jest.mock("../../src/taskpane/components/FunctionsTab", () => {
  if (functionsFailures > 0) {
    functionsFailures -= 1;
    throw Object.assign(new Error("Loading chunk 151 failed."), { name: "ChunkLoadError" });
  }
  return jest.requireActual("../../src/taskpane/components/FunctionsTab");
});

const settingsLoaded = jest.fn();
jest.mock("../../src/taskpane/components/SettingsPanel", () => {
  settingsLoaded();
  return jest.requireActual("../../src/taskpane/components/SettingsPanel");
});

function gateway(): ExcelGateway {
  const never = () => new Promise<never>(() => undefined);
  return {
    readSelection: jest.fn(never),
    flag: jest.fn(never),
    clear: jest.fn(never),
    checkTable: jest.fn(async () => false),
    loadSettings: jest.fn(async () => null),
    saveSettings: jest.fn(async () => undefined),
    selectCells: jest.fn(async () => null),
    insertFormula: jest.fn(never),
    hasFlags: jest.fn(async () => false),
    describeSelection: jest.fn(async () => ({ sheet: "Daily", address: "A1:D20", rows: 20, columns: 4, cells: 80 })),
    watchSelection: jest.fn(() => () => undefined),
  } as unknown as ExcelGateway;
}

jest.setTimeout(30000);

describe("tabs loaded on demand", () => {
  it("loads Settings only when it is wanted: not for the first screen, then on pointing at its tab", async () => {
    render(<App gateway={gateway()} />);
    expect(screen.getByRole("button", { name: "Flag weak channels" })).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(settingsLoaded).not.toHaveBeenCalled();
    fireEvent.pointerEnter(screen.getByRole("tab", { name: "Settings" }));
    await new Promise((r) => setTimeout(r, 0));
    expect(settingsLoaded).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    expect(await screen.findByLabelText("ROI benchmark (yellow below it)", {}, { timeout: 10000 })).toBeInTheDocument();
  });

  it("says in one sentence when the Functions tab cannot load, and shows it after Try again", async () => {
    render(<App gateway={gateway()} />);
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    const alert = await screen.findByRole("alert", {}, { timeout: 10000 });
    expect(alert).toHaveTextContent(
      "The Functions tab could not load. Check the connection to the add-in's server, then try again.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    // The second load fails too (still offline): the same message, no crash, and the Analyze tab still there.
    expect(await screen.findByRole("alert", {}, { timeout: 10000 })).toHaveTextContent(
      "The Functions tab could not load.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(
      await screen.findByRole("button", { name: "Insert GROWTH.ROI into the active cell" }, { timeout: 10000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Analyze" }));
    expect(screen.getByRole("button", { name: "Flag weak channels" })).toBeVisible();
  });
});
