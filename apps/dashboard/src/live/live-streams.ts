// What a watcher knows about the server's live streams, updated message by message: each stream's
// declaration, prediction count, latest prediction and bounded history. Ended streams stay listed
// (marked) until more than `keepEnded` newer ones have ended, so a finished test stays readable.
import type {
  PredictionMessage,
  ServerMessage,
  StreamEndReason,
  StreamInfo,
} from "@emotion-stream/core";
import { PredictionHistory } from "./prediction-history.js";

export interface LiveStream {
  readonly info: StreamInfo;
  predictions: number;
  latest: PredictionMessage | undefined;
  ended: StreamEndReason | undefined;
  readonly history: PredictionHistory;
}

export interface LiveStreamsOptions {
  /** Predictions kept per stream: the timeline's minute at up to this many per minute. */
  readonly historyCapacity: number;
  /** Ended streams kept listed before the oldest ended one is forgotten. */
  readonly keepEnded: number;
}

export const DEFAULT_LIVE_STREAMS_OPTIONS: LiveStreamsOptions = {
  historyCapacity: 600,
  keepEnded: 100,
};

export class LiveStreams {
  private readonly options: LiveStreamsOptions;
  private readonly streams = new Map<string, LiveStream>();
  private readonly endedOrder: string[] = [];

  constructor(options: Partial<LiveStreamsOptions> = {}) {
    this.options = { ...DEFAULT_LIVE_STREAMS_OPTIONS, ...options };
  }

  /** Applies one server message; returns whether anything a page shows changed. */
  apply(message: ServerMessage): boolean {
    switch (message.type) {
      case "subscribed":
        this.resetTo(message.streams);
        return true;
      case "stream-started":
        this.add(message.stream);
        return true;
      case "prediction":
        return this.record(message);
      case "stream-ended":
        return this.end(message.streamId, message.reason);
      default:
        return false;
    }
  }

  get(streamId: string): LiveStream | undefined {
    return this.streams.get(streamId);
  }

  /** Live streams first, newest first; then ended ones. */
  list(): LiveStream[] {
    return [...this.streams.values()].sort(
      (a, b) =>
        Number(a.ended !== undefined) - Number(b.ended !== undefined) ||
        b.info.startedAt - a.info.startedAt,
    );
  }

  // A (re)subscription lists what is live now: streams missing from it ended while we were away.
  private resetTo(live: readonly StreamInfo[]): void {
    const liveIds = new Set(live.map((info) => info.streamId));
    for (const [streamId, stream] of this.streams) {
      if (!liveIds.has(streamId) && stream.ended === undefined) this.end(streamId, "disconnect");
    }
    for (const info of live) {
      if (this.streams.get(info.streamId)?.ended === undefined && this.streams.has(info.streamId)) {
        continue;
      }
      this.add(info);
    }
  }

  // A stream id reused after its stream ended starts a new stream with a fresh history.
  private add(info: StreamInfo): void {
    const endedIndex = this.endedOrder.indexOf(info.streamId);
    if (endedIndex >= 0) this.endedOrder.splice(endedIndex, 1);
    this.streams.set(info.streamId, {
      info,
      predictions: 0,
      latest: undefined,
      ended: undefined,
      history: new PredictionHistory(this.options.historyCapacity),
    });
  }

  private record(message: PredictionMessage): boolean {
    const stream = this.streams.get(message.streamId);
    if (stream === undefined) return false;
    stream.predictions += 1;
    stream.latest = message;
    stream.history.push(message);
    return true;
  }

  private end(streamId: string, reason: StreamEndReason): boolean {
    const stream = this.streams.get(streamId);
    if (stream === undefined || stream.ended !== undefined) return false;
    stream.ended = reason;
    this.endedOrder.push(streamId);
    while (this.endedOrder.length > this.options.keepEnded) {
      const forgotten = this.endedOrder.shift();
      if (forgotten !== undefined) this.streams.delete(forgotten);
    }
    return true;
  }
}
