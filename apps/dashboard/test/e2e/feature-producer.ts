// A producer app as the live tests need one: acted synthetic utterances as feature frames, at
// twice real time, 10 frames a message, through core's typed client over a real socket.
import {
  EmotionStreamClient,
  type QuadrantClass,
  type WebSocketConstructor,
} from "@emotion-stream/core";
import { extractFeatures } from "@emotion-stream/features";
import { WebSocket } from "ws";
import type { RunningServer } from "./stream-server-process.js";
import { SYNTHETIC_RATE, syntheticUtterance } from "./synthetic-audio.js";

// ws's constructor has more overloads than the WHATWG one the client names; it accepts a URL string.
const NodeWebSocket = WebSocket as unknown as WebSocketConstructor;

/** Streams acted utterances as a producer app would: features at twice real time, 10 frames a message. */
export async function produce(
  server: RunningServer,
  streamId: string,
  quadrants: readonly QuadrantClass[],
  language?: string,
): Promise<void> {
  const client = new EmotionStreamClient({
    url: server.websocketUrl,
    role: "producer",
    WebSocket: NodeWebSocket,
    reconnect: false,
  });
  await client.connect();
  const stream = await client.openStream({
    streamId,
    model: server.modelId,
    input: { kind: "features" },
    ...(language === undefined ? {} : { language }),
  });
  const spec = stream.opened?.featureSet;
  if (spec === undefined) throw new Error("the server did not say which features the model takes");
  for (const quadrant of quadrants) {
    const features = extractFeatures(spec.name, syntheticUtterance(quadrant), SYNTHETIC_RATE);
    for (let first = 0; first < features.frames; first += 10) {
      const last = Math.min(first + 10, features.frames);
      stream.sendFrames(
        features.data.subarray(first * features.dimension, last * features.dimension),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await stream.end();
  client.close();
}
