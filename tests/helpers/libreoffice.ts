/**
 * Real programs editing workbooks in tests (issue 15 §3): LibreOffice Calc driven through Python-UNO
 * (tests/helpers/lo_edit.py) and openpyxl. Each is optional on a developer's machine: the tests that need one skip
 * with a notice where it is absent; .ci/run installs both.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** The system Python that has Debian's python3-uno and python3-openpyxl (not a pyenv shim). */
const PYTHON = "/usr/bin/python3";
const LO_EDIT = path.join(__dirname, "lo_edit.py");

function pythonHas(module: string): boolean {
  return spawnSync(PYTHON, ["-c", `import ${module}`], { stdio: "ignore" }).status === 0;
}

/** LibreOffice (soffice) and its Python bridge are installed. */
export function libreOfficeAvailable(): boolean {
  return spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0 && pythonHas("uno");
}

export function openpyxlAvailable(): boolean {
  return pythonHas("openpyxl");
}

export type LoOp =
  | { op: "fill"; sheet: string; cell: string; color: string }
  | { op: "insertRows"; sheet: string; before: number; count: number }
  | { op: "deleteRows"; sheet: string; row: number; count: number }
  | { op: "sort"; sheet: string; range: string; column: number; descending?: boolean; header?: boolean }
  /** Values typed into `range` (as LibreOffice's input line reads text: "2026-03-02" a date, "=D3/C3" a formula). */
  | { op: "setValues"; sheet: string; range: string; rows: (string | number)[][] }
  | { op: "renameSheet"; from: string; to: string }
  | { op: "deleteSheet"; name: string }
  | { op: "addSheet"; name: string };

export interface LoJob {
  input: string;
  /** .xlsx (saved as Calc's "Excel 2007-365" filter writes it) or .pdf (exported as printed). */
  output: string;
  ops: LoOp[];
}

/** Runs every job in one headless LibreOffice (its own profile). Throws with LibreOffice's words if one fails. */
export function runLibreOffice(jobs: LoJob[]): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gs-lo-jobs-"));
  const file = path.join(dir, "jobs.json");
  writeFileSync(file, JSON.stringify(jobs));
  execFileSync(PYTHON, [LO_EDIT, file], { stdio: ["ignore", "pipe", "pipe"], timeout: 300_000 });
}

/** Opens and saves a workbook with openpyxl, as a script that edits a report does (it drops custom XML parts). */
export function openpyxlResave(input: string, output: string): void {
  execFileSync(
    PYTHON,
    ["-c", "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])", input, output],
    { stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 },
  );
}

const OPENPYXL_FORMATS = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def colour(c):
    return None if c is None else [c.type, str(c.value), c.tint]
out = {"sheets": wb.sheetnames, "cells": {}, "overlayRules": 0}
for ws in wb.worksheets:
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            if any("growth-signals" in f for f in (rule.formula or [])):
                out["overlayRules"] += 1
    for row in ws.iter_rows():
        for c in row:
            f, fo, b = c.fill, c.font, c.border
            out["cells"]["%s!%s" % (ws.title, c.coordinate)] = json.dumps([
                str(c.value), f.fill_type, colour(f.fgColor), colour(f.bgColor),
                fo.name, fo.sz, fo.b, fo.i, fo.u, colour(fo.color), c.number_format,
                [[s.style, colour(s.color)] for s in (b.left, b.right, b.top, b.bottom)],
            ])
print(json.dumps(out))
`;

/**
 * A workbook as openpyxl reads it (for files ExcelJS cannot open): sheet names, every cell's value and own format
 * (fill, font, number format, borders) by "Sheet!A1", and how many conditional-format rules name growth-signals.
 */
export function openpyxlFormats(file: string): {
  sheets: string[];
  cells: Record<string, string>;
  overlayRules: number;
} {
  const json = execFileSync(PYTHON, ["-c", OPENPYXL_FORMATS, file], {
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(json.toString("utf8")) as { sheets: string[]; cells: Record<string, string>; overlayRules: number };
}
