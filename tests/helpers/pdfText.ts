/**
 * The text of a PDF as printed, with the size each run of text prints at (issue 19 §6): enough of the PDF format
 * (ISO 32000-1) to read what LibreOffice's PDF export writes — classic cross-reference, pages from the page tree,
 * FlateDecode content streams, simple TrueType fonts (1-byte codes) and Type0 fonts (2-byte codes) with ToUnicode
 * maps, and the text operators BT/ET, Tf, Td, TD, Tm, T*, Tj, TJ, ' and " under q/Q/cm.
 * The printed size of a run is its Tf size scaled by the text matrix and the CTM (the length of the text space's
 * unit y vector in page space): what a ruler on the paper measures, in points.
 */
import { inflateSync } from "node:zlib";

export interface PdfRun {
  /** 1-based page number. */
  page: number;
  text: string;
  /** Printed font size in points. */
  size: number;
  /** Where the run starts on the page, in points from the bottom-left corner. */
  x: number;
  y: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  runs: PdfRun[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n (PDF's row-vector convention: a point p maps to p·m·n). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

class PdfFile {
  private readonly text: string;
  private readonly objects = new Map<number, { start: number; end: number }>();

  constructor(private readonly data: Buffer) {
    this.text = data.toString("latin1");
    const re = /(\d+) 0 obj\b/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.text))) {
      const end = this.text.indexOf("endobj", re.lastIndex);
      this.objects.set(Number(m[1]), { start: re.lastIndex, end });
      re.lastIndex = end;
    }
  }

  /** The object's text (its dictionary and, for a stream, the raw bytes as latin1). */
  body(n: number): string {
    const o = this.objects.get(n);
    if (!o) throw new Error(`PDF object ${n} not found`);
    return this.text.slice(o.start, o.end);
  }

  /** A stream object's bytes, inflated when it is FlateDecode. */
  stream(n: number): Buffer {
    const body = this.body(n);
    const at = body.indexOf("stream");
    let start = at + "stream".length;
    if (body[start] === "\r") start++;
    if (body[start] === "\n") start++;
    const dict = body.slice(0, at);
    const lengthRef = /\/Length (\d+) 0 R/.exec(dict);
    const length = lengthRef
      ? Number(/\d+/.exec(this.body(Number(lengthRef[1])))![0])
      : Number(/\/Length (\d+)/.exec(dict)![1]);
    const offset = this.objects.get(n)!.start + start;
    const raw = this.data.subarray(offset, offset + length);
    return /\/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
  }

