// Everything /metrics reports, in the Prometheus text format. Counters are cumulative; the per-second
// gauges are rates over the last `RATE_WINDOW_SECONDS`, for humans reading the page directly.
import type { ErrorCode } from "@emotion-stream/core";
import { Histogram } from "./histogram.js";

const RATE_WINDOW_SECONDS = 10;

export interface LiveGauges {
  readonly streams: number;
  readonly producers: number;
  readonly watchers: number;
  readonly queuedWindows: number;
  readonly models: number;
}

export class ServerMetrics {
  framesTotal = 0;
  windowsTotal = 0;
  predictionsTotal = 0;
  watcherSkipsTotal = 0;
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
  /** (time ms, frames, windows) samples, one a second, for the rate gauges. */
  private readonly samples: { at: number; frames: number; windows: number }[] = [];

  countError(code: ErrorCode): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  /** Called once a second. */
  sample(now: number): void {
    this.samples.push({ at: now, frames: this.framesTotal, windows: this.windowsTotal });
    if (this.samples.length > RATE_WINDOW_SECONDS + 1) this.samples.shift();
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

  render(live: LiveGauges): string {
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

function gauge(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}`;
}

function counter(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}`;
}
