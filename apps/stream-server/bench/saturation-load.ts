// The saturation phase: closed-loop streams that each keep `outstanding` windows in flight (one hop of
// frames per prediction received), so the server runs as many windows per second as it can, for a
// bounded time. Needs a server whose real-time factor allows the resulting stream speed.
import { EmotionStreamError, type ErrorCode, encodeBinaryFrames } from "@emotion-stream/core";
import { openBenchStream, openBenchStreams } from "./bench-connection.js";

export interface SaturationOptions {
  readonly url: string;
  readonly model: string;
  readonly streams: number;
  readonly outstanding: number;
  readonly seconds: number;
  readonly windowFrames: number;
  readonly hopFrames: number;
  readonly dimension: number;
  /** Real feature frames to send (at least windowFrames of them). */
  readonly frames: Float32Array;
}

export interface SaturationResult {
  readonly windowsPerSecond: number;
  readonly errors: Map<ErrorCode, number>;
}

export async function runSaturation(options: SaturationOptions): Promise<SaturationResult> {
  const { windowFrames, hopFrames, dimension, frames } = options;
  if (frames.length < windowFrames * dimension) {
    throw new EmotionStreamError("EMPTY_INPUT", "not enough speech frames for one window");
  }
  const firstWindow = encodeBinaryFrames({
    kind: "features",
    slot: 0,
    dimension,
    values: frames.subarray(0, windowFrames * dimension),
  });
  const hop = encodeBinaryFrames({
    kind: "features",
    slot: 0,
    dimension,
    values: frames.subarray(0, hopFrames * dimension),
  });
  let counting = false;
  let windows = 0;
  const errors = new Map<ErrorCode, number>();
  const sockets: { send(data: Uint8Array): void; readyState: number; OPEN: number }[] = [];
  const connections = await openBenchStreams(options.streams, 50, (index) =>
    openBenchStream(options.url, `saturation-${index}-${Date.now()}`, options.model, (message) => {
      if (message.type === "error") errors.set(message.code, (errors.get(message.code) ?? 0) + 1);
      if (message.type !== "prediction") return;
      if (counting) windows++;
      const socket = sockets[index];
      if (socket !== undefined && socket.readyState === socket.OPEN) socket.send(hop);
    }),
  );
  // The window and the extra hops go out at once; the server's real-time guard allows one window
  // plus its factor (1000 in the bench) times the wall time since the open, so let a little pass.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const { socket } of connections) {
    sockets.push(socket);
    socket.send(firstWindow);
    for (let i = 1; i < options.outstanding; i++) socket.send(hop);
  }
  // One second to fill the pipeline, then count.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  counting = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  counting = false;
  const elapsed = (performance.now() - started) / 1000;
  for (const { socket } of connections) socket.close();
  return { windowsPerSecond: windows / elapsed, errors };
}
