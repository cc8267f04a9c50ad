/**
 * The fuzz harness (issue 15 §2): seeded mutations of the real workbooks in tests/fixtures/real, each run through the
 * command line in a child process of its own with a time limit and a memory limit, so a hang or a blow-up is counted
 * rather than fatal. Every case must end as
 *   - a refusal: exit 1, one sentence on stderr in the tool's words, no output file (nor a temporary one) left; or
 *   - a success: exit 0, an output zip a strict reader accepts (every CRC, no duplicate or traversal name), every
 *     part it wrote well-formed and valid against the vendored ECMA-376 schemas (tests/helpers/ooxmlValidate.ts;
 *     problems the input's own part already had are not counted), and nothing printed with a control character.
 * Anything else is a failure: crash (unexpected error, a signal, no report), hang (killed at the time limit),
 * memory (killed at the memory limit), slow (over the 5 s target), bad-refusal, bad-output, invalid, escapes.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeCase, seedOf, type FuzzCase, type Seed } from "./mutate";
import { readZip } from "./zip";

const ROOT = path.join(__dirname, "..", "..");
export const REAL = path.join(ROOT, "tests", "fixtures", "real");
const LEGACY = path.join(ROOT, "tests", "fixtures", "legacy");

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** First case number (a run can be resumed or split). */
  from?: number;
  jobs?: number;
  /** Kill a case after this much CPU time (a hang). */
  timeoutMs?: number;
  /** The time target per case, in CPU time (user + system): over it, a case counts as slow. */
  targetMs?: number;
  /** Kill a case whose resident memory passes this. */
  memoryMB?: number;
  /** Schema-validate the outputs of successful cases (in batches, one xmllint run each). */
  validate?: boolean;
  /** Where failing inputs are saved (for `--case` reproduction); none when undefined. */
  keepFailures?: string;
  onCase?: (r: CaseResult, done: number) => void;
  /** Only cases of these mutation kinds (the others of the numbering are skipped, not run). */
  kinds?: string[];
}

export type Outcome =
  "refusal" | "success" | "crash" | "hang" | "memory" | "slow" | "bad-refusal" | "bad-output" | "invalid" | "escapes";

export interface CaseResult {
  id: number;
  seed: string;
  kind: string;
  note: string;
  command: string;
  inputBytes: number;
  outcome: Outcome;
  detail: string;
  /** Wall time, and the CPU time the case used (user + system): the target is checked on the CPU time. */
  ms: number;
  cpuMs: number;
  peakMB: number;
}

export interface FuzzSummary {
  results: CaseResult[];
  counts: Record<Outcome, number>;
  peakMB: number;
  slowestMs: number;
  slowestCpuMs: number;
  largestInput: number;
  failures: CaseResult[];
}

/** The command line bundled into one script (esbuild, which tsx brings), so a case starts in ~0.1 s. */
export function bundleChild(dir: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const outfile = path.join(dir, "fuzz-child.js");
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, "child.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile,
    logLevel: "silent",
    // main.ts runs itself when it is the entry module; in the bundle only child.ts may run it
    define: { "require.main": "undefined" },
  });
  return outfile;
}

/** The real workbooks, and those the CLI flags also flagged (seeds for crafted state parts and clear). */
export async function loadSeeds(): Promise<Seed[]> {
  const { flagWorkbook } = await import("../../src/cli/workbook");
  const seeds: Seed[] = [];
  for (const f of readdirSync(REAL)
    .filter((n) => /\.xls[xm]$/.test(n))
    .sort()) {
    const bytes = readFileSync(path.join(REAL, f));
    seeds.push(seedOf(f, bytes));
    try {
      const flagged = await flagWorkbook(bytes, { label: f, now: new Date(Date.UTC(2026, 2, 23)) });
      seeds.push(seedOf(`${f} (flagged)`, flagged.data, true));
    } catch {
      // a workbook without a channel table has no flagged form
    }
  }
  // workbooks the previous release flagged (fills and a version 1 state), which Clear must still undo safely
  for (const f of readdirSync(LEGACY)
    .filter((n) => /\.xlsx$/.test(n))
    .sort())
    seeds.push(seedOf(`legacy/${f}`, readFileSync(path.join(LEGACY, f)), true));
  return seeds;
}

interface ChildReport {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  cpuMs: number;
  maxRssMB: number;
}

function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The CPU time a process has used so far (user + system, /proc/PID/stat fields 14 and 15, in 1/100 s). */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

interface Run {
  report: ChildReport | null;
  killed: "" | "time" | "memory";
  exit: string;
  ms: number;
  cpuMs: number;
  peakMB: number;
}

