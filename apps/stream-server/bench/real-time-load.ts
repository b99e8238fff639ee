// The real-time phase: N producer streams each sending `framesPerMessage` frames every
// `framesPerMessage x frameStep` seconds, for a bounded time. Latency is from sending the message
// that completes a window to receiving that window's prediction.
//
// The generator shares the machine with the server, so it is kept cheap: one timer walks the streams
// in send order (no per-stream timers, no scan of every stream per tick), the messages are encoded
// once, and the per-stream state lives in flat typed arrays, so sending allocates nothing of ours.
import type { ErrorCode, ServerMessage } from "@emotion-stream/core";
import { openBenchStream, openBenchStreams } from "./bench-connection.js";
import type { BenchFeatures } from "./bench-features.js";
import { Sample } from "./percentiles.js";

/**
 * How stream start times are spread. `hop`: uniformly over one hop, as independent microphones
 * would be, so windows become ready evenly over time. `message`: over one message period only, so
 * every stream's windows become ready within the same message period (a burst each hop; the worst case).
 */
export type WindowPhases = "hop" | "message";

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
  readonly phases: WindowPhases;
  readonly features: BenchFeatures;
  /** Called when the measured period starts and when it ends (for CPU readings). */
  readonly onMeasured?: (edge: "start" | "end") => void;
  /** Called when the streams start sending, with the milliseconds until the measured period. */
  readonly onSending?: (msUntilMeasured: number) => void;
}

export interface RealTimeLoadResult {
  readonly latenciesMs: Sample;
  /** The server's own `latencyMs` of the same predictions: without the load generator's delays. */
  readonly serverLatenciesMs: Sample;
  readonly predictions: number;
  readonly errors: Map<ErrorCode, number>;
  readonly unexpectedCloses: number;
  readonly measuredSeconds: number;
  /** Messages sent later than their schedule by more than one message period. */
  readonly lateSends: number;
}

// Send times of the last RING messages per stream; a window's prediction arrives long before its
// completing message falls out of it.
const RING = 256;

export async function runRealTimeLoad(options: RealTimeLoadOptions): Promise<RealTimeLoadResult> {
  const { streams, framesPerMessage, features } = options;
  const periodMs = framesPerMessage * options.frameStepSeconds * 1000;
  const spreadMs =
    options.phases === "hop"
      ? Math.max(periodMs, options.hopFrames * options.frameStepSeconds * 1000)
      : periodMs;
  const latenciesMs = new Sample();
  const serverLatenciesMs = new Sample();
  const errors = new Map<ErrorCode, number>();
  let predictions = 0;
  let unexpectedCloses = 0;
  let measureFrom = Number.POSITIVE_INFINITY;
  let measureUntil = Number.POSITIVE_INFINITY;
  // Per stream, flat typed arrays: send times (RING per stream) and messages sent.
  const sendTimes = new Float64Array(streams * RING);
  const sent = new Uint32Array(streams);

  const onMessage = (index: number) => (message: ServerMessage) => {
    const now = performance.now();
    if (message.type === "error") errors.set(message.code, (errors.get(message.code) ?? 0) + 1);
    if (message.type !== "prediction") return;
    const endFrame = message.window * options.hopFrames + options.windowFrames;
    const completing = Math.ceil(endFrame / framesPerMessage) - 1;
    const sentAt = sendTimes[index * RING + (completing % RING)] ?? Number.NaN;
    if (sentAt >= measureFrom && sentAt < measureUntil) {
      latenciesMs.add(now - sentAt);
      serverLatenciesMs.add(message.latencyMs);
      predictions++;
    }
  };
  const connections = await openBenchStreams(streams, 50, (index) =>
    openBenchStream(options.url, `bench-${index}-${Date.now()}`, options.model, onMessage(index)),
  );
  const sockets = connections.map(({ socket }) => socket);
  const messages = features.messages;
  // Stream i starts `i / streams` of the spread after the start: in period `firstRound[i]`, at
  // `phases[i]` into it. With one period for all, the send order within each period is fixed:
  // streams sorted by phase.
  const firstRound = Uint32Array.from({ length: streams }, (_, i) =>
    Math.floor(((i / streams) * spreadMs) / periodMs),
  );
  const phases = Float64Array.from(
    { length: streams },
    (_, i) => (i / streams) * spreadMs - (firstRound[i] as number) * periodMs,
  );
  const order = Uint32Array.from({ length: streams }, (_, i) => i).sort(
    (a, b) => (phases[a] as number) - (phases[b] as number),
  );
  const firstMessage = Uint32Array.from(
    { length: streams },
    (_, i) => (i * 7919) % messages.length,
  );
  const start = performance.now();
  for (const socket of sockets) {
    socket.on("close", () => {
      if (performance.now() < measureUntil) unexpectedCloses++;
    });
  }
  measureFrom = start + spreadMs + options.warmupSeconds * 1000;
  measureUntil = measureFrom + options.seconds * 1000;
  options.onSending?.(measureFrom - start);

  let cursor = 0;
  let round = 0;
  let lateSends = 0;
  let measuring = false;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      let due = 0;
      for (;;) {
        const stream = order[cursor] as number;
        due = start + (phases[stream] as number) + round * periodMs;
        if (due > now) break;
        // A stream sends from its own start on; earlier rounds of its phase are skipped.
        if (round >= (firstRound[stream] as number)) {
          const socket = sockets[stream];
          const count = sent[stream] as number;
          const message = messages[((firstMessage[stream] as number) + count) % messages.length];
          const at = performance.now();
          if (at - due > periodMs) lateSends++;
          sendTimes[stream * RING + (count % RING)] = at;
          if (message !== undefined && socket !== undefined && socket.readyState === socket.OPEN)
            socket.send(message);
          sent[stream] = count + 1;
        }
        cursor++;
        if (cursor === streams) {
          cursor = 0;
          round++;
        }
      }
      if (!measuring && now >= measureFrom) {
        measuring = true;
        options.onMeasured?.("start");
      }
      if (now >= measureUntil) {
        options.onMeasured?.("end");
        resolve();
      } else setTimeout(tick, Math.max(0, due - performance.now()));
    };
    tick();
  });
  // Let the last windows' predictions arrive before closing.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const socket of sockets) socket.close();
  return {
    latenciesMs,
    serverLatenciesMs,
    predictions,
    errors,
    unexpectedCloses,
    measuredSeconds: options.seconds,
    lateSends,
  };
}
