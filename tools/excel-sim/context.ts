/**
 * The request/sync machinery of the simulated host, strict like Office.js: proxies queue operations, nothing runs
 * until context.sync(); a property that was not loaded and synced throws PropertyNotLoaded; each sync's request
 * and response are measured as JSON and fail above the payload limit (5 MB, Excel on the web's limit).
 */
import { SimOfficeError } from "./errors";
import type { WorkbookModel } from "./model";

export interface SyncRecord {
  /** 1-based sync number across the host's life. */
  index: number;
  operations: number;
  requestBytes: number;
  responseBytes: number;
  /** Error code when the sync failed. */
  failed?: string;
}

export interface WriteRecord {
  sync: number;
  kind: string;
  sheet?: string;
  address?: string;
  value?: unknown;
}

export interface SimEnv {
  model: WorkbookModel;
  payloadLimitBytes: number;
  syncDelayMs: number;
  /** A sync held at its start until a test releases it (SimHost.holdNextSync). */
  hold?: SyncHold;
  syncs: SyncRecord[];
  writes: WriteRecord[];
  listeners: Set<() => void>;
}

/** One sync to hold: the first that starts while `when()` is true waits for `gate`; `reached` is told it did. */
export interface SyncHold {
  when: () => boolean;
  gate: Promise<void>;
  reached: () => void;
}

/** UTF-8 byte length without allocating the encoded copy. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export interface OpOutcome {
  response: unknown;
  apply(): void;
}

export interface Op {
  /** The operation as the proxy saw it: object path, method ("set", "load", "resolve", "path" or a method name). */
  wire: { o: string; m: string; p?: string; v?: unknown; a?: unknown };
  run(): OpOutcome | void;
}

/** Where a proxy's object path comes from, as Office.js records it in the request's ObjectPaths. */
interface PathInfo {
  parent?: string;
  /** Office.js ObjectPathType: 1 global object, 3 method, 4 property, 5 indexer. */
  type: number;
  name: string;
  args?: unknown[];
  /** Range-like objects: Office.js adds _KeepReference and a second Instantiate action. */
  keep: boolean;
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The request body Office.js's client library would send for these operations (RequestContext.sync →
 * executeRichApiRequestAsync): {"AutoKeepReference":true,"Actions":[…],"ObjectPaths":{…}}, every object path the
 * actions use (worksheets, getItem, getRange, format, fill…) with an Instantiate action each, Range paths with
 * _KeepReference, property sets (ActionType 4), method calls (3) and queries (2) with the path ids ("L").
 * Calibrated against the real serialiser in tests/tools/excel-sim/calibration.test.ts.
 */
