/**
 * Text as the command line prints it: a control character (C0 but newline and tab, DEL, C1) or a bidirectional
 * override in a sheet name, a channel name or a file name is written as its escape (`\u001B`), so a workbook cannot
 * recolor, retitle or rewrite the user's terminal, nor reorder what it shows (issue 15 §2).
 */
// eslint-disable-next-line no-control-regex -- the characters being escaped
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}
