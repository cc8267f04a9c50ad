"""Derived corpus variants: copy a file another program wrote and edit only the named parts (run with
/usr/bin/python3 scripts/corpus/derive.py tests/fixtures/real). Every other part keeps its original bytes."""
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

R = sys.argv[1]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def read(src):
    with zipfile.ZipFile(os.path.join(R, src)) as z:
        return [(i, z.read(i.filename)) for i in z.infolist()]


def write(dst, items):
    with zipfile.ZipFile(os.path.join(R, dst), "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if data is None:
                continue
            zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def derive(src, dst, edits):
    """edits: part name -> function(text) -> text or None (None removes the part)."""
    out = []
    for info, data in read(src):
        f = edits.get(info.filename)
        if f:
            t = f(data.decode("utf-8"))
            out.append((info, None if t is None else t.encode("utf-8")))
        else:
            out.append((info, data))
    write(dst, out)


def sst_strings(src):
    for info, data in read(src):
        if info.filename == "xl/sharedStrings.xml":
            return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<si>(.*?)</si>", data.decode("utf-8"), re.S)]
    return []


def inline(strings):
    def f(t):
        return re.sub(
            r'<c ([^>]*?)t="s"([^>]*)><v>(\d+)</v></c>',
            lambda m: f'<c {m.group(1)}t="inlineStr"{m.group(2)}><is><t>{escape(strings[int(m.group(3))])}</t></is></c>',
            t,
        )
    return f


no_s = lambda t: re.sub(r' s="\d+"', "", t)
S1 = "xl/worksheets/sheet1.xml"
BASE = "openpyxl-channel-en.xlsx"
XW = "xlsxwriter-channel-en.xlsx"

# rows and cells without r= (positions implied by order)
derive(BASE, "derived-no-r.xlsx", {S1: lambda t: re.sub(r'(<(?:row|c)\b[^>]*?) r="[A-Z]*\d+"', r"\1", t)})


def prefix(t):
    t = t.replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"', 1)
    return re.sub(r"<(/?)(?![?!])([A-Za-z_][\w.-]*)(?=[\s/>])", r"<\1x:\2", t)


derive(BASE, "derived-x-prefix-sheet.xlsx", {S1: prefix})
derive(BASE, "derived-x-prefix-all.xlsx", {S1: prefix, "xl/workbook.xml": prefix, "xl/styles.xml": prefix,
                                            "xl/sharedStrings.xml": prefix})
strings = sst_strings(BASE)
derive(BASE, "derived-empty-sst.xlsx", {S1: inline(strings), "xl/sharedStrings.xml": lambda t: f'<sst xmlns="{MAIN}"/>'})


def drop_rel(target):
    return lambda t: re.sub(r'<Relationship [^>]*Target="[^"]*' + re.escape(target) + r'"[^>]*/>', "", t)


def drop_ct(part):
    return lambda t: re.sub(r'<Override [^>]*PartName="/' + re.escape(part) + r'"[^>]*/>', "", t)


derive(BASE, "derived-no-sst.xlsx", {S1: inline(strings), "xl/sharedStrings.xml": lambda t: None,
                                     "xl/_rels/workbook.xml.rels": drop_rel("sharedStrings.xml"),
                                     "[Content_Types].xml": drop_ct("xl/sharedStrings.xml")})
derive(BASE, "derived-no-styles.xlsx", {S1: no_s, "xl/styles.xml": lambda t: None,
                                        "xl/_rels/workbook.xml.rels": drop_rel("styles.xml"),
                                        "[Content_Types].xml": drop_ct("xl/styles.xml")})
derive(BASE, "derived-empty-stylesheet.xlsx", {S1: no_s, "xl/styles.xml": lambda t: f'<styleSheet xmlns="{MAIN}"/>'})


def single(t):
    return re.sub(r'(\s[\w:]+)="([^"\']*)"', r"\1='\2'", t)


derive(BASE, "derived-single-quotes.xlsx", {S1: single, "xl/workbook.xml": single, "xl/styles.xml": single})


def comments(t):
    t = re.sub(r"(<row\b)", r"<!-- a row -->\1", t, count=3)
    return re.sub(r"(<sheetData>)", r"\1<!-- <row r='99'><c r='A99'/></row> -->", t)


derive(BASE, "derived-comments-cdata.xlsx", {
    S1: comments,
    "xl/workbook.xml": lambda t: t.replace("<sheets>", "<!-- sheets follow --><sheets>"),
    "xl/styles.xml": lambda t: t.replace("<cellXfs", "<!-- <xf/> not an entry --><cellXfs"),
    "xl/sharedStrings.xml": lambda t: re.sub(r"<t>([^<]*)</t>", r"<t><![CDATA[\1]]></t>", t),
})

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def mc_styles(t):
    """Wrap the first entry of fonts and of cellXfs in mc:AlternateContent (Choice + Fallback), as Hancom writes."""
    t = t.replace(f'xmlns="{MAIN}"', f'xmlns="{MAIN}" xmlns:mc="{MC}" '
                  'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"', 1)
    def wrap(tag, entry, t):
        m = re.search(rf"<{tag}\b[^>]*>(<{entry}\b(?:[^>]*/>|[^>]*>.*?</{entry}>))", t, re.S)
        e = m.group(1)
        alt = f'<mc:AlternateContent><mc:Choice Requires="x14ac">{e}</mc:Choice><mc:Fallback>{e}</mc:Fallback></mc:AlternateContent>'
        return t[: m.start(1)] + alt + t[m.end(1):]
    return wrap("cellXfs", "xf", wrap("fonts", "font", t))


derive(XW, "derived-mc-styles.xlsx", {"xl/styles.xml": mc_styles})


def excel_mc(t):
    """Excel 2016+ root declarations and ignorable attributes on workbook.xml."""
    t = t.replace(f'xmlns="{MAIN}"', f'xmlns="{MAIN}" xmlns:mc="{MC}" mc:Ignorable="x15 xr" '
                  'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" '
                  'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"', 1)
    return re.sub(r"(<workbookPr[^>]*/>)", r'\1<mc:AlternateContent xmlns:mc="' + MC + r'"><mc:Choice Requires="x15">'
                  r'<x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="C:\\r\\"/>'
                  r'</mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="8_{00000000-0000-0000-0000-000000000001}"/>', t, 1)


derive(XW, "derived-excel-mc-workbook.xlsx", {"xl/workbook.xml": excel_mc})

STRICT = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
}


def strict(t):
    for a, b in STRICT.items():
        t = t.replace(a, b)
    return t


derive("libreoffice-fods-zh.xlsx", "derived-strict-namespaces.xlsx",
       {n: strict for n in ["xl/workbook.xml", S1, "xl/styles.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels",
                            "_rels/.rels", "docProps/app.xml"]})