export function officeJsRequestBody(
  ops: readonly Op[],
  paths: ReadonlyMap<string, PathInfo>,
  firstId: number,
): { body: string; nextId: number } {
  let id = firstId;
  const objectPaths: Record<number, unknown> = {};
  const actions: unknown[] = [];
  const idOf = new Map<string, number>();
  const chain = (p: string): number[] => {
    const out: number[] = [];
    for (let q: string | undefined = p; q !== undefined; q = paths.get(q)?.parent) {
      const n = idOf.get(q);
      if (n !== undefined) out.unshift(n);
    }
    return out;
  };
  const ensure = (p: string): number => {
    const known = idOf.get(p);
    if (known !== undefined) return known;
    const info = paths.get(p) ?? { type: 4, name: pascal(p.replace(/#\d+$/, "").split(".").pop() ?? ""), keep: false };
    const parentId = info.parent !== undefined ? ensure(info.parent) : undefined;
    const n = ++id;
    idOf.set(p, n);
    objectPaths[n] = {
      Id: n,
      ObjectPathType: info.type,
      Name: info.name,
      ...(parentId !== undefined ? { ParentObjectPathId: parentId } : {}),
      ...(info.args ? { ArgumentInfo: { Arguments: info.args } } : {}),
    };
    actions.push({ Id: ++id, ActionType: 1, Name: "", ObjectPathId: n });
    if (info.keep) {
      actions.push({
        Id: ++id,
        ActionType: 3,
        Name: "_KeepReference",
        ObjectPathId: n,
        ArgumentInfo: { Arguments: [] },
      });
      actions.push({ Id: ++id, ActionType: 1, Name: "", ObjectPathId: n });
    }
    return n;
  };
  for (const op of ops) {
    const w = op.wire;
    const n = ensure(w.o);
    if (w.m === "path" || w.m === "resolve") continue;
    if (w.m === "set")
      actions.push({
        Id: ++id,
        ActionType: 4,
        Name: pascal(w.p ?? ""),
        ObjectPathId: n,
        ArgumentInfo: { Arguments: [w.v] },
        L: chain(w.o),
      });
    else if (w.m === "load")
      actions.push({
        Id: ++id,
        ActionType: 2,
        Name: "",
        ObjectPathId: n,
        QueryInfo: Array.isArray(w.a) ? { Select: w.a } : {},
        L: chain(w.o),
      });
    else
      actions.push({
        Id: ++id,
        ActionType: 3,
        Name: pascal(w.m),
        ObjectPathId: n,
        ArgumentInfo: { Arguments: w.a ?? [] },
        L: chain(w.o),
      });
  }
  return { body: JSON.stringify({ AutoKeepReference: true, Actions: actions, ObjectPaths: objectPaths }), nextId: id };
}

/** Envelope of one result in Office.js's response ({"ActionId":n,"Value":…}) and of the response itself. */
export const RESPONSE_RESULT_OVERHEAD = 26;
export const RESPONSE_ENVELOPE = 40;

export class SimRequestContext {
  readonly env: SimEnv;
  private queue: Op[] = [];
  private wrote = false;
  private nextObjectId = 1;
  private nextWireId = 0;
  private readonly paths = new Map<string, PathInfo>();
  private readonly byPrefix = new Map<string, string>();
  private pendingMethod?: { prefix: string; args: unknown[] };

  constructor(env: SimEnv) {
    this.env = env;
  }

  _objectId(): number {
    return this.nextObjectId++;
  }

  /** The id the next proxy will get. */
  _peekObjectId(): number {
    return this.nextObjectId;
  }

  /** Records where a new proxy's object path comes from (called by every proxy's constructor). */
  _registerPath(path: string, keep: boolean): void {
    const prefix = path.replace(/#\d+$/, "");
    this.byPrefix.set(prefix, path);
    const lookup = (k: string): string | undefined => (this.paths.has(k) ? k : this.byPrefix.get(k));
    let info: PathInfo;
    const idx = /^(.*)\[(\d+)\]$/.exec(prefix);
    if (idx) info = { parent: lookup(idx[1]), type: 5, name: "", args: [Number(idx[2])], keep };
    else if (this.pendingMethod && this.pendingMethod.prefix === prefix) {
      const dot = prefix.lastIndexOf(".");
      info = {
        parent: lookup(prefix.slice(0, dot)),
        type: prefix.endsWith(".getItem") || prefix.endsWith(".getItemOrNullObject") ? 5 : 3,
        name: prefix.endsWith(".getItem") ? "" : pascal(prefix.slice(dot + 1)),
        args: this.pendingMethod.args,
        keep,
      };
      if (info.name !== "") info.keep = keep;
    } else {
      const dot = prefix.lastIndexOf(".");
      info =
        dot < 0
          ? { type: 1, name: "", keep: false }
          : { parent: lookup(prefix.slice(0, dot)), type: 4, name: pascal(prefix.slice(dot + 1)), keep: false };
    }
    this.pendingMethod = undefined;
    this.paths.set(path, info);
  }

  _pendingMethod(prefix: string, args: unknown[]): void {
    this.pendingMethod = { prefix, args };
  }

  _enqueue(op: Op): void {
    this.queue.push(op);
  }

  get _pending(): number {
    return this.queue.length;
  }

  /** Records a change to the workbook made by a queued operation (called while a sync runs). */
  _write(kind: string, sheet?: string, address?: string, value?: unknown): void {
    this.wrote = true;
    this.env.writes.push({ sync: this.env.syncs.length, kind, sheet, address, value });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const hold = this.env.hold;
    if (hold && hold.when()) {
      this.env.hold = undefined;
      hold.reached();
      await hold.gate;
    }
    await (this.env.syncDelayMs > 0 ? new Promise((r) => setTimeout(r, this.env.syncDelayMs)) : Promise.resolve());
    const record: SyncRecord = {
      index: this.env.syncs.length + 1,
      operations: ops.length,
      requestBytes: 0,
      responseBytes: 0,
    };
    this.env.syncs.push(record);
    const req = officeJsRequestBody(ops, this.paths, this.nextWireId);
    this.nextWireId = req.nextId;
    record.requestBytes = utf8Length(req.body);
    if (record.requestBytes > this.env.payloadLimitBytes) {
      record.failed = "RequestPayloadSizeLimitExceeded";
      throw new SimOfficeError("RequestPayloadSizeLimitExceeded");
    }
    const outcomes: OpOutcome[] = [];
    let error: unknown;
    this.wrote = false;
    try {
      for (const op of ops) {
        const o = op.run();
        if (o) outcomes.push(o);
      }
    } catch (e) {
      error = e;
    }
    try {
      record.responseBytes =
        RESPONSE_ENVELOPE +
        outcomes.reduce((n, o) => n + RESPONSE_RESULT_OVERHEAD + utf8Length(JSON.stringify(o.response) ?? "null"), 0);
      if (record.responseBytes > this.env.payloadLimitBytes) {
        record.failed = "ResponsePayloadSizeLimitExceeded";
        throw new SimOfficeError("ResponsePayloadSizeLimitExceeded");
      }
      if (error) {
        record.failed = error instanceof SimOfficeError ? error.code : "GeneralException";
        throw error;
      }
      for (const o of outcomes) o.apply();
    } finally {
      // Operations before a failing one have changed the workbook, as in Excel (a batch is not a transaction).
      if (this.wrote) for (const l of this.env.listeners) l();
    }
  }
}

export class SimClientResult<T> {
  private loaded = false;
  private v: T | undefined;

  get value(): T {
    if (!this.loaded) throw new SimOfficeError("ValueNotLoaded");
    return this.v as T;
  }

  _set(v: T): void {
    this.v = v;
    this.loaded = true;
  }
}

/** Turns every load() argument form Office.js accepts into slash paths ("values", "format/fill/color"). */
export function loadPaths(arg: unknown): string[] | undefined {
  if (arg === undefined || arg === null) return undefined;
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a) ?? []);
  if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if ("select" in o || "expand" in o) return [...(loadPaths(o.select) ?? []), ...(loadPaths(o.expand) ?? [])];
    const out: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (v === true) out.push(k);
      else if (v && typeof v === "object") for (const p of loadPaths(v) ?? []) out.push(`${k}/${p}`);
    }
    return out;
  }
  throw new SimOfficeError("InvalidArgument");
}

