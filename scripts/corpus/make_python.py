"""Corpus files written by openpyxl, pandas and XlsxWriter (run with Debian's /usr/bin/python3)."""
import datetime as dt
import os
import sys

import openpyxl
import pandas as pd
import xlsxwriter
from openpyxl.comments import Comment
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName

sys.path.insert(0, os.path.dirname(__file__))
from data import EN, ZH, rows, other_rows  # noqa: E402

OUT = sys.argv[1]
VBA = "/usr/share/doc/python3-xlsxwriter/examples/vbaProject.bin"


def p(name):
    return os.path.join(OUT, name)


def op_book(zh=False, title=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "渠道日报" if zh else "Daily"
    if title:
        ws.append([title])
    ws.append(ZH if zh else EN)
    for r in rows(zh):
        ws.append(r)
    for row in ws.iter_rows(min_row=2 if not title else 3, max_col=1):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    return wb, ws


wb, ws = op_book()
wb.save(p("openpyxl-channel-en.xlsx"))
wb, ws = op_book(zh=True, title="渠道周报 2026年3月")
wb.save(p("openpyxl-channel-zh-title.xlsx"))
wb = openpyxl.Workbook()
for r in other_rows():
    wb.active.append(r)
wb.save(p("openpyxl-no-table.xlsx"))
wb, ws = op_book()
dv = DataValidation(type="list", formula1='"Search,Social"', allow_blank=True)
ws.add_data_validation(dv)
dv.add("B2:B43")
ws["H1"] = "note"
ws["H1"].comment = Comment("Checked by growth team", "Ana")
wb.defined_names.append(DefinedName("RoiCol", attr_text="Daily!$C$2:$C$43"))
wb.save(p("openpyxl-validation-comment-names.xlsx"))
wb, ws = op_book()
ch = BarChart()
ch.add_data(Reference(ws, min_col=7, min_row=1, max_row=15), titles_from_data=True)
ws.add_chart(ch, "J2")
other = wb.create_sheet("Notes")
for r in other_rows():
    other.append(r)
wb.save(p("openpyxl-chart-two-sheets.xlsx"))

df = pd.DataFrame(rows(), columns=EN)
df.to_excel(p("pandas-openpyxl-en.xlsx"), index=False, engine="openpyxl", sheet_name="Report")
dz = pd.DataFrame(rows(True), columns=ZH)
dz.to_excel(p("pandas-xlsxwriter-zh.xlsx"), index=False, engine="xlsxwriter", sheet_name="报表")
# formulas with no stored values (issue 8 §1.8): ROI as revenue / cost
df2 = df.copy()
df2.insert(2, "Revenue", [round(r * 1000, 2) for r in df["ROI"]])
df2.insert(3, "Cost", 1000)
df2["ROI"] = [f"=C{i + 2}/D{i + 2}" for i in range(len(df2))]
df2.to_excel(p("pandas-formulas-no-values.xlsx"), index=False, engine="openpyxl")
pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}).to_excel(p("pandas-no-table.xlsx"), index=False)


def xw_book(path, zh=False, opts=None, extra=None, vba=False):
    wb = xlsxwriter.Workbook(path, opts or {})
    ws = wb.add_worksheet("日报" if zh else "Daily")
    datef = wb.add_format({"num_format": "yyyy-mm-dd"})
    pct = wb.add_format({"num_format": "0.00%"})
    ws.write_row(0, 0, ZH if zh else EN, wb.add_format({"bold": True}))
    for i, r in enumerate(rows(zh), start=1):
        ws.write_datetime(i, 0, dt.datetime.combine(r[0], dt.time()), datef)
        ws.write_string(i, 1, r[1])
        ws.write_number(i, 2, r[2])
        ws.write_number(i, 3, r[3], pct)
        ws.write_number(i, 4, r[4], pct)
        ws.write_number(i, 5, r[5])
        ws.write_number(i, 6, r[6])
    if extra:
        extra(wb, ws)
    if vba:
        wb.add_vba_project(VBA)
    wb.close()


xw_book(p("xlsxwriter-channel-en.xlsx"))
xw_book(p("xlsxwriter-channel-zh.xlsx"), zh=True)
xw_book(p("xlsxwriter-1904.xlsx"), opts={"date_1904": True})


def chart_comments(wb, ws):
    c = wb.add_chart({"type": "line"})
    c.add_series({"values": "=Daily!$G$2:$G$22", "categories": "=Daily!$A$2:$A$22", "name": "Traffic"})
    ws.insert_chart("J2", c)
    ws.write_comment("C6", "ROI dipped here")
    ws.data_validation("B2:B43", {"validate": "list", "source": ["Search", "Social"]})
    wb.define_name("Traffic", "=Daily!$G$2:$G$43")


xw_book(p("xlsxwriter-chart-comments.xlsx"), extra=chart_comments)
xw_book(p("xlsxwriter-macro.xlsm"), vba=True)
wb = xlsxwriter.Workbook(p("xlsxwriter-no-table.xlsx"))
ws = wb.add_worksheet()
for i, r in enumerate(other_rows()):
    ws.write_row(i, 0, r)
wb.close()
wb = xlsxwriter.Workbook(p("xlsxwriter-numbers-only.xlsx"))  # no text at all: XlsxWriter writes no sharedStrings
ws = wb.add_worksheet()
for i in range(5):
    ws.write_row(i, 0, [i, i * 2, i * 3])
wb.close()
print("versions", openpyxl.__version__, pd.__version__, xlsxwriter.__version__)
