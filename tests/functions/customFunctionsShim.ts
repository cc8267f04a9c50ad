// Jest has no Excel runtime: define the CustomFunctions global the add-in runtime provides, with the ErrorCode values
// of @types/custom-functions-runtime (the runtime's error codes are the Excel error texts).
class CustomFunctionsError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: CustomFunctionsError, ErrorCode };

export {};
