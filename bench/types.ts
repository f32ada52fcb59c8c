/** The shape every benchmark module returns: a figure beside the reference measured in the same run. */
export type Measure = { name: string; value: number; unit: string };
export type BenchResult = Measure & {
  reference?: Measure;
  /** "higher" when a bigger value is better (throughput), "lower" for latency. */
  better?: "higher" | "lower";
  /** A goal from the issue, stated in the same unit, and whether it was met. */
  goal?: { value: number; met: boolean };
  note?: string;
};
export type BenchOptions = { quick: boolean };

/** Median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
