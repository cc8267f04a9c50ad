/**
 * Totals rows: a platform's "Total: Account" / "Total: Campaigns" (Google Ads), a shop's 合计 / 总计, a pivot's
 * "Grand total". They are sums over the channels, never a channel of their own, so every rule leaves them out.
 */
import type { CellValue } from "./types";
import { TOTAL_LABELS } from "./vocabulary";

const LABELS = new Set(TOTAL_LABELS);
/** Where a label's qualifier starts: "Total: Account", "Total - Campaigns", "合计（3 个计划）". */
const QUALIFIER = /\s*[:：\-–—(（]/;
/** "Total of 2 campaigns" (TikTok Ads), "Totals for all rows". */
const TOTAL_OF = /^totals? (of|for) /;

/** True when a cell labels its row as a totals row (the text before a ":" or "-" is a totals word). */
export function isTotalLabel(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  let s = v.normalize("NFKC").trim().toLowerCase();
  if (s === "" || s.length > 60) return false;
  if (LABELS.has(s) || TOTAL_OF.test(s)) return true;
  const cut = s.search(QUALIFIER);
  if (cut <= 0) return false;
  s = s.slice(0, cut).trim().replace(/\s+/g, " ");
  return LABELS.has(s);
}
