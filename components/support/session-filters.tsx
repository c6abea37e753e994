import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/errors";

const inputClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500 ${invalid ? "border-red-500" : "border-slate-300"}`;

function Field({ id, label, errors, children }: { id: string; label: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The sessions search: a plain GET form, so filters live in the URL (linkable, pageable, works before hydration).
 * Dates are UTC calendar days, matching how the server reads them.
 */
export function SessionFilters({ values, errors = {}, action = "/support" }: { values: Record<string, string>; errors?: FieldErrors; action?: string }) {
  const text = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field id={`filter-${name}`} label={label} errors={errors[name]}>
      <input
        id={`filter-${name}`}
        name={name}
        defaultValue={values[name] ?? ""}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `filter-${name}-error` : undefined}
        className={inputClass(!!errors[name])}
        {...props}
      />
    </Field>
  );
  return (
    <form role="search" aria-label="Find sessions" action={action} method="get" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">{text("q", "User email or name", { type: "search", autoComplete: "off" })}</div>
        {text("from", "Started from (UTC)", { type: "date" })}
        {text("to", "Started until (UTC)", { type: "date" })}
        {text("path", "Visited page path", { placeholder: "/programs", autoComplete: "off" })}
        {text("browser", "Browser", { list: "support-browsers", autoComplete: "off" })}
        {text("os", "Operating system", { list: "support-os", autoComplete: "off" })}
        <Field id="filter-device" label="Device type" errors={errors.device}>
          <select id="filter-device" name="device" defaultValue={values.device ?? ""} className={inputClass(!!errors.device)}>
            <option value="">Any device</option>
            <option value="desktop">Desktop</option>
            <option value="mobile">Mobile</option>
            <option value="tablet">Tablet</option>
          </select>
        </Field>
        {text("minDuration", "Minimum duration (seconds)", { type: "number", min: 0, step: 1, inputMode: "numeric" })}
        <Field id="filter-sort" label="Sort by">
          <select id="filter-sort" name="sort" defaultValue={values.sort ?? "start"} className={inputClass(false)}>
            <option value="start">Start time</option>
            <option value="duration">Duration</option>
            <option value="errors">Errors</option>
          </select>
        </Field>
        <Field id="filter-order" label="Order">
          <select id="filter-order" name="order" defaultValue={values.order ?? "desc"} className={inputClass(false)}>
            <option value="desc">Highest / newest first</option>
            <option value="asc">Lowest / oldest first</option>
          </select>
        </Field>
        <fieldset className="flex flex-col justify-end gap-2 text-sm">
          <legend className="sr-only">Problems</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="errors" value="1" defaultChecked={!!values.errors} className="size-4" /> Has errors
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="frustration" value="1" defaultChecked={!!values.frustration} className="size-4" /> Has rage or dead clicks
          </label>
        </fieldset>
      </div>
      <datalist id="support-browsers">
        {["Chrome", "Edge", "Firefox", "Safari", "Opera", "Samsung Internet"].map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id="support-os">
        {["Windows", "macOS", "Linux", "Android", "iOS", "ChromeOS"].map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="flex gap-3">
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
        <Link href={action} className={buttonClass("secondary")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
