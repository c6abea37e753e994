/**
 * The median of a time-on-page histogram (lib/insights/charts/dimensions.ts), interpolated between the two middle
 * values as PostgreSQL's percentile_cont(0.5) is. Pure.
 */
export function medianOf(histogram: { bucket: number; n: number }[]): number | null {
  const sorted = [...histogram].sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((sum, h) => sum + h.n, 0);
  if (total === 0) return null;
  const valueAt = (index: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.n;
      if (index < seen) return h.bucket;
    }
    return sorted[sorted.length - 1].bucket;
  };
  const position = (total - 1) / 2;
  const low = valueAt(Math.floor(position));
  return low + (valueAt(Math.ceil(position)) - low) * (position - Math.floor(position));
}
