import { ZodError } from "zod";

/**
 * The one error shape of every API response: `{ "error": { "code", "message", "fields"? } }`.
 * Domain code throws `AppError`; route handlers turn anything thrown into a response with `errorResponse`.
 */
const STATUS_BY_CODE = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONSENT_REQUIRED: 403,
  CONSENT_REVOKED: 403,
  CROSS_ORIGIN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** Seconds, sent as Retry-After for 429 and 503. */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldErrors; retryAfter?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "P1001",
  "P1002",
  "P1017",
  "P2024",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
]);

/** True when an error (or anything in its cause chain) means "the database cannot be reached right now". */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown; message?: unknown; kind?: unknown };
    if (typeof candidate.code === "string" && (UNAVAILABLE_CODES.has(candidate.code) || candidate.code.startsWith("08"))) {
      return true;
    }
    if (typeof candidate.message === "string" && /Connection terminated|connect ECONNREFUSED|Can't reach database/i.test(candidate.message)) {
      return true;
    }
    current = candidate.cause;
  }
  return false;
}

/** Normalises anything thrown into an AppError; unknown errors become a 500 whose message leaks nothing. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION_FAILED", "The request is not valid.", { fields: fieldErrorsFromZod(error) });
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError("DATABASE_UNAVAILABLE", "The database is unavailable. Try again shortly.", { retryAfter: 5 });
  }
  return new AppError("INTERNAL", "Something went wrong on our side.");
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") {
    // Log the failure, never the request body: recorded payloads must not reach logs.
    console.error("[candor] unhandled error:", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (appError.retryAfter !== undefined) headers.set("Retry-After", String(appError.retryAfter));
  return Response.json(
    { error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) } },
    { status: appError.status, headers },
  );
}