function runChild(script: string, args: string[], timeoutMs: number, memoryMB: number): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${memoryMB}`, script, ...args], {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    let fd3 = "";
    let err = "";
    let killed: Run["killed"] = "";
    let peak = 0;
    let cpuAtKill = 0;
    child.stdio[3]!.on("data", (d: Buffer) => (fd3 += d.toString("utf8")));
    child.stderr!.on("data", (d: Buffer) => {
      if (err.length < 4000) err += d.toString("utf8");
    });
    const timer = setInterval(() => {
      const rss = rssMB(child.pid!);
      peak = Math.max(peak, rss);
      // a hang is counted in CPU time (on a shared machine the wall clock also runs for everyone else's work),
      // with five times the limit in wall time as a backstop for a process that waits on nothing
      if (rss > memoryMB) killed = "memory";
      else {
        cpuAtKill = cpuMsOf(child.pid!);
        if (cpuAtKill > timeoutMs || Date.now() - started > 5 * timeoutMs) killed = "time";
      }
      if (killed) child.kill("SIGKILL");
    }, 20);
    // polling stops when the process is reaped: its PID may then belong to any other process of the machine (the
    // stdio may close later, after a long synchronous validation batch)
    child.on("exit", () => clearInterval(timer));
    child.on("close", (code, signal) => {
      clearInterval(timer);
      let report: ChildReport | null = null;
      try {
        report = fd3 ? (JSON.parse(fd3) as ChildReport) : null;
      } catch {
        report = null;
      }
      resolve({
        report,
        killed,
        exit: signal
          ? `signal ${signal}`
          : `exit ${code}${err ? `: ${err.trim().split("\n").slice(-3).join(" ")}` : ""}`,
        ms: report?.ms ?? Date.now() - started,
        cpuMs: report?.cpuMs ?? cpuAtKill,
        peakMB: Math.max(peak, report?.maxRssMB ?? 0),
      });
    });
  });
}

// eslint-disable-next-line no-control-regex -- what must never reach a terminal
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** A refusal in the tool's words: one line "growth-signals: <sentence>." and nothing a library would say. */
export function refusalProblem(stderr: string): string | null {
  const lines = stderr.replace(/\n$/, "").split("\n");
  if (lines.length !== 1) return `${lines.length} lines on stderr`;
  const line = lines[0];
  if (!line.startsWith("growth-signals: ")) return "not in the tool's form";
  if (/unexpected error/i.test(line)) return "unexpected error";
  if (CONTROL.test(line)) return "a control character printed";
  if (!/[.)]$/.test(line)) return "not a sentence";
  if (
    /\b(TypeError|RangeError|SyntaxError|Cannot read|undefined|null|NaN|Invalid code point|Maximum call stack|Corrupted zip|saxes|JSZip|ERR_[A-Z_]+|at position)\b/.test(
      line,
    )
  )
    return "a library's or the runtime's wording";
  return null;
}

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const CT = "application/vnd.openxmlformats-officedocument.";
/**
 * The content type a part must have, by the type of the relationship that targets it (ECMA-376 Part 1, §12 and
 * §15.2), for the kinds of part the CLI adds; a relationships part's by its name (Part 2, §9.3).
 */
const TYPE_OF_RELATIONSHIP: Record<string, string> = {
  [`${R}worksheet`]: `${CT}spreadsheetml.worksheet+xml`,
  [`${R}styles`]: `${CT}spreadsheetml.styles+xml`,
  [`${R}customXml`]: "application/xml",
  [`${R}customXmlProps`]: `${CT}customXmlProperties+xml`,
  [`${R}chart`]: `${CT}drawingml.chart+xml`,
  [`${R}drawing`]: `${CT}drawing+xml`,
};

/** Every internal relationship target of the package's .rels parts, resolved: part name → relationship type. */
function relationshipTypes(out: { name: string; data: Buffer }[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const e of out) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(e.name);
    if (!m) continue;
    for (const rel of e.data.toString("utf8").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const type = /\bType="([^"]*)"/.exec(rel[0])?.[1] ?? "";
      const target = /\bTarget="([^"]*)"/.exec(rel[0])?.[1] ?? "";
      if (/TargetMode="External"/.test(rel[0])) continue;
      const parts: string[] = [];
      for (const seg of (target.startsWith("/") ? target.slice(1) : m[1] + target).split("/"))
        if (seg === "..") parts.pop();
        else if (seg !== "." && seg !== "") parts.push(seg);
      types.set(parts.join("/"), type);
    }
  }
  return types;
}

/**
 * A part of the output without a content type, or a part the CLI added whose type (its Override, else the Default
 * for its extension) is not the one its kind needs: what Excel repairs or refuses. Null when every type is right.
 */
export function contentTypeProblem(out: { name: string; data: Buffer }[], input: Buffer): string | null {
  const ct = out.find((e) => e.name === "[Content_Types].xml")?.data.toString("utf8") ?? "";
  const attrs = (tag: string): Record<string, string> =>
    Object.fromEntries([...tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1], m[2] ?? m[3]]));
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const m of ct.matchAll(/<(?:\w+:)?(Override|Default)\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (m[1] === "Override") overrides.set((a.PartName ?? "").toLowerCase(), a.ContentType ?? "");
    else defaults.set((a.Extension ?? "").toLowerCase(), a.ContentType ?? "");
  }
  const targeted = relationshipTypes(out);
  let before = new Set<string>();
  try {
    before = new Set(readZip(input).map((e) => e.name));
  } catch {
    // a damaged input: every part counts as added
  }
  for (const e of out) {
    if (e.name === "[Content_Types].xml" || e.name.endsWith("/")) continue;
    const ext = e.name.slice(e.name.lastIndexOf(".") + 1).toLowerCase();
    const type = overrides.get(`/${e.name}`.toLowerCase()) ?? defaults.get(ext);
    if (type === undefined) {
      if (before.has(e.name)) continue; // the input's own gap, carried as it was
      return `${e.name} has no content type`;
    }
    if (before.has(e.name)) continue;
    const want = e.name.endsWith(".rels")
      ? "application/vnd.openxmlformats-package.relationships+xml"
      : TYPE_OF_RELATIONSHIP[targeted.get(e.name) ?? ""];
    if (want && type.toLowerCase() !== want.toLowerCase())
      return `added part ${e.name} has content type ${type}, not ${want}`;
  }
  return null;
}

/** Runs the cases; resolves with every result and the counts. */
export async function fuzz(opts: FuzzOptions, seeds?: Seed[]): Promise<FuzzSummary> {
  const jobs = opts.jobs ?? 1;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const targetMs = opts.targetMs ?? 5_000;
  const memoryMB = opts.memoryMB ?? 512;
  const dir = mkdtempSync(path.join(os.tmpdir(), "gs-fuzz-"));
  const script = bundleChild(dir);
  const pool = seeds ?? (await loadSeeds());
  const results: CaseResult[] = [];
  const pending: { c: FuzzCase; output: Buffer; r: CaseResult }[] = [];
  const from = opts.from ?? 0;
  let next = from;
  let done = 0;

  const validatePending = async (): Promise<void> => {
    if (!pending.length) return;
    const batch = pending.splice(0, pending.length);
    if (opts.validate === false) return;
    const { outputSchemaProblems } = await import("../cli/helpers");
    const check = async (group: typeof batch): Promise<void> => {
      const { problems } = await outputSchemaProblems(
        group.map(({ c, output }) => ({ label: `#${c.id}`, input: c.bytes, output })),
      );
      for (const { c, r } of group) {
        const mine = problems.filter((p) => p.startsWith(`#${c.id} `));
        if (mine.length) {
          r.outcome = "invalid";
          r.detail = mine.slice(0, 3).join(" | ").slice(0, 600);
          keep(c, r);
        }
      }
    };
    try {
      await check(batch);
    } catch {
      // a part the validator itself cannot read (nested past its stack): find the case, and count it invalid
      for (const one of batch)
        await check([one]).catch((e: Error) => {
          one.r.outcome = "invalid";
          one.r.detail = `the validator cannot read an output part: ${e.message}`.slice(0, 300);
          keep(one.c, one.r);
        });
    }
  };

  const keep = (c: FuzzCase, r: CaseResult): void => {
    if (!opts.keepFailures) return;
    mkdirSync(opts.keepFailures, { recursive: true });
    writeFileSync(path.join(opts.keepFailures, `case-${opts.seed}-${c.id}-${r.outcome}.xlsx`), c.bytes);
  };

  const one = async (id: number): Promise<void> => {
    const c = makeCase(opts.seed, id, pool);
    if (opts.kinds && !opts.kinds.includes(c.kind)) return;
    const input = path.join(dir, `in-${id}.xlsx`);
    const caseDir = path.join(dir, `out-${id}`);
    mkdirSync(caseDir);
    const output = path.join(caseDir, "out.xlsx");
    writeFileSync(input, c.bytes);
    const run = await runChild(script, [c.command, input, "-o", output], timeoutMs, memoryMB);
    const r: CaseResult = {
      id,
      seed: c.seed,
      kind: c.kind,
      note: c.note,
      command: c.command,
      inputBytes: c.bytes.length,
      outcome: "refusal",
      detail: "",
      ms: Math.round(run.ms),
      cpuMs: Math.round(run.cpuMs),
      peakMB: Math.round(run.peakMB),
    };
    const leftovers = readdirSync(caseDir).filter((f) => f !== "out.xlsx");
    const rep = run.report;
    if (run.killed === "time")
      [r.outcome, r.detail] = [
        "hang",
        `killed at ${r.cpuMs} ms of CPU time, ${r.ms} ms wall (limit ${timeoutMs} ms CPU)`,
      ];
    else if (run.killed === "memory") [r.outcome, r.detail] = ["memory", `killed at ${memoryMB} MB`];
    else if (!rep) [r.outcome, r.detail] = ["crash", run.exit.slice(0, 400)];
    else if (rep.code === 1) {
      const problem = refusalProblem(rep.stderr);
      if (problem && /unexpected error/.test(problem))
        [r.outcome, r.detail] = ["crash", rep.stderr.trim().slice(0, 400)];
      else if (problem)
        [r.outcome, r.detail] = ["bad-refusal", `${problem}: ${JSON.stringify(rep.stderr.slice(0, 300))}`];
      else if (existsSync(output) || leftovers.length)
        [r.outcome, r.detail] = ["bad-refusal", `output left behind: ${rep.stderr.trim()}`];
      else [r.outcome, r.detail] = ["refusal", rep.stderr.trim().replace(/^growth-signals: /, "")];
    } else if (rep.code !== 0) [r.outcome, r.detail] = ["crash", `exit ${rep.code}: ${rep.stderr.slice(0, 300)}`];
    else if (!existsSync(output)) [r.outcome, r.detail] = ["bad-output", "exit 0 without an output"];
    else if (leftovers.length) [r.outcome, r.detail] = ["bad-output", `left ${leftovers.join(", ")}`];
    else if (CONTROL.test(rep.stdout.replace(/\n/g, "")) || CONTROL.test(rep.stderr.replace(/\n/g, "")))
      [r.outcome, r.detail] = [
        "escapes",
        JSON.stringify(rep.stdout.slice(Math.max(0, rep.stdout.search(CONTROL) - 30)).slice(0, 60)),
      ];
    else {
      const out = readFileSync(output);
      try {
        const problem = contentTypeProblem(readZip(out), c.bytes);
        if (problem) [r.outcome, r.detail] = ["invalid", problem];
        else {
          r.outcome = "success";
          pending.push({ c, output: out, r });
        }
      } catch (e) {
        [r.outcome, r.detail] = ["bad-output", `output zip: ${(e as Error).message}`.slice(0, 300)];
      }
    }
    if (r.outcome === "success" && r.cpuMs > targetMs) [r.outcome, r.detail] = ["slow", `${r.cpuMs} ms CPU`];
    if (r.outcome === "refusal" && r.cpuMs > targetMs)
      [r.outcome, r.detail] = ["slow", `${r.cpuMs} ms CPU: ${r.detail}`];
    rmSync(input, { force: true });
    rmSync(caseDir, { recursive: true, force: true });
    if (r.outcome !== "success" && r.outcome !== "refusal") keep(c, r);
    results.push(r);
    opts.onCase?.(r, ++done);
    if (pending.length >= 40) await validatePending();
  };

  const worker = async (): Promise<void> => {
    while (next < from + opts.cases) await one(next++);
  };
  try {
    await Promise.all(Array.from({ length: jobs }, worker));
    await validatePending();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  results.sort((a, b) => a.id - b.id);
  const counts = Object.fromEntries(
    (
      [
        "refusal",
        "success",
        "crash",
        "hang",
        "memory",
        "slow",
        "bad-refusal",
        "bad-output",
        "invalid",
        "escapes",
      ] as Outcome[]
    ).map((o) => [o, results.filter((r) => r.outcome === o).length]),
  ) as Record<Outcome, number>;
  return {
    results,
    counts,
    peakMB: Math.max(0, ...results.map((r) => r.peakMB)),
    slowestMs: Math.max(0, ...results.map((r) => r.ms)),
    slowestCpuMs: Math.max(0, ...results.map((r) => r.cpuMs)),
    largestInput: Math.max(0, ...results.map((r) => r.inputBytes)),
    failures: results.filter((r) => r.outcome !== "refusal" && r.outcome !== "success"),
  };
}
