#!/usr/bin/python3
"""Edits .xlsx workbooks the way a person does in LibreOffice Calc, through the Python-UNO bridge (Debian
python3-uno), so that a real spreadsheet program adjusts formats, conditional formats and names, not our code.

    /usr/bin/python3 tests/helpers/lo_edit.py jobs.json

jobs.json: [{"input": "a.xlsx", "output": "b.xlsx", "ops": [{"op": "insertRows", "sheet": "Daily", "before": 100,
"count": 3}, ...]}, ...]. All jobs run in one headless soffice (its own profile, so parallel runs do not collide).
Rows are 1-based as Calc shows them; cells are A1 addresses. Ops:
  fill         {sheet, cell, color: "#RRGGBB"}   the cell's own background (Format Cells > Background)
  insertRows   {sheet, before, count}            Sheet > Insert Rows above row `before`
  deleteRows   {sheet, row, count}               Sheet > Delete Rows from row `row`
  sort         {sheet, range: "A2:I226", column: 0-based in the range, descending, header}  Data > Sort
  renameSheet  {from, to}
  deleteSheet  {name}
  addSheet     {name}                            a new sheet at the end, A1 = name
Every job is saved as "Calc MS Excel 2007 XML" (.xlsx), as File > Save As does, or exported as PDF (every sheet, as
printed) when its output ends in .pdf. Prints one line per job.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def start_office():
    profile = tempfile.mkdtemp(prefix="gs-lo-profile-")
    pipe = "gs_lo_%d" % os.getpid()
    proc = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            return proc, profile, desktop
        except NoConnectException:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("soffice did not start")


def rgb(color):
    return int(color.lstrip("#"), 16)


def apply(doc, op):
    sheets = doc.Sheets
    kind = op["op"]
    if kind == "fill":
        sheets.getByName(op["sheet"]).getCellRangeByName(op["cell"]).CellBackColor = rgb(op["color"])
    elif kind == "insertRows":
        sheets.getByName(op["sheet"]).Rows.insertByIndex(op["before"] - 1, op["count"])
    elif kind == "deleteRows":
        sheets.getByName(op["sheet"]).Rows.removeByIndex(op["row"] - 1, op["count"])
    elif kind == "sort":
        rng = sheets.getByName(op["sheet"]).getCellRangeByName(op["range"])
        field = uno.createUnoStruct("com.sun.star.table.TableSortField")
        field.Field = op["column"]
        field.IsAscending = not op.get("descending", False)
        desc = rng.createSortDescriptor()
        for p in desc:
            if p.Name == "SortFields":
                p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif p.Name == "ContainsHeader":
                p.Value = op.get("header", False)
        rng.sort(desc)
    elif kind == "setValues":
        # typed in, as a person types: LibreOffice reads each text as its input line would (dates, numbers, formulas)
        rows = tuple(tuple(str(v) for v in row) for row in op["rows"])
        sheets.getByName(op["sheet"]).getCellRangeByName(op["range"]).setFormulaArray(rows)
    elif kind == "renameSheet":
        sheets.getByName(op["from"]).Name = op["to"]
    elif kind == "deleteSheet":
        sheets.removeByName(op["name"])
    elif kind == "addSheet":
        sheets.insertNewByName(op["name"], sheets.Count)
        sheets.getByName(op["name"]).getCellRangeByName("A1").String = op["name"]
    else:
        raise ValueError("unknown op " + kind)


def main():
    jobs = json.load(open(sys.argv[1]))
    proc, profile, desktop = start_office()
    try:
        for n, job in enumerate(jobs):
            # A private copy: LibreOffice locks the file it opens (.~lock.*#), and another run may open the same one.
            copy = os.path.join(profile, "in%d%s" % (n, os.path.splitext(job["input"])[1]))
            shutil.copyfile(job["input"], copy)
            doc = desktop.loadComponentFromURL(url(copy), "_blank", 0, (prop("Hidden", True),))
            if doc is None:
                raise RuntimeError("LibreOffice could not open " + job["input"])
            for op in job.get("ops", []):
                apply(doc, op)
            pdf = job["output"].lower().endswith(".pdf")
            doc.storeToURL(url(job["output"]), (prop("FilterName", "calc_pdf_Export" if pdf else "Calc MS Excel 2007 XML"),))
            doc.close(True)
            print("ok", job["output"])
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
