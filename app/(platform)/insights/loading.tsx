// Shown while the aggregates are computed, so the page answers at once and the charts stream in.
export default function InsightsLoading() {
  return (
    <div className="space-y-4" aria-busy="true">
      <h1 className="text-2xl font-semibold">Insights</h1>
      <p role="status" className="text-slate-600">
        Computing the charts…
      </p>
    </div>
  );
}
