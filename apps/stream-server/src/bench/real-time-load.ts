// The real-time phase: N producer streams each sending `framesPerMessage` frames every
// `framesPerMessage x frameStep` seconds, staggered over the period, for a bounded time. Latency is
// from sending the message that completes a window to receiving that window's prediction.
import type { ErrorCode, ServerMessage } from "@emotion-stream/core";
import { openBenchStream, openBenchStreams } from "./bench-connection.js";
import type { BenchFeatures } from "./bench-features.js";
import { Sample } from "./percentiles.js";

export interface RealTimeLoadOptions {
  readonly url: string;
  readonly model: string;
  readonly streams: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly framesPerMessage: number;
  readonly frameStepSeconds: number;
  readonly windowFrames: number;
  readonly hopFrames: number;
  readonly features: BenchFeatures;
}

export interface RealTimeLoadResult {
  readonly latenciesMs: Sample;
  /** The server's own `latencyMs` of the same predictions: without the load generator's delays. */
  readonly serverLatenciesMs: Sample;
  readonly predictions: number;
  readonly errors: Map<ErrorCode, number>;
  readonly unexpectedCloses: number;
  readonly measuredSeconds: number;
}

// Send times of the last RING messages per stream; a window's prediction arrives long before its
// completing message falls out of it.
const RING = 256;
const TICK_MS = 5;

interface StreamClock {
  readonly sendTimes: Float64Array;
  sent: number;
  nextSendAt: number;
  readonly firstMessage: number;
}

export async function runRealTimeLoad(options: RealTimeLoadOptions): Promise<RealTimeLoadResult> {
  const { streams, framesPerMessage, features } = options;
  const periodMs = framesPerMessage * options.frameStepSeconds * 1000;
  const latenciesMs = new Sample();
  const serverLatenciesMs = new Sample();
  const errors = new Map<ErrorCode, number>();
  let predictions = 0;
  let unexpectedCloses = 0;
  let measureFrom = Number.POSITIVE_INFINITY;
  let measureUntil = Number.POSITIVE_INFINITY;
  const clocks: StreamClock[] = [];

  const onMessage = (index: number) => (message: ServerMessage) => {
    const now = performance.now();
    if (message.type === "error") errors.set(message.code, (errors.get(message.code) ?? 0) + 1);
    if (message.type !== "prediction") return;
    const clock = clocks[index];
    if (clock === undefined) return;
    const endFrame = message.window * options.hopFrames + options.windowFrames;
    const completing = Math.ceil(endFrame / framesPerMessage) - 1;
    const sentAt = clock.sendTimes[completing % RING] ?? Number.NaN;
    if (sentAt >= measureFrom && sentAt < measureUntil) {
      latenciesMs.add(now - sentAt);
      serverLatenciesMs.add(message.latencyMs);
      predictions++;
    }
  };
  const connections = await openBenchStreams(streams, 50, (index) =>
    openBenchStream(options.url, `bench-${index}-${Date.now()}`, options.model, onMessage(index)),
  );
  const start = performance.now();
  connections.forEach(({ socket }, index) => {
    clocks.push({
      sendTimes: new Float64Array(RING),
      sent: 0,
      // Streams are spread evenly over one period, as independent microphones would be.
      nextSendAt: start + (index / streams) * periodMs,
      firstMessage: Math.floor((index * 7919) % features.messages.length),
    });
    socket.on("close", () => {
      if (performance.now() < measureUntil) unexpectedCloses++;
    });
  });
  measureFrom = start + options.warmupSeconds * 1000;
  measureUntil = measureFrom + options.seconds * 1000;

  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      connections.forEach(({ socket }, index) => {
        const clock = clocks[index] as StreamClock;
        while (clock.nextSendAt <= now) {
          const message =
            features.messages[(clock.firstMessage + clock.sent) % features.messages.length];
          if (message !== undefined && socket.readyState === socket.OPEN) socket.send(message);
          clock.sendTimes[clock.sent % RING] = performance.now();
          clock.sent++;
          clock.nextSendAt += periodMs;
        }
      });
      if (now >= measureUntil) {
        clearInterval(timer);
        resolve();
      }
    }, TICK_MS);
  });
  // Let the last windows' predictions arrive before closing.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const { socket } of connections) socket.close();
  return {
    latenciesMs,
    serverLatenciesMs,
    predictions,
    errors,
    unexpectedCloses,
    measuredSeconds: options.seconds,
  };
}
