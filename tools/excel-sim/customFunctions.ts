/**
 * The `CustomFunctions` namespace that office.js brings to the shared runtime: functions.js calls
 * `CustomFunctions.associate(id, fn)` at start-up (code added by custom-functions-metadata-plugin) and returns
 * `new CustomFunctions.Error(code)` values. The simulated host provides the same surface and keeps every
 * association, so the preview and the browser tests can call a GROWTH function by its ID.
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class SimCustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

export interface SimCustomFunctions {
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown): void;
  Error: typeof SimCustomFunctionError;
  ErrorCode: typeof ERROR_CODES;
  /** Inspector: ID (upper-case, as Excel matches it) → the associated function. */
  associated: Map<string, (...args: unknown[]) => unknown>;
}

export function createCustomFunctions(): SimCustomFunctions {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    associate(id, fn) {
      if (typeof id === "string") {
        if (typeof fn !== "function") throw new TypeError(`CustomFunctions.associate: no function for ${id}`);
        associated.set(id.toUpperCase(), fn);
      } else {
        for (const [key, f] of Object.entries(id)) associated.set(key.toUpperCase(), f);
      }
    },
    Error: SimCustomFunctionError,
    ErrorCode: ERROR_CODES,
    associated,
  };
}
