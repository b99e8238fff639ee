// The demo's live source: plays the held-out utterances one after another, in a loop, as one
// endless PCM stream paced at real time, the way a microphone would deliver them. Audio is prepared
// as training read it (mixed to mono, at the feature set's rate) and the server extracts the
// features, so what is classified is what the model was trained on.
import {
  EmotionStreamClient,
  type ErrorMessage,
  type PredictionMessage,
  type ProducerStream,
  type WebSocketConstructor,
} from "@emotion-stream/core";
import { readAudioForFeatureSet } from "@emotion-stream/features/node";
import { WebSocket } from "ws";
import type { HeldOutUtterance } from "./held-out-utterances.js";
import { fetchServedModel, type ServedModel } from "./served-model.js";

export interface DemoProducerOptions {
  /** The stream server's HTTP address; its WebSocket is on the same port. */
  readonly serverUrl: string;
  readonly utterances: readonly HeldOutUtterance[];
  readonly streamId?: string;
  /** Seconds of audio per message. */
  readonly chunkSeconds?: number;
  readonly onPrediction?: (prediction: PredictionMessage) => void;
  /** Errors the server reports on the stream or connection, and messages the client cannot read. */
  readonly onError?: (error: ErrorMessage) => void;
}

export interface DemoProducer {
  readonly model: ServedModel;
  readonly streamId: string;
  stop(): void;
}

/**
 * Node 20 has no global WebSocket; `ws` provides the same object, but its handler types name its
 * own Event classes where the client's structural type says `unknown`, hence the cast.
 */
const NodeWebSocket = WebSocket as unknown as WebSocketConstructor;

interface PlayedUtterance extends HeldOutUtterance {
  readonly samples: Float32Array;
}

export async function startDemoProducer(options: DemoProducerOptions): Promise<DemoProducer> {
  const model = await fetchServedModel(options.serverUrl);
  const { name, sampleRate } = model.card.featureSet;
  const playlist: PlayedUtterance[] = [];
  for (const utterance of options.utterances) {
    const audio = await readAudioForFeatureSet(utterance.path, name, { sampleRate });
    playlist.push({ ...utterance, samples: audio.samples });
  }
  const streamId = options.streamId ?? "demo";
  const client = new EmotionStreamClient({
    url: new URL("/", options.serverUrl).href.replace(/^http/, "ws"),
    role: "producer",
    agent: "emotion-stream demo producer",
    WebSocket: NodeWebSocket,
  });
  if (options.onPrediction !== undefined) client.on("prediction", options.onPrediction);
  if (options.onError !== undefined) client.on("error", options.onError);
  await client.connect();
  const stream = await client.openStream({
    streamId,
    model: model.id,
    input: { kind: "pcm", encoding: "f32le", sampleRate },
  });
  const pacer = playInRealTime(stream, playlist, sampleRate, options.chunkSeconds ?? 0.1);
  return {
    model,
    streamId,
    stop() {
      clearInterval(pacer);
      client.close();
    },
  };
}

/** Every tick sends the samples wall-clock time has made due, so the stream never runs ahead. */
function playInRealTime(
  stream: ProducerStream,
  playlist: readonly PlayedUtterance[],
  sampleRate: number,
  chunkSeconds: number,
): ReturnType<typeof setInterval> {
  const started = performance.now();
  let sent = 0;
  let utterance = 0;
  let offset = 0;
  return setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * sampleRate) - sent;
    const chunk = new Float32Array(due);
    for (let filled = 0; filled < due; ) {
      const samples = (playlist[utterance] as PlayedUtterance).samples;
      const take = Math.min(due - filled, samples.length - offset);
      chunk.set(samples.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (offset === samples.length) {
        utterance = (utterance + 1) % playlist.length;
        offset = 0;
      }
    }
    sent += due;
    // While the client reconnects the audio is dropped, as live audio would be.
    if (due > 0) stream.sendSamples(chunk);
  }, chunkSeconds * 1000);
}
