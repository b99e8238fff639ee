// Everything /metrics reports, in the Prometheus text format. Counters are cumulative; the per-second
// gauges are rates over the last `RATE_WINDOW_SECONDS`, for humans reading the page directly.
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ErrorCode } from "@emotion-stream/core";
import { Histogram } from "./histogram.js";
import type { ThreadMemory } from "./thread-memory.js";

const RATE_WINDOW_SECONDS = 10;

export interface LiveGauges {
  readonly streams: number;
  readonly producers: number;
  readonly watchers: number;
  readonly queuedWindows: number;
  readonly models: number;
  /** Connections whose reading is held back for their main-thread share. */
  readonly throttledConnections: number;
  /** The main-thread share each connection has now, CPU ms per second. */
  readonly connectionCpuMsPerSecond: number;
  /** The main-thread time all message handling may take now, CPU ms per second. */
  readonly handlingCpuMsPerSecond: number;
  readonly resampledStreams: number;
  /** Bytes queued for sending over all connections. */
  readonly unsentBytes: number;
}

/** The process's resident memory and each JavaScript thread's heap (a worker's as last reported). */
export interface MemoryGauges {
  readonly residentBytes: number;
  readonly threads: readonly {
    readonly thread: string;
    readonly memory: ThreadMemory | undefined;
  }[];
}

/** The per-thread memory series: name suffix, help, type and the field each reads. */
const THREAD_MEMORY_SERIES: readonly {
  readonly name: string;
  readonly help: string;
  readonly type: "gauge" | "counter";
  readonly field: keyof ThreadMemory;
}[] = [
  {
    name: "heap_used_after_major_gc_bytes",
    help: "V8 heap used right after the thread's last major (mark-sweep) GC: flat unless something is kept; NaN before the first.",
    type: "gauge",
    field: "heapUsedAfterMajorGcBytes",
  },
  { name: "heap_used_bytes", help: "V8 heap used now.", type: "gauge", field: "heapUsedBytes" },
  { name: "heap_total_bytes", help: "V8 heap reserved.", type: "gauge", field: "heapTotalBytes" },
  {
    name: "external_bytes",
    help: "Memory of C++ objects tied to the thread's JavaScript objects.",
    type: "gauge",
    field: "externalBytes",
  },
  {
    name: "array_buffers_bytes",
    help: "The part of external memory held by ArrayBuffers (typed arrays, Buffers).",
    type: "gauge",
    field: "arrayBuffersBytes",
  },
  { name: "major_gcs_total", help: "Major GCs of the thread.", type: "counter", field: "majorGcs" },
];

