/**
 * Office.js's own client library (@microsoft/office-js, excel-win32-16.01.js) run in a node:vm context with a stub
 * transport: RequestContext.sync() hands its request to OSF.DDA.RichApi.executeRichApiRequestAsync, whose message
 * carries the request body string at index 4. The stub records it and fails the request, so each batch yields the
 * exact bytes Office.js would have sent for its first sync.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";

type Batch = (context: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

let ctx: vm.Context | undefined;
let captured: string[] = [];

function officeJs(): vm.Context {
  if (ctx) return ctx;
  const file = path.join(__dirname, "../../../node_modules/@microsoft/office-js/dist/excel-win32-16.01.js");
  const win: Record<string, unknown> = {
    navigator: { userAgent: "node" },
    location: { href: "https://localhost/", search: "", hash: "" },
    document: {},
    setTimeout,
    clearTimeout,
    console: { log() {}, warn() {}, error() {}, info() {} },
    addEventListener() {},
  };
  win.window = win;
  win.self = win;
  ctx = vm.createContext(win);
  vm.runInContext(fs.readFileSync(file, "utf8"), ctx);
  const osf = (ctx as unknown as { OSF: { DDA: { RichApi: Record<string, unknown> } } }).OSF;
  osf.DDA.RichApi.executeRichApiRequestAsync = (message: unknown[], callback: (r: unknown) => void) => {
    captured.push(message[4] as string);
    callback({ status: "failed", error: { code: 1 } });
  };
  return ctx;
}

/** The request body Office.js builds for the batch's first sync. */
export async function officeJsRequest(batch: Batch): Promise<string> {
  const c = officeJs();
  captured = [];
  const run = vm.runInContext("(batch) => Excel.run(async (c) => { batch(c); await c.sync(); })", c) as (
    b: Batch,
  ) => Promise<void>;
  await run(batch).catch(() => undefined);
  if (captured.length !== 1) throw new Error(`expected one request, got ${captured.length}`);
  return captured[0];
}
