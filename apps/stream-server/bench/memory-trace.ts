// The server's memory over a run, read from its /metrics every few seconds: RSS, and per JavaScript
// thread the V8 heap used after the last major GC, the heap V8 has reserved and the ArrayBuffer
// memory. The verdict is a number: the least-squares slope of each series over the second half of
// the measured period, in MB per 10 minutes (the first half lets heaps, arenas and per-stream
// buffers reach their size).
//
// The RSS itself is not judged: it holds V8's reserved heaps, which V8 grows and shrinks by several
// MB as it sizes its old space (the heap left after GC staying put), enough to tilt a 5-minute slope
// either way. What would show a leak is judged instead: live heap after GC, ArrayBuffers, and the
// native rest, RSS minus the V8 heaps reserved (onnxruntime, glibc, code).

/**
 * A slope below this, in MB per 10 minutes, counts as flat: about 10 MB an hour for what V8 tracks
 * exactly, 30 MB an hour for the native rest, which moves with the allocators' page bookkeeping.
 */
const FLAT_MB_PER_10_MIN = { managed: 2, native: 5 } as const;

const SAMPLE_INTERVAL_MS = 5000;
const MB = 1024 * 1024;

const RSS = "emotion_stream_resident_memory_bytes";
const series = (name: string, thread: string) => `emotion_stream_${name}{thread="${thread}"}`;

/** A traced series: a label, how to read it from the metrics, and its flat limit (none: not judged). */
interface TracedSeries {
  readonly label: string;
  readonly read: (value: (metric: string) => number) => number;
  readonly flat?: number;
}

/** One thread's gauge, judged with the limit of what V8 tracks exactly. */
function judgedThreadSeries(label: string, metric: string, thread: string): TracedSeries {
  return {
    label,
    read: (value) => value(series(metric, thread)),
    flat: FLAT_MB_PER_10_MIN.managed,
  };
}

const SERIES: readonly TracedSeries[] = [
  { label: "RSS", read: (value) => value(RSS) },
  {
    label: "native (RSS - V8 heaps)",
    read: (value) =>
      value(RSS) -
      value(series("heap_total_bytes", "main")) -
      value(series("heap_total_bytes", "inference-0")),
    flat: FLAT_MB_PER_10_MIN.native,
  },
  { label: "main heap total", read: (value) => value(series("heap_total_bytes", "main")) },
  judgedThreadSeries("main heap after GC", "heap_used_after_major_gc_bytes", "main"),
  judgedThreadSeries("main ArrayBuffers", "array_buffers_bytes", "main"),
  judgedThreadSeries("worker heap after GC", "heap_used_after_major_gc_bytes", "inference-0"),
  judgedThreadSeries("worker ArrayBuffers", "array_buffers_bytes", "inference-0"),
];

interface MemorySample {
  /** Seconds since the trace started. */
  readonly at: number;
  /** Bytes, one per SERIES entry; NaN where the metric is absent or not yet known. */
  readonly values: readonly number[];
}

export class MemoryTrace {
  private readonly samples: MemorySample[] = [];
  private readonly started = performance.now();
  private measuredFrom = Number.NaN;
  private measuredUntil = Number.NaN;
  private readonly timer: NodeJS.Timeout;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly metricsUrl: string) {
    this.timer = setInterval(() => {
      this.pending = this.take();
    }, SAMPLE_INTERVAL_MS);
  }

  /** Marks the start or end of the measured period (the slopes use its second half). */
  mark(edge: "start" | "end"): void {
    const at = (performance.now() - this.started) / 1000;
    if (edge === "start") this.measuredFrom = at;
    else this.measuredUntil = at;
  }

  /** Stops sampling after one last sample (taken once the run's streams have closed). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pending;
    await this.take();
  }

  /** The time series (about `rows` evenly spaced samples) and the second-half slopes with a verdict. */
  report(rows = 12): string {
    const header = `  memory every ~${SAMPLE_INTERVAL_MS / 1000} s (MB; s from connecting; measured ${this.measuredFrom.toFixed(0)}-${this.measuredUntil.toFixed(0)} s, last row after the streams closed):`;
    const step = Math.max(1, Math.round(this.samples.length / rows));
    const shown = this.samples.filter(
      (_, index) => index % step === 0 || index === this.samples.length - 1,
    );
    const table = [
      `    ${"s".padStart(5)}  ${SERIES.map(({ label }) => label.padStart(label.length)).join("  ")}`,
      ...shown.map(
        ({ at, values }) =>
          `    ${at.toFixed(0).padStart(5)}  ${SERIES.map(({ label }, i) => megabytes(values[i]).padStart(label.length)).join("  ")}`,
      ),
    ];
    const from = (this.measuredFrom + this.measuredUntil) / 2;
    const half = this.samples.filter(({ at }) => at >= from && at <= this.measuredUntil);
    const slopes = SERIES.map((_, i) =>
      slopePerSecond(half.map(({ at, values }) => [at, values[i] ?? Number.NaN])),
    );
    const perTenMinutes = slopes.map((slope) => (slope * 600) / MB);
    const growing = SERIES.filter(
      ({ flat }, i) => flat !== undefined && (perTenMinutes[i] ?? 0) >= flat,
    );
    const shrinking = SERIES.filter(
      ({ flat }, i) => flat !== undefined && (perTenMinutes[i] ?? 0) <= -flat,
    );
    const seconds = this.measuredUntil - from;
    const limits = `native ${FLAT_MB_PER_10_MIN.native}, heaps after GC and ArrayBuffers ${FLAT_MB_PER_10_MIN.managed} MB/10 min; RSS and heap total not judged`;
    const verdict =
      seconds < 60
        ? "too short to judge (the second half should span a minute or more)"
        : growing.length > 0
          ? `GROWING: ${growing.map(({ label }) => label).join(", ")} (limits: ${limits})`
          : shrinking.length > 0
            ? `not growing; shrinking: ${shrinking.map(({ label }) => label).join(", ")} (limits: ${limits})`
            : `flat (every |slope| under its limit: ${limits})`;
    return [
      header,
      ...table,
      `  memory slope over the second half (${seconds.toFixed(0)} s, ${half.length} samples), MB per 10 min: ${SERIES.map(({ label }, i) => `${label} ${signed(perTenMinutes[i])}`).join(", ")}`,
      `  memory verdict: ${verdict}`,
    ].join("\n");
  }

  private async take(): Promise<void> {
    try {
      const text = await (await fetch(this.metricsUrl)).text();
      this.samples.push({
        at: (performance.now() - this.started) / 1000,
        values: SERIES.map(({ read }) => read((metric) => metricValue(text, metric))),
      });
    } catch {
      // A missed sample (the server busy closing sockets) only thins the series.
    }
  }
}

function metricValue(text: string, metric: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${metric} `));
  return line === undefined ? Number.NaN : Number(line.slice(metric.length + 1));
}

/** Least-squares slope of y over x; NaN with fewer than 3 finite points. */
export function slopePerSecond(points: readonly (readonly [number, number])[]): number {
  const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (finite.length < 3) return Number.NaN;
  const meanX = finite.reduce((sum, [x]) => sum + x, 0) / finite.length;
  const meanY = finite.reduce((sum, [, y]) => sum + y, 0) / finite.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of finite) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance > 0 ? covariance / variance : Number.NaN;
}

function megabytes(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? "-" : (bytes / MB).toFixed(1);
}

function signed(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "n/a";
  return `${value >= 0 ? "+" : ""}${value.toFixed(1)}`;
}
