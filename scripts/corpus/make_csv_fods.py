"""Write the .csv and .fods inputs that LibreOffice and Gnumeric convert (run with /usr/bin/python3)."""
import csv
import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(__file__))
from data import EN, ZH, rows, other_rows  # noqa: E402

OUT = sys.argv[1]
with open(os.path.join(OUT, "channel-en.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(EN)
    for r in rows():
        w.writerow([r[0].isoformat()] + r[1:])
with open(os.path.join(OUT, "channel-zh.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(ZH)
    for r in rows(True):
        w.writerow([r[0].isoformat()] + r[1:])
with open(os.path.join(OUT, "no-table.csv"), "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows(other_rows())


def fods(zh, null_date=None):
    head = ZH if zh else EN
    cells = lambda vals: "".join(vals)
    def s(t):
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(t))}</text:p></table:table-cell>'
    def n(v):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    def d(v):
        return (f'<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="{v.isoformat()}">'
                f"<text:p>{v.isoformat()}</text:p></table:table-cell>")
    body = "<table:table-row>" + cells(s(h) for h in head) + "</table:table-row>"
    for r in rows(zh):
        body += "<table:table-row>" + d(r[0]) + s(r[1]) + "".join(n(v) for v in r[2:]) + "</table:table-row>"
    nd = f'<table:calculation-settings><table:null-date table:date-value="{null_date}"/></table:calculation-settings>' if null_date else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/></office:automatic-styles>
<office:body><office:spreadsheet>{nd}<table:table table:name="{'渠道' if zh else 'Channels'}">{body}</table:table></office:spreadsheet></office:body></office:document>"""


for name, zh, nd in [("channel-zh.fods", True, None), ("channel-1904.fods", False, "1904-01-01")]:
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(fods(zh, nd))
