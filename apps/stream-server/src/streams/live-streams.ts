// The live streams of all producers: opening them on a model, turning their frames into windows for
// the batcher, sending each prediction to its producer and the watchers, and the summary at the end.
// Each model version is held while a stream or a queued window uses it and retired after.
import {
  EmotionStreamError,
  type OpenMessage,
  posteriorRowProblem,
  type StreamEndReason,
  type StreamInfo,
} from "@emotion-stream/core";
import type { Logger } from "pino";
import { queueShareAdmits } from "../budgets/queue-share.js";
import { errorMessageOf } from "../connection/error-message.js";
import type { ProducerConnection } from "../connection/producer-connection.js";
import { sendBounded } from "../connection/send-bounded.js";
import type { WatcherHub } from "../connection/watcher-hub.js";
import type { InferencePool } from "../inference/inference-pool.js";
import { WindowBatcher } from "../inference/window-batcher.js";
import type { ServerMetrics } from "../metrics/server-metrics.js";
import type { ModelRegistry } from "../models/model-registry.js";
import { isCompatible, type ServedModel } from "../models/served-model.js";
import type { ServerConfig } from "../server-config.js";
import type { FrameRing } from "./frame-window.js";
import { predictionMessage } from "./prediction-message.js";
import { ProducerStream } from "./producer-stream.js";
import type { ResamplerPool } from "./resampler-pool.js";
import { admitStream } from "./stream-admission.js";

interface WindowEntry {
  readonly session: ProducerStream;
  readonly producer: ProducerConnection;
  readonly model: ServedModel;
  readonly index: number;
  /** performance.now() when the message completing the window arrived. */
  readonly receivedAt: number;
}

interface LiveStream {
  readonly session: ProducerStream;
  readonly producer: ProducerConnection;
}

export interface LiveStreamsParts {
  readonly config: ServerConfig;
  readonly registry: ModelRegistry;
  readonly pool: InferencePool;
  readonly resamplers: ResamplerPool;
  readonly watchers: WatcherHub;
  readonly metrics: ServerMetrics;
  readonly log: Logger;
}

const OVERLOAD_REPORT_INTERVAL_MS = 1000;

export class LiveStreams {
  private readonly live = new Map<string, LiveStream>();
  private readonly holds = new Map<ServedModel, number>();
  private readonly batcher: WindowBatcher<WindowEntry>;
  private readonly probabilities = new Float32Array(4);
  /** Producer connections with at least one window queued or running. */
  private queueingProducers = 0;

  constructor(private readonly parts: LiveStreamsParts) {
    const { config, pool, metrics } = parts;
    this.batcher = new WindowBatcher<WindowEntry>(
      pool,
      {
        maxBatch: config.maxBatch,
        maxDelayMs: config.maxBatchDelayMs,
        maxQueuedWindows: config.maxQueuedWindows,
      },
      {
        onOutput: (entry, output) => this.deliver(entry, output),
        onFailure: (entry, error) => this.windowFailed(entry, error),
        onHandlerError: (entry, error) => this.deliveryFailed(entry, error),
        onBatch: (size, runMs) => {
          metrics.batchSize.observe(size);
          metrics.batchSeconds.observe(runMs / 1000);
        },
      },
    );
    parts.registry.onReplaced = (previous, next) => this.modelReplaced(previous, next);
  }

  get size(): number {
    return this.live.size;
  }

  get queuedWindows(): number {
    return this.batcher.depth;
  }

  streams(): StreamInfo[] {
    return [...this.live.values()].map(({ session }) => session.info);
  }

  open(producer: ProducerConnection, message: OpenMessage): ProducerStream {
    const { config, registry } = this.parts;
    const model = admitStream(
      { config, registry, liveStreams: this.live.size, isLive: (id) => this.live.has(id) },
      producer,
      message,
    );
    const session = new ProducerStream({
      id: message.streamId,
      slot: message.slot,
      input: message.input,
      language: message.language,
      model,
      realTimeFactor: config.realTimeFactor,
      resamplers: this.parts.resamplers,
      now: performance.now(),
    });
    this.hold(model);
    producer.add(session);
    this.live.set(session.id, { session, producer });
    this.parts.watchers.publishControl(
      session.id,
      JSON.stringify({ type: "stream-started", stream: session.info }),
    );
    return session;
  }