export class ServerMetrics {
  framesTotal = 0;
  windowsTotal = 0;
  predictionsTotal = 0;
  watcherSkipsTotal = 0;
  /** Times a connection's reading was held back for its main-thread share. */
  readPausesTotal = 0;
  /** Peers disconnected because too much was queued for them (their own limit or the server's). */
  slowConsumersTotal = 0;
  readonly errors = new Map<ErrorCode, number>();
  readonly latency = new Histogram(
    "emotion_stream_prediction_latency_seconds",
    "Server time from the message completing a window to its prediction being sent.",
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  );
  readonly batchSize = new Histogram(
    "emotion_stream_batch_size",
    "Windows per inference batch.",
    [1, 2, 4, 8, 16, 32, 64, 128, 256],
  );
  readonly batchSeconds = new Histogram(
    "emotion_stream_batch_run_seconds",
    "Wall time of one inference batch, worker round trip included.",
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
  );
  /** How late the main thread's timers ran (a blocked loop delays every socket), 10 ms resolution. */
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });
  /** p99 and max loop delay (ms) over the last full `RATE_WINDOW_SECONDS`. */
  private loopDelayMs = { p99: 0, max: 0 };
  private loopDelayWindowStart = 0;
  /** (time ms, frames, windows) samples, one a second, for the rate gauges. */
  private readonly samples: { at: number; frames: number; windows: number }[] = [];

  countError(code: ErrorCode): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  /** Called once a second. */
  sample(now: number): void {
    this.samples.push({ at: now, frames: this.framesTotal, windows: this.windowsTotal });
    if (this.samples.length > RATE_WINDOW_SECONDS + 1) this.samples.shift();
    if (this.loopDelayWindowStart === 0) this.loopDelay.enable();
    if (now - this.loopDelayWindowStart >= RATE_WINDOW_SECONDS * 1000) {
      // The histogram counts the resolution's own 10 ms in every sample; only the excess is delay.
      const excess = (ns: number) => Math.max(0, ns / 1e6 - 10);
      this.loopDelayMs = {
        p99: excess(this.loopDelay.percentile(99)),
        max: excess(this.loopDelay.max),
      };
      this.loopDelay.reset();
      this.loopDelayWindowStart = now;
    }
  }

  close(): void {
    this.loopDelay.disable();
  }

  rates(): { framesPerSecond: number; windowsPerSecond: number } {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (first === undefined || last === undefined || last.at === first.at) {
      return { framesPerSecond: 0, windowsPerSecond: 0 };
    }
    const seconds = (last.at - first.at) / 1000;
    return {
      framesPerSecond: (last.frames - first.frames) / seconds,
      windowsPerSecond: (last.windows - first.windows) / seconds,
    };
  }

  render(live: LiveGauges, memory: MemoryGauges): string {
    const { framesPerSecond, windowsPerSecond } = this.rates();
    const blocks = [
      gauge("emotion_stream_streams", "Open producer streams.", live.streams),
      gauge("emotion_stream_producer_connections", "Connected producers.", live.producers),
      gauge("emotion_stream_watcher_connections", "Connected watchers.", live.watchers),
      gauge("emotion_stream_models", "Models being served.", live.models),
      gauge(
        "emotion_stream_queued_windows",
        "Windows waiting for or in inference.",
        live.queuedWindows,
      ),
      gauge(
        "emotion_stream_event_loop_delay_p99_seconds",
        `99th percentile of how late the main thread's timers ran, over ${RATE_WINDOW_SECONDS} s.`,
        this.loopDelayMs.p99 / 1000,
      ),
      gauge(
        "emotion_stream_event_loop_delay_max_seconds",
        `Longest the main thread's timers were late, over ${RATE_WINDOW_SECONDS} s.`,
        this.loopDelayMs.max / 1000,
      ),
      gauge(
        "emotion_stream_throttled_connections",
        "Connections not read from until their main-thread debt is repaid.",
        live.throttledConnections,
      ),
      gauge(
        "emotion_stream_connection_cpu_share_ms_per_second",
        "Main-thread CPU each connection may use now (the fair share; the whole budget when uncontended).",
        live.connectionCpuMsPerSecond,
      ),
      gauge(
        "emotion_stream_message_handling_cpu_ms_per_second",
        "Main-thread CPU all message handling may use now: what other work leaves of the target.",
        live.handlingCpuMsPerSecond,
      ),
      counter(
        "emotion_stream_read_pauses_total",
        "Times a connection's reading was held back for its main-thread share.",
        this.readPausesTotal,
      ),
      gauge(
        "emotion_stream_resampled_streams",
        "PCM streams holding a sample-rate converter.",
        live.resampledStreams,
      ),
      gauge("emotion_stream_unsent_bytes", "Bytes queued for sending.", live.unsentBytes),
      counter(
        "emotion_stream_slow_consumers_total",
        "Peers disconnected for not reading what was sent to them.",
        this.slowConsumersTotal,
      ),
      counter(
        "emotion_stream_frames_total",
        "Feature frames received or extracted.",
        this.framesTotal,
      ),
      counter(
        "emotion_stream_windows_total",
        "Windows cut and queued for inference.",
        this.windowsTotal,
      ),
      counter(
        "emotion_stream_predictions_total",
        "Predictions sent to producers.",
        this.predictionsTotal,
      ),
      counter(
        "emotion_stream_watcher_skips_total",
        "Messages skipped for slow watchers.",
        this.watcherSkipsTotal,
      ),
      gauge(
        "emotion_stream_frames_per_second",
        `Frames/s over the last ${RATE_WINDOW_SECONDS} s.`,
        framesPerSecond,
      ),
      gauge(
        "emotion_stream_windows_per_second",
        `Windows/s over the last ${RATE_WINDOW_SECONDS} s.`,
        windowsPerSecond,
      ),
      this.latency.render(),
      this.batchSize.render(),
      this.batchSeconds.render(),
      this.renderErrors(),
      gauge(
        "emotion_stream_resident_memory_bytes",
        "Resident set size of the server process (all threads, native memory included).",
        memory.residentBytes,
      ),
      ...THREAD_MEMORY_SERIES.map((series) => renderThreadSeries(series, memory.threads)),
    ];
    return `${blocks.join("\n")}\n`;
  }

  private renderErrors(): string {
    const name = "emotion_stream_errors_total";
    const lines = [`# HELP ${name} Errors reported to clients, by code.`, `# TYPE ${name} counter`];
    for (const [code, count] of [...this.errors].sort())
      lines.push(`${name}{code="${code}"} ${count}`);
    return lines.join("\n");
  }
}

function renderThreadSeries(
  series: (typeof THREAD_MEMORY_SERIES)[number],
  threads: MemoryGauges["threads"],
): string {
  const name = `emotion_stream_${series.name}`;
  const lines = [`# HELP ${name} ${series.help}`, `# TYPE ${name} ${series.type}`];
  for (const { thread, memory } of threads) {
    if (memory !== undefined) lines.push(`${name}{thread="${thread}"} ${memory[series.field]}`);
  }
  return lines.join("\n");
}

function gauge(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}`;
}

function counter(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}`;
}