  /** The value of `/key` in an object or inline dictionary text: a reference's object number, else the raw token. */
  static ref(dict: string, key: string): number | null {
    const m = new RegExp(`/${key}\\s*(\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : null;
  }

  /** The pages in order (the page tree's Kids, depth first). */
  pages(): number[] {
    const root = PdfFile.ref(this.text.slice(this.text.lastIndexOf("trailer")), "Root");
    const pagesRoot = PdfFile.ref(this.body(root as number), "Pages") as number;
    const out: number[] = [];
    const walk = (n: number) => {
      const body = this.body(n);
      if (/\/Type\s*\/Pages\b/.test(body)) {
        const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? "";
        for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
      } else out.push(n);
    };
    walk(pagesRoot);
    return out;
  }

  /** A dictionary's text: inline `<<…>>` after the key, or the referenced object's. */
  dictOf(dict: string, key: string): string {
    const r = PdfFile.ref(dict, key);
    if (r !== null) return this.body(r);
    const at = dict.search(new RegExp(`/${key}\\s*<<`));
    if (at < 0) return "";
    let depth = 0;
    for (let i = dict.indexOf("<<", at); i < dict.length; i++) {
      if (dict.startsWith("<<", i)) {
        depth++;
        i++;
      } else if (dict.startsWith(">>", i)) {
        depth--;
        i++;
        if (depth === 0) return dict.slice(dict.indexOf("<<", at), i + 1);
      }
    }
    return "";
  }
}

interface Font {
  bytes: 1 | 2;
  unicode: Map<number, string>;
}

/** A ToUnicode CMap's bfchar and bfrange entries. */
function toUnicode(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  const hex = (h: string) => {
    let s = "";
    for (let i = 0; i + 4 <= h.length; i += 4) s += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return s;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) out.set(parseInt(m[1], 16), hex(m[2]));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[4] !== undefined) {
        const base = parseInt(m[4], 16);
        for (let c = lo; c <= hi; c++) out.set(c, String.fromCharCode(base + c - lo));
      } else {
        const list = [...(m[5] ?? "").matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => hex(x[1]));
        list.forEach((s, i) => out.set(lo + i, s));
      }
    }
  return out;
}

/** Content-stream tokens: numbers, names, strings (literal and hex), arrays' brackets, operators. */
function* tokens(s: string): Generator<string> {
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) i++;
    else if (c === "%") while (i < s.length && s[i] !== "\n" && s[i] !== "\r") i++;
    else if (c === "(") {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === "\\") j++;
        else if (s[j] === "(") depth++;
        else if (s[j] === ")" && --depth === 0) break;
      }
      yield s.slice(i, j + 1);
      i = j + 1;
    } else if (c === "<" && s[i + 1] !== "<") {
      const j = s.indexOf(">", i);
      yield s.slice(i, j + 1);
      i = j + 1;
    } else if (c === "[" || c === "]") {
      yield c;
      i++;
    } else if (s.startsWith("<<", i) || s.startsWith(">>", i)) {
      yield s.slice(i, i + 2);
      i += 2;
    } else {
      let j = i + 1;
      while (j < s.length && !/[\s()<>[\]/%]/.test(s[j])) j++;
      yield s.slice(i, j);
      i = j;
    }
  }
}

/** A string operand's bytes: hex `<…>` or literal `(…)` with its escapes. */
function bytesOf(token: string): number[] {
  if (token.startsWith("<")) {
    const h = token.slice(1, -1).replace(/\s/g, "");
    const out: number[] = [];
    for (let i = 0; i < h.length; i += 2) out.push(parseInt(h.slice(i, i + 2).padEnd(2, "0"), 16));
    return out;
  }
  const out: number[] = [];
  const s = token.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "\\") out.push(s.charCodeAt(i));
    else if (/[0-7]/.test(s[i + 1])) {
      const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
      out.push(parseInt(oct, 8));
      i += oct.length;
    } else if (escapes[s[i + 1]] !== undefined) out.push(escapes[s[++i]]);
    else i++;
  }
  return out;
}

/** Every page's text runs and their printed sizes. */
export function readPdf(data: Buffer): PdfPage[] {
  const pdf = new PdfFile(data);
  return pdf.pages().map((n, index) => {
    const page = pdf.body(n);
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(page);
    const resources = pdf.dictOf(page, "Resources");
    const fontDict = pdf.dictOf(resources, "Font");
    const fonts = new Map<string, Font>();
    for (const m of fontDict.matchAll(/\/([^\s/<>[\]]+)\s*(\d+) 0 R/g)) {
      const body = pdf.body(Number(m[2]));
      const cmap = PdfFile.ref(body, "ToUnicode");
      fonts.set(m[1], {
        bytes: /\/Subtype\s*\/Type0/.test(body) ? 2 : 1,
        unicode: cmap === null ? new Map() : toUnicode(pdf.stream(cmap).toString("latin1")),
      });
    }
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page)?.[1];
    const streams = contents
      ? [...contents.matchAll(/(\d+) 0 R/g)].map((c) => Number(c[1]))
      : [PdfFile.ref(page, "Contents") as number];
    const content = streams.map((s) => pdf.stream(s).toString("latin1")).join("\n");
    return {
      number: index + 1,
      width: box ? Number(box[3]) - Number(box[1]) : 0,
      height: box ? Number(box[4]) - Number(box[2]) : 0,
      runs: runsOf(content, fonts, index + 1),
    };
  });
}

function runsOf(content: string, fonts: Map<string, Font>, page: number): PdfRun[] {
  const runs: PdfRun[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [...IDENTITY];
  let tm: Matrix = [...IDENTITY];
  let line: Matrix = [...IDENTITY];
  let font: Font | undefined;
  let size = 0;
  let leading = 0;
  const operands: string[] = [];
  let array: string[] | null = null;
  const show = (strings: string[]) => {
    if (!font) return;
    let text = "";
    for (const s of strings) {
      const b = bytesOf(s);
      for (let i = 0; i + font.bytes <= b.length; i += font.bytes) {
        const code = font.bytes === 2 ? b[i] * 256 + b[i + 1] : b[i];
        text += font.unicode.get(code) ?? "\uFFFD";
      }
    }
    const m = multiply(tm, ctm);
    // the printed size: Tf size × the length of the text space's unit y vector in page space
    const printed = size * Math.hypot(m[2], m[3]);
    if (text.trim() !== "") runs.push({ page, text, size: printed, x: m[4], y: m[5] });
  };
  const nextLine = (tx: number, ty: number) => {
    line = multiply([1, 0, 0, 1, tx, ty], line);
    tm = [...line];
  };
  for (const t of tokens(content)) {
    if (t === "[") {
      array = [];
      continue;
    }
    if (t === "]") {
      operands.push(JSON.stringify(array));
      array = null;
      continue;
    }
    if (array) {
      if (t.startsWith("(") || t.startsWith("<")) array.push(t);
      continue;
    }
    if (/^[-+.\d]/.test(t) || t.startsWith("/") || t.startsWith("(") || t.startsWith("<")) {
      operands.push(t);
      continue;
    }
    const num = (i: number) => Number(operands[operands.length - i]);
    switch (t) {
      case "q":
        stack.push(ctm);
        break;
      case "Q":
        ctm = stack.pop() ?? [...IDENTITY];
        break;
      case "cm":
        ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
        break;
      case "BT":
        tm = [...IDENTITY];
        line = [...IDENTITY];
        break;
      case "Tf":
        font = fonts.get(operands[operands.length - 2].slice(1));
        size = num(1);
        break;
      case "TL":
        leading = num(1);
        break;
      case "Td":
        nextLine(num(2), num(1));
        break;
      case "TD":
        leading = -num(1);
        nextLine(num(2), num(1));
        break;
      case "Tm":
        line = [num(6), num(5), num(4), num(3), num(2), num(1)];
        tm = [...line];
        break;
      case "T*":
        nextLine(0, -leading);
        break;
      case "Tj":
        show([operands[operands.length - 1]]);
        break;
      case "'":
        nextLine(0, -leading);
        show([operands[operands.length - 1]]);
        break;
      case '"':
        nextLine(0, -leading);
        show([operands[operands.length - 1]]);
        break;
      case "TJ":
        show(JSON.parse(operands[operands.length - 1]) as string[]);
        break;
    }
    operands.length = 0;
  }
  return runs;
}