  /** Whole frames of the model's dimension (checked by the caller), or PCM samples. */
  push(
    producer: ProducerConnection,
    session: ProducerStream,
    values: Float32Array | Int16Array,
    receivedAt: number,
  ): void {
    refuseIfEnding(session);
    const sink = (ring: FrameRing, index: number) =>
      this.submit(producer, session, ring, index, receivedAt);
    const frames =
      session.input.kind === "pcm" || values instanceof Int16Array
        ? session.pushSamples(values, receivedAt, sink)
        : session.pushFrames(values, receivedAt, sink);
    this.parts.metrics.framesTotal += frames;
  }

  /** The producer declared the end: flush, and summarise once the last window's prediction is out. */
  end(producer: ProducerConnection, session: ProducerStream, receivedAt: number): void {
    refuseIfEnding(session);
    session.ending = true;
    this.parts.metrics.framesTotal += session.flushInput((ring, index) =>
      this.submit(producer, session, ring, index, receivedAt),
    );
    if (session.inFlight === 0) this.finish(session, "end");
  }

  /** Ends a stream at once (an error or a disconnect); windows still in flight are discarded. */
  finish(session: ProducerStream, reason: StreamEndReason): void {
    const stream = this.live.get(session.id);
    if (stream?.session !== session) return;
    this.live.delete(session.id);
    stream.producer.remove(session);
    session.close();
    const summary = session.summary();
    if (reason === "end")
      sendBounded(
        stream.producer.socket,
        JSON.stringify(summary),
        this.parts.config.maxUnsentBytes,
      );
    this.parts.watchers.publishControl(
      session.id,
      JSON.stringify({ type: "stream-ended", streamId: session.id, reason, summary }),
    );
    this.release(session.model);
  }

  close(): void {
    this.batcher.close();
  }

  private submit(
    producer: ProducerConnection,
    session: ProducerStream,
    ring: FrameRing,
    index: number,
    receivedAt: number,
  ): void {
    const { model } = session;
    const entry: WindowEntry = { session, producer, model, index, receivedAt };
    const queued =
      this.withinQueueShare(producer) &&
      this.batcher.enqueue(model, entry, (buffer, offset) =>
        ring.copyWindow(
          buffer,
          offset,
          model.normalisation,
          model.languageColumnsOf(session.language),
        ),
      );
    if (!queued) {
      this.parts.metrics.countError("OVERLOADED");
      // Under overload every window is refused; one report a second per stream says as much.
      if (receivedAt - session.overloadReportedAt >= OVERLOAD_REPORT_INTERVAL_MS) {
        session.overloadReportedAt = receivedAt;
        this.sendStreamError(
          producer,
          new EmotionStreamError(
            "OVERLOADED",
            `inference queue full; window ${index} and later ones dropped`,
            {
              streamId: session.id,
            },
          ),
        );
      }
      return;
    }
    session.inFlight++;
    if (producer.queuedWindows++ === 0) this.queueingProducers++;
    this.hold(model);
    this.parts.metrics.windowsTotal++;
  }

  private withinQueueShare(producer: ProducerConnection): boolean {
    return queueShareAdmits({
      depth: this.batcher.depth,
      capacity: this.parts.config.maxQueuedWindows,
      held: producer.queuedWindows,
      queueing: this.queueingProducers,
    });
  }

