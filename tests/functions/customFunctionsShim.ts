// Jest has no Excel runtime: install the same CustomFunctions namespace the simulated host gives the browser
// (Error, ErrorCode with the Excel error texts of @types/custom-functions-runtime, associate).
import { createCustomFunctions } from "../../tools/excel-sim/customFunctions";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = createCustomFunctions();
