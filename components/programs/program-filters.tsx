import { buttonClass } from "@/components/ui/button";

/** A plain GET form: search and filter live in the URL, so results can be linked, bookmarked and paged. */
export function ProgramFilters({ q, mine }: { q: string; mine?: "owned" | "joined" }) {
  return (
    <form role="search" action="/programs" method="get" className="flex flex-wrap items-end gap-3">
      <div className="min-w-60 flex-1">
        <label htmlFor="program-search" className="block text-sm font-medium text-slate-700">
          Search programs
        </label>
        <input
          id="program-search"
          name="q"
          type="search"
          defaultValue={q}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500"
        />
      </div>
      <div>
        <label htmlFor="program-mine" className="block text-sm font-medium text-slate-700">
          Show
        </label>
        <select
          id="program-mine"
          name="mine"
          defaultValue={mine ?? ""}
          className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500"
        >
          <option value="">All programs</option>
          <option value="owned">Programs I own</option>
          <option value="joined">Programs I promote</option>
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Search
      </button>
    </form>
  );
}
