/**
 * Rage and dead clicks, from click times alone (pure; the recorder feeds it DOM facts):
 * - a rage click is the 3rd (or later) click on one target within a second of the first of the burst; reported once
 *   per burst, with the count so far;
 * - a dead click is a click on something clickable that is followed by no DOM change and no navigation within a
 *   second.
 */
export type ClickAnalyzerOptions = { rageCount?: number; rageWindowMs?: number; deadWindowMs?: number };

export function createClickAnalyzer<Target>({ rageCount = 3, rageWindowMs = 1000, deadWindowMs = 1000 }: ClickAnalyzerOptions = {}) {
  let burst: { target: Target; times: number[]; reported: boolean } | null = null;
  let pending: { target: Target; at: number; info: unknown }[] = [];

  return {
    /** A click; returns the burst size when this click makes it a rage click (once per burst), else null. */
    click(target: Target, at: number): number | null {
      if (!burst || burst.target !== target) burst = { target, times: [], reported: false };
      burst.times = burst.times.filter((time) => at - time <= rageWindowMs);
      burst.times.push(at);
      if (burst.times.length >= rageCount && !burst.reported) {
        burst.reported = true;
        return burst.times.length;
      }
      if (burst.times.length === 1) burst.reported = false;
      return null;
    },
    /** Watch a click on something clickable for a reaction; `info` comes back from `due` if none comes. */
    watch(target: Target, at: number, info: unknown) {
      pending.push({ target, at, info });
    },
    /** Something changed (DOM mutation, navigation): every click before it got its reaction. */
    activity(at: number) {
      pending = pending.filter((click) => click.at > at);
    },
    /** Clicks whose window passed with no reaction: dead. They are reported once. */
    due(at: number): unknown[] {
      const dead = pending.filter((click) => at - click.at >= deadWindowMs);
      pending = pending.filter((click) => at - click.at < deadWindowMs);
      return dead.map((click) => click.info);
    },
    get watching() {
      return pending.length;
    },
  };
}
