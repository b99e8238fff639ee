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
import { type HeldOutUtterance, playlistLanguage } from "./held-out-utterances.js";
import { PlaylistReader } from "./playlist-reader.js";
import { fetchServedModel, type ServedModel } from "./served-model.js";

export interface DemoProducerOptions {
  /** The stream server's HTTP address; its WebSocket is on the same port. */
  readonly serverUrl: string;
  readonly utterances: readonly HeldOutUtterance[];
  readonly streamId?: string;
  /** Seconds of audio per message. */
  readonly chunkSeconds?: number;
  readonly onPrediction?: (prediction: PredictionMessage) => void;
  /** A file of the playlist that could not be read; it is skipped. */
  readonly onUnplayable?: (utterance: HeldOutUtterance, error: unknown) => void;
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

export async function startDemoProducer(options: DemoProducerOptions): Promise<DemoProducer> {
  const model = await fetchServedModel(options.serverUrl);
  const { name, sampleRate } = model.card.featureSet;
  const load = async (utterance: HeldOutUtterance) =>
    (await readAudioForFeatureSet(utterance.path, name, { sampleRate })).samples;
  const playlist = new PlaylistReader(options.utterances, load, (utterance, error) =>
    options.onUnplayable?.(utterance, error),
  );
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
    ...playlistLanguage(options.utterances),
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

/**
 * Every tick sends the samples wall-clock time has made due, so the stream never runs ahead of
 * real time; while the next file is still being read the debt grows and is paid on the next tick.
 */
function playInRealTime(
  stream: ProducerStream,
  playlist: PlaylistReader,
  sampleRate: number,
  chunkSeconds: number,
): ReturnType<typeof setInterval> {
  const started = performance.now();
  let sent = 0;
  let offset = 0;
  return setInterval(() => {
    let due = Math.floor(((performance.now() - started) / 1000) * sampleRate) - sent;
    for (let samples = playlist.current(); due > 0 && samples !== undefined; ) {
      const chunk = samples.subarray(offset, offset + due);
      // While the client reconnects the audio is dropped, as live audio would be.
      stream.sendSamples(chunk);
      sent += chunk.length;
      due -= chunk.length;
      offset += chunk.length;
      if (offset === samples.length) {
        playlist.advance();
        samples = playlist.current();
        offset = 0;
      }
    }
  }, chunkSeconds * 1000);
}
