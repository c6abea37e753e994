import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorResponse, isDatabaseUnavailable, toAppError } from "@/lib/errors";

describe("errorResponse", () => {
  it("answers an AppError with its status and the one JSON shape", async () => {
    const response = errorResponse(new AppError("FORBIDDEN", "Not for you."));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: "Not for you." } });
  });

  it("maps zod errors to 400 with field messages", async () => {
    const result = z.object({ email: z.string().email("Bad email") }).safeParse({ email: "nope" });
    const response = errorResponse(result.error);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", fields: { email: ["Bad email"] } } });
  });

  it("hides the details of unknown errors behind a 500", async () => {
    const response = errorResponse(new Error("password=hunter2 in a stack"));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("INTERNAL");
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });

  it("answers 503 with Retry-After when the database cannot be reached", () => {
    const error = new Error("query failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) });
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
  });

  it("does not mistake ordinary errors for an outage", () => {
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
    expect(toAppError(new AppError("RATE_LIMITED", "Slow down", { retryAfter: 7 })).retryAfter).toBe(7);
  });
});