/** Groups paths by their first segment: ["format/fill/color", "values"] → { format: ["fill/color"], values: [] }. */
export function groupPaths(paths: string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split("/").map((s) => s.trim());
    const list = m.get(head) ?? [];
    if (rest.length) list.push(rest.join("/"));
    m.set(head, list);
  }
  return m;
}

/**
 * Base of every simulated proxy. T is what the proxy resolves to inside the workbook when a sync runs;
 * null is a null object (…OrNullObject that found nothing).
 */
export abstract class SimClientObject<T> {
  readonly context: SimRequestContext;
  protected readonly _path: string;
  private readonly _resolver: () => T | null;
  private _resolved = false;
  private _target: T | null = null;
  private readonly _loaded = new Map<string, unknown>();
  private _isNull: boolean | undefined;

  constructor(context: SimRequestContext, path: string, resolver: () => T | null, nullable = false) {
    this.context = context;
    this._path = `${path}#${context._objectId()}`;
    context._registerPath(this._path, this._keepsReference);
    this._resolver = resolver;
    if (nullable) {
      // Office.js learns whether an …OrNullObject exists at the next sync, loaded or not.
      context._enqueue({
        wire: { o: this._path, m: "resolve" },
        run: () => {
          const t = this._resolve();
          return { response: t === null, apply: () => (this._isNull = t === null) };
        },
      });
    } else {
      this._isNull = false;
    }
  }

  /** Range-like proxies: Office.js keeps a reference to them (_KeepReference), which costs request bytes. */
  protected get _keepsReference(): boolean {
    return false;
  }

  /** Scalar property names this type loads when load() is called without arguments. */
  protected abstract get _scalars(): readonly string[];
  /** A scalar property's value, read from the workbook while a sync runs. */
  protected abstract _read(name: string, target: T): unknown;
  /** A navigation property's proxy (format, fill, worksheet, areas…); undefined when there is none by that name. */
  protected _nav(_name: string): SimClientObject<unknown> | undefined {
    return undefined;
  }

  /** Resolves the proxy at first use inside a sync, as Excel does, and keeps that target. */
  _resolve(): T | null {
    if (!this._resolved) {
      this._target = this._resolver();
      this._resolved = true;
    }
    return this._target;
  }

