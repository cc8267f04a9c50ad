/**
 * CSV and text exports on the command line (issue 17 §1): which inputs are read as text, and the sentence that says
 * how a file was read (encoding and how it was chosen, delimiter, decimal mark, date order, comment lines).
 */
import { columnLetters } from "../../core/a1";
import { DELIMITER_NAME } from "./parse";
import { ENCODING_LABEL } from "./decode";
import type { CsvSource } from "./toWorkbook";

export { csvToWorkbook, type CsvSource, type CsvWorkbook } from "./toWorkbook";
export { encodingOption, type CsvEncoding } from "./decode";

/** Extensions read as delimited text. */
export const TEXT_EXTENSIONS = [".csv", ".tsv", ".txt"];

/**
 * True when a file is read as a CSV export: its extension is .csv, .tsv or .txt and it is not a zip package (an .xlsx
 * renamed to .csv is still read as the workbook it is).
 */
export function isTextExport(file: string, bytes: Uint8Array): boolean {
  const dot = file.lastIndexOf(".");
  const ext = dot < 0 ? "" : file.slice(dot).toLowerCase();
  return TEXT_EXTENSIONS.includes(ext) && !(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3);
}

/** One sentence: how the file was read, in English or Chinese. */
export function describeSource(label: string, s: CsvSource, lang: "en" | "zh"): string {
  const enc = ENCODING_LABEL[s.encoding];
  const cols = (list: number[]): string => list.map(columnLetters).join(", ");
  if (lang === "zh") {
    const how = { bom: "按字节顺序标记", detected: "自动识别", option: "按 --encoding" }[s.encodingFrom];
    const parts = [
      `${enc}（${how}）`,
      DELIMITER_NAME[s.delimiter].zh,
      s.decimal === "," ? "数字按 1.234,56 读取" : "数字按 1,234.56 读取",
    ];
    if (s.dayFirstColumns.length) parts.push(`${cols(s.dayFirstColumns)} 列日期按日/月/年读取`);
    if (s.ymdColumns.length) parts.push(`${cols(s.ymdColumns)} 列的 8 位数字按日期（yyyymmdd）读取`);
    if (s.comments) parts.push(`${s.comments} 行注释保留为文本`);
    if (s.truncatedCells) parts.push(`${s.truncatedCells} 个单元格超过 32,767 个字符，已截断`);
    if (s.unclosedQuote) parts.push("文件在引号内结束，其余内容放在一个单元格中");
    return `已读取 ${label}：${parts.join("，")}。`;
  }
  const how = { bom: "byte-order mark", detected: "detected", option: "--encoding" }[s.encodingFrom];
  const parts = [
    `${enc} (${how})`,
    DELIMITER_NAME[s.delimiter].en,
    s.decimal === "," ? "numbers as 1.234,56" : "numbers as 1,234.56",
  ];
  if (s.dayFirstColumns.length) parts.push(`dates in column ${cols(s.dayFirstColumns)} day first`);
  if (s.ymdColumns.length) parts.push(`8-digit numbers in column ${cols(s.ymdColumns)} as dates (yyyymmdd)`);
  if (s.comments) parts.push(`${s.comments} comment line${s.comments === 1 ? "" : "s"} kept as text`);
  if (s.truncatedCells)
    parts.push(`${s.truncatedCells} cell${s.truncatedCells === 1 ? "" : "s"} cut to Excel's 32,767 characters`);
  if (s.unclosedQuote) parts.push("the file ends inside a quoted field, whose cell holds the rest of the file");
  return `Read ${label}: ${parts.join(", ")}.`;
}
