/**
 * The proxies of the simulated Excel JavaScript API. Only what the add-in uses, with Excel's behaviour. Workbook and
 * its worksheet functions here; Worksheet(s), Range(s), RangeAreas and Table(s) in worksheet.ts, RangeFormat,
 * RangeFill and RangeFont in format.ts, CustomXmlPart(s) in customXml.ts, what a range points at in rangeTargets.ts;
 * all re-exported from here.
 */
import { SimClientObject, type SimRequestContext } from "./context";
import { SimOfficeError } from "./errors";
import { type WorkbookModel } from "./model";
import { SimRange, SimRangeAreas, SimTableCollection, SimWorksheetCollection } from "./worksheet";
import { SimCustomXmlPartCollection } from "./customXml";

export { MAX_GET_RANGE_ADDRESS, MAX_GET_RANGES_ADDRESS, MAX_READ_CELLS } from "./rangeTargets";
export { SimRangeFill, SimRangeFont, SimRangeFormat } from "./format";
export {
  SimRange,
  SimRangeAreas,
  SimRangeCollection,
  SimTable,
  SimTableCollection,
  SimTableScopedCollection,
  SimWorksheet,
  SimWorksheetCollection,
  type SimCellProperties,
} from "./worksheet";
export {
  rootNamespace,
  SimCustomXmlPart,
  SimCustomXmlPartCollection,
  SimCustomXmlPartScopedCollection,
} from "./customXml";

/** What a worksheet function answers: a value, or an Excel error ("#NUM!") with a null value. */
export interface FunctionAnswer {
  value: number | null;
  error: string | null;
}

/** Excel.FunctionResult: `value` and `error`, loaded like any proxy's properties. */
export class SimFunctionResult extends SimClientObject<FunctionAnswer> {
  protected get _scalars() {
    return ["error", "value"] as const;
  }

  protected _read(name: string, target: FunctionAnswer): unknown {
    return name === "error" ? target.error : target.value;
  }

  get value(): number | null {
    return this._get("value");
  }

  get error(): string | null {
    return this._get("error");
  }
}

/**
 * Excel's DATE(year, month, day) serial in the workbook's date system: days since 1899-12-30 in the 1900 system
 * (exact from 1900-03-01; Excel's phantom 29 Feb 1900 shifts earlier dates), since 1904-01-01 in the 1904 one.
 * Years 0–1899 add 1900, as Excel does; a result before the system's first day is #NUM!.
 */
export function excelDate(year: number, month: number, day: number, date1904: boolean): FunctionAnswer {
  const y = Math.trunc(year) < 1900 ? Math.trunc(year) + 1900 : Math.trunc(year);
  const ms = Date.UTC(y, Math.trunc(month) - 1, Math.trunc(day));
  let serial = Math.round((ms - Date.UTC(date1904 ? 1904 : 1899, date1904 ? 0 : 11, date1904 ? 1 : 30)) / 86_400_000);
  if (!date1904 && serial < 61) serial -= 1;
  if (!Number.isFinite(serial) || serial < 0 || y > 9999) return { value: null, error: "#NUM!" };
  return { value: serial, error: null };
}

/** Excel.Functions (ExcelApi 1.2): the worksheet functions; the simulator knows DATE. */
export class SimFunctions extends SimClientObject<WorkbookModel> {
  protected get _scalars() {
    return [] as const;
  }

  protected _read(): unknown {
    return undefined;
  }

  date(year: number, month: number, day: number): SimFunctionResult {
    const path = this._record("date", [year, month, day]);
    return new SimFunctionResult(this.context, path, () => {
      const m = this._resolve();
      return m && excelDate(year, month, day, m.date1904);
    });
  }
}

export class SimWorkbook extends SimClientObject<WorkbookModel> {
  readonly worksheets: SimWorksheetCollection;
  readonly functions: SimFunctions;
  readonly tables: SimTableCollection;
  readonly customXmlParts: SimCustomXmlPartCollection;

  constructor(ctx: SimRequestContext) {
    super(ctx, "workbook", () => ctx.env.model);
    this.worksheets = new SimWorksheetCollection(ctx, "workbook.worksheets", () => ctx.env.model.sheets);
    this.tables = new SimTableCollection(ctx, "workbook.tables", () => ctx.env.model.tables);
    this.customXmlParts = new SimCustomXmlPartCollection(ctx, "workbook.customXmlParts", () => ctx.env.model.parts);
    this.functions = new SimFunctions(ctx, "workbook.functions", () => ctx.env.model);
  }

  protected get _scalars() {
    return ["name"] as const;
  }

  protected _read(): unknown {
    return "Book1.xlsx";
  }

  get name(): string {
    return this._get("name");
  }

  /** The single selected range; InvalidSelection when several areas are selected. */
  getSelectedRange(): SimRange {
    const path = this._record("getSelectedRange", []);
    return new SimRange(this.context, path, () => {
      const sel = this.context.env.model.selection;
      if (sel.areas.length !== 1) throw new SimOfficeError("InvalidSelection", path);
      return { sheet: sel.sheet, r: { ...sel.areas[0] } };
    });
  }

  getSelectedRanges(): SimRangeAreas {
    const path = this._record("getSelectedRanges", []);
    return new SimRangeAreas(this.context, path, () => {
      const sel = this.context.env.model.selection;
      return { sheet: sel.sheet, areas: sel.areas.map((a) => ({ ...a })) };
    });
  }

  /** workbook.onSelectionChanged: add(handler) registers at once; remove() unregisters. */
  get onSelectionChanged(): { add: (h: (args: unknown) => Promise<unknown>) => { remove: () => void } } {
    const handlers = this.context.env.model.selectionHandlers;
    return {
      add: (h) => {
        const run = () => void h({ type: "WorkbookSelectionChanged" }).catch(() => undefined);
        handlers.add(run);
        return { remove: () => handlers.delete(run) };
      },
    };
  }

  /** The active cell: the top-left cell of the first selected area. */
  getActiveCell(): SimRange {
    const path = this._record("getActiveCell", []);
    return new SimRange(this.context, path, () => {
      const sel = this.context.env.model.selection;
      const a = sel.areas[0];
      return { sheet: sel.sheet, r: { top: a.top, left: a.left, bottom: a.top, right: a.left } };
    });
  }
}
