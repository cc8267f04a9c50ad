/**
 * Errors shaped like Office.js's OfficeExtension.Error ("RichApi.Error"), with Excel's codes and messages,
 * so code written against the simulated host handles real Excel failures the same way.
 */
export type SimErrorCode =
  | "PropertyNotLoaded"
  | "ValueNotLoaded"
  | "InvalidArgument"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidObjectPath"
  | "InvalidSelection"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

const MESSAGES: Record<SimErrorCode, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the " +
    'containing object and call "context.sync()" on the associated request context.',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" ' +
    "on the associated request context.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  ItemNotFound: "The requested resource doesn't exist.",
  // Messages as the "Error codes and messages" table of "Error handling with the application-specific JavaScript
  // APIs" (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling) gives them.
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  InvalidSelection: "The current selection is invalid for this operation.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidObjectPath:
    "The object path '{0}' isn't working for what you're trying to do. If you're using the object across multiple " +
    '"context.sync" calls and outside the sequential execution of a ".run" batch, please use the ' +
    '"context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. Please refer to the documentation: " +
    '"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. Please refer to the documentation: " +
    '"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
};

export class SimOfficeError extends Error {
  readonly code: SimErrorCode;
  readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string };

  constructor(code: SimErrorCode, location?: string, detail?: string) {
    const message = MESSAGES[code].replace("{0}", detail ?? location ?? "");
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}