  /** Like _resolve but an operation on a null object is skipped: returns undefined. */
  protected _targetForOp(): T | undefined {
    const t = this._resolve();
    return t === null ? undefined : t;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw new SimOfficeError("PropertyNotLoaded", this._path, "isNullObject");
    return this._isNull;
  }

  protected _setLoaded(name: string, v: unknown): void {
    this._loaded.set(name, v);
  }

  protected _get<V>(name: string): V {
    if (this._isNull) return null as V;
    if (!this._loaded.has(name)) throw new SimOfficeError("PropertyNotLoaded", this._path, name);
    return this._loaded.get(name) as V;
  }

  /** A property set: the local value changes now (as in Office.js), the workbook at the next sync. */
  protected _setProp(name: string, value: unknown, apply: (target: T) => void): void {
    this._loaded.set(name, value);
    this.context._enqueue({
      wire: { o: this._path, m: "set", p: name, v: value },
      run: () => {
        const t = this._targetForOp();
        if (t !== undefined) apply(t);
      },
    });
  }

  /** A method that changes the workbook or returns a result. */
  protected _call(method: string, args: unknown[], run: (target: T) => OpOutcome | void): void {
    this.context._enqueue({
      wire: { o: this._path, m: method, a: args },
      run: () => {
        const t = this._targetForOp();
        return t === undefined ? undefined : run(t);
      },
    });
  }

  /** A method that returns a new proxy: Office.js sends it as an action too. */
  protected _record(method: string, args: unknown[]): string {
    const prefix = `${this._path}.${method}`;
    this.context._pendingMethod(prefix, args);
    this.context._enqueue({
      wire: { o: `${prefix}#${this.context._peekObjectId()}`, m: "path" },
      run: () => undefined,
    });
    return prefix;
  }

  load(props?: unknown): this {
    const paths = loadPaths(props);
    this.context._enqueue({
      wire: { o: this._path, m: "load", a: paths ?? "*" },
      run: () => this._runLoad(paths),
    });
    return this;
  }

  /** Loads now (inside a sync): the response is what Excel would send back. */
  _runLoad(paths: string[] | undefined): OpOutcome {
    const t = this._resolve();
    if (t === null) return { response: null, apply: () => (this._isNull = true) };
    const groups = groupPaths(paths ?? [...this._scalars]);
    const response: Record<string, unknown> = {};
    const applies: (() => void)[] = [];
    for (const [name, rest] of groups) {
      const nav = this._nav(name);
      if (nav) {
        const o = nav._runLoad(rest.length ? rest : undefined);
        response[name] = o.response;
        applies.push(o.apply);
      } else if (this._scalars.includes(name) && rest.length === 0) {
        const v = this._read(name, t);
        response[name] = v;
        applies.push(() => this._loaded.set(name, v));
      } else {
        throw new SimOfficeError("InvalidArgument", this._path, name);
      }
    }
    return {
      response,
      apply: () => {
        for (const a of applies) a();
      },
    };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** A collection proxy: `items` must be loaded; load("name") and load("items/name") both load the items' names. */
export abstract class SimCollection<M, P extends SimClientObject<unknown>> extends SimClientObject<M[]> {
  /** Most Excel collections have no scalar of their own (getCount() instead); TableCollection adds `count`. */
  protected get _scalars(): readonly string[] {
    return [];
  }

  protected _read(name: string, target: M[]): unknown {
    if (name === "count") return target.length;
    throw new SimOfficeError("InvalidArgument", this._path, name);
  }

  /** A proxy for one member, built while a sync runs. */
  protected abstract _item(model: M, index: number): P;

  get items(): P[] {
    return this._get<P[]>("items");
  }

  override _runLoad(paths: string[] | undefined): OpOutcome {
    const t = this._resolve();
    if (t === null) return super._runLoad(paths);
    const itemPaths: string[] = [];
    const own: string[] = [];
    for (const p of paths ?? ["items"]) {
      if (p === "items") continue;
      if (p.startsWith("items/")) itemPaths.push(p.slice(6));
      else if (this._scalars.includes(p)) own.push(p);
      else itemPaths.push(p);
    }
    const base = own.length ? super._runLoad(own) : undefined;
    const proxies = t.map((m, i) => this._item(m, i));
    const outs = proxies.map((p) => p._runLoad(itemPaths.length ? itemPaths : undefined));
    return {
      response: { ...((base?.response as object) ?? {}), items: outs.map((o) => o.response) },
      apply: () => {
        base?.apply();
        for (const o of outs) o.apply();
        this._setLoaded("items", proxies);
      },
    };
  }
}
