import type { FormState } from "@/lib/forms";

/** The outcome of a form: announced politely on success, as an alert on failure. */
export function FormStatus({ state, className = "" }: { state: FormState; className?: string }) {
  if (!state.message) return <p role="status" className="sr-only" />;
  return state.ok ? (
    <p role="status" className={`text-sm text-green-700 ${className}`}>
      {state.message}
    </p>
  ) : (
    <p role="alert" className={`text-sm text-red-700 ${className}`}>
      {state.message}
    </p>
  );
}
