// The saturation phase: closed-loop streams that each keep `outstanding` windows in flight (one hop of
// frames per prediction received), so the server runs as many windows per second as it can, for a
// bounded time. Needs a server whose real-time factor allows the resulting stream speed.
import { EmotionStreamError, encodeBinaryFrames } from "@emotion-stream/core";
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
  readonly errors: number;
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
  let errors = 0;
  const sockets: { send(data: Uint8Array): void; readyState: number; OPEN: number }[] = [];
  const connections = await openBenchStreams(options.streams, 50, (index) =>
    openBenchStream(options.url, `saturation-${index}-${Date.now()}`, options.model, (message) => {
      if (message.type === "error") errors++;
      if (message.type !== "prediction") return;
      if (counting) windows++;
      const socket = sockets[index];
      if (socket !== undefined && socket.readyState === socket.OPEN) socket.send(hop);
    }),
  );
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
