"use client";

import type { ConsentView } from "../consent-view";
import type { ConsentDecision } from "../schemas";

/** An error answered by the server in the one JSON error shape, with its code (e.g. CONFLICT when the policy changed). */
export class ConsentApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function send<T>(input: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, cache: "no-store", credentials: "same-origin" });
  } catch {
    throw new ConsentApiError("NETWORK", "Could not reach the server. Check your connection and try again.");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ConsentApiError(error?.code ?? "INTERNAL", error?.message ?? "Something went wrong. Try again.");
  }
  return body as T;
}

/** The server's view of the signed-in user's consent (the source of truth the browser mirrors). */
export const fetchConsent = () => send<ConsentView>("/api/consent");

/** Records a decision; resolves to the new state. */
export const postConsent = (decision: Partial<ConsentDecision> & Pick<ConsentDecision, "granted" | "policyVersion" | "source">) =>
  send<ConsentView>("/api/consent", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(decision) });

export const dismissConsentPrompt = () => send<{ dismissedAt: string }>("/api/consent/prompt-dismissal", { method: "POST" });