  private deliver(entry: WindowEntry, output: Float32Array): void {
    const { session, producer, model } = entry;
    this.windowDone(entry);
    if (this.live.get(session.id)?.session !== session) return;
    // A model's output for a window that is not a posterior (NaN from extreme inputs, a broken
    // graph) is that window's error: it reaches neither watchers nor the stream's summary.
    const problem = posteriorRowProblem(output, model.outputsPerWindow);
    if (problem !== undefined) {
      this.reportStreamError(
        producer,
        new EmotionStreamError(
          "BAD_POSTERIORS",
          `model ${model.id}'s output for window ${entry.index} ${problem}; the window is dropped`,
          { streamId: session.id, field: "window" },
        ),
      );
      if (session.ending && session.inFlight === 0) this.finish(session, "end");
      return;
    }
    const probabilities = this.probabilities;
    model.outputColumns.forEach((column, c) => {
      probabilities[c] = output[column] ?? 0;
    });
    session.recordPosterior(probabilities);
    const { metrics, watchers } = this.parts;
    const latencyMs = performance.now() - entry.receivedAt;
    const message = predictionMessage({
      streamId: session.id,
      model: model.id,
      window: entry.index,
      ...session.windowTimes(entry.index),
      probabilities,
      latencyMs,
    });
    const text = JSON.stringify(message);
    sendBounded(producer.socket, text, this.parts.config.maxUnsentBytes);
    watchers.publishPrediction(session.id, text);
    metrics.predictionsTotal++;
    metrics.latency.observe(latencyMs / 1000);
    if (session.ending && session.inFlight === 0) this.finish(session, "end");
  }

  private windowFailed(entry: WindowEntry, error: EmotionStreamError): void {
    this.windowDone(entry);
    this.parts.log.error({ model: entry.model.key, reason: error.message }, "inference failed");
    if (this.live.get(entry.session.id)?.session !== entry.session) return;
    this.reportStreamError(
      entry.producer,
      new EmotionStreamError(error.code, error.message, { streamId: entry.session.id }),
    );
    if (entry.session.ending && entry.session.inFlight === 0) this.finish(entry.session, "end");
  }

  /** A bug while delivering one window: logged, and that stream (only) ends with INTERNAL_ERROR. */
  private deliveryFailed(entry: WindowEntry, error: unknown): void {
    this.parts.log.error({ err: error, stream: entry.session.id }, "delivering a window failed");
    if (this.live.get(entry.session.id)?.session !== entry.session) return;
    try {
      this.reportStreamError(
        entry.producer,
        new EmotionStreamError("INTERNAL_ERROR", "the server failed to deliver a prediction", {
          streamId: entry.session.id,
        }),
      );
      this.finish(entry.session, "error");
    } catch (second) {
      this.parts.log.error({ err: second, stream: entry.session.id }, "ending the stream failed");
    }
  }

  private windowDone(entry: WindowEntry): void {
    entry.session.inFlight--;
    if (--entry.producer.queuedWindows === 0) this.queueingProducers--;
    this.release(entry.model);
  }

  private reportStreamError(producer: ProducerConnection, error: EmotionStreamError): void {
    this.parts.metrics.countError(error.code);
    this.sendStreamError(producer, error);
  }

  private sendStreamError(producer: ProducerConnection, error: EmotionStreamError): void {
    sendBounded(
      producer.socket,
      JSON.stringify(errorMessageOf(error)),
      this.parts.config.maxUnsentBytes,
    );
  }

  /** Streams move to a compatible new version; others keep theirs until they end. */
  private modelReplaced(previous: ServedModel | undefined, next: ServedModel): void {
    if (previous === undefined) return;
    this.hold(previous);
    for (const { session } of this.live.values()) {
      if (session.model === previous && isCompatible(previous, next)) {
        session.model = next;
        this.release(previous);
        this.hold(next);
      }
    }
    this.release(previous);
  }

  private hold(model: ServedModel): void {
    this.holds.set(model, (this.holds.get(model) ?? 0) + 1);
  }

  /** Drops one use; a version no longer current and no longer used leaves the workers. */
  private release(model: ServedModel): void {
    const count = (this.holds.get(model) ?? 0) - 1;
    if (count > 0) {
      this.holds.set(model, count);
      return;
    }
    this.holds.delete(model);
    if (this.parts.registry.get(model.id) !== model) {
      this.parts.pool.unload(model.key);
      this.batcher.release(model);
      this.parts.log.info({ model: model.id, version: model.version }, "model version retired");
    }
  }
}

/** After its `end`, a stream only waits for its last predictions; it takes nothing more. */
function refuseIfEnding(session: ProducerStream): void {
  if (session.ending) {
    throw new EmotionStreamError("STREAM_ENDED", `stream ${session.id} was ended`, {
      streamId: session.id,
    });
  }
}
