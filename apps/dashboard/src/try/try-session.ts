// One "try it" stream from the browser: a dropped WAV file played at real-time pace, or the
// microphone, turned into the model's features here (packages/features, as in training) and sent
// with core's client; its predictions and final summary come back through the events.
import {
  EmotionStreamClient,
  type ModelCard,
  type PredictionMessage,
  type ProducerStream,
  type StreamInput,
  type SummaryMessage,
} from "@emotion-stream/core";
import { createStreamingExtractor } from "@emotion-stream/features";
import { pacedChunks } from "./feature-pacer.js";
import { startMicrophone } from "./microphone.js";
import { ValueBatcher } from "./value-batcher.js";
import { wavFeatures } from "./wav-features.js";

export interface TrySessionEvents {
  readonly onOpened: (streamId: string, input: StreamInput, language: string | undefined) => void;
  readonly onPrediction: (message: PredictionMessage) => void;
  readonly onFinished: (summary: SummaryMessage) => void;
  readonly onProblem: (message: string) => void;
}

export interface TryModel {
  readonly id: string;
  readonly card: ModelCard;
}

export interface TrySession {
  /** Stops sending, ends the stream; its summary arrives through `onFinished`. */
  stop(): void;
}

/** 10 frames (100 ms at the usual step) per message, as a live producer would send them. */
const FRAMES_PER_MESSAGE = 10;
const MESSAGE_SECONDS = 0.1;

function newStreamId(kind: string): string {
  return `dashboard-${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

interface OpenProducer {
  readonly stream: ProducerStream;
  /** Declares the end and reports the summary (or the failure) through the events. */
  readonly finish: () => void;
}

async function openProducer(
  websocketUrl: string,
  model: TryModel,
  input: StreamInput,
  events: TrySessionEvents,
  language: string | undefined,
): Promise<OpenProducer> {
  const client = new EmotionStreamClient({
    url: websocketUrl,
    role: "producer",
    agent: "emotion-stream dashboard",
    reconnect: false,
  });
  let finishing = false;
  client.on("prediction", events.onPrediction);
  client.on("error", (message) => events.onProblem(`${message.code}: ${message.message}`));
  client.on("disconnected", ({ code, reason }) => {
    if (!finishing) events.onProblem(`the connection to the server closed (${reason || code})`);
  });
  await client.connect();
  const streamId = newStreamId(input.kind === "pcm" ? "mic-audio" : "features");
  const stream = await client.openStream({
    streamId,
    model: model.id,
    input,
    ...(language === undefined ? {} : { language }),
  });
  events.onOpened(streamId, input, language);
  return {
    stream,
    finish() {
      if (finishing) return;
      finishing = true;
      stream
        .end()
        .then(events.onFinished, (error: unknown) => events.onProblem(String(error)))
        .finally(() => client.close());
    },
  };
}

export async function startWavSession(
  websocketUrl: string,
  model: TryModel,
  file: { readonly name: string; readonly bytes: Uint8Array },
  events: TrySessionEvents,
  /** The spoken language, when the user said which (BCP 47). */
  language?: string,
): Promise<TrySession> {
  // Decode first: a file that is not a usable WAV is reported before anything is sent.
  const { features } = await wavFeatures(
    file.bytes,
    file.name,
    model.card.featureSet,
    model.card.window.functionals,
  );
  const { stream, finish } = await openProducer(
    websocketUrl,
    model,
    { kind: "features" },
    events,
    language,
  );
  const chunks = pacedChunks(features, model.card.featureSet.frameStepSeconds, FRAMES_PER_MESSAGE);
  const timers = chunks.map((chunk) =>
    setTimeout(() => stream.sendFrames(chunk.values), chunk.atMs),
  );
  timers.push(setTimeout(finish, (chunks.at(-1)?.atMs ?? 0) + 1));
  return {
    stop() {
      for (const timer of timers) clearTimeout(timer);
      finish();
    },
  };
}

export async function startMicrophoneSession(
  websocketUrl: string,
  model: TryModel,
  events: TrySessionEvents,
  language?: string,
): Promise<TrySession> {
  const spec = model.card.featureSet;
  const waiting: Float32Array[] = [];
  let send: (samples: Float32Array) => void = (samples) => waiting.push(samples);
  const capture = await startMicrophone(spec.sampleRate, (samples) => send(samples));
  // At the model's rate the browser extracts the features (a functionals model's over its live
  // window); at any other rate (older Firefox) the server does, from the raw audio.
  const extractor =
    capture.sampleRate === spec.sampleRate
      ? createStreamingExtractor(spec.name, spec.sampleRate, model.card.window.functionals)
      : undefined;
  const input: StreamInput =
    extractor === undefined
      ? { kind: "pcm", encoding: "f32le", sampleRate: capture.sampleRate }
      : { kind: "features" };
  let producer: OpenProducer;
  try {
    producer = await openProducer(websocketUrl, model, input, events, language);
  } catch (error) {
    await capture.stop();
    throw error;
  }
  const { stream, finish } = producer;
  const batcher = new ValueBatcher(
    extractor === undefined
      ? Math.round(capture.sampleRate * MESSAGE_SECONDS)
      : FRAMES_PER_MESSAGE * extractor.dimension,
  );
  const transmit = (values: Float32Array) => {
    if (values.length === 0) return;
    if (extractor === undefined) stream.sendSamples(values);
    else stream.sendFrames(values);
  };
  send =
    extractor === undefined
      ? (samples) => batcher.add(samples, transmit)
      : (samples) => batcher.add(extractor.push(samples).data, transmit);
  for (const samples of waiting.splice(0)) send(samples);
  return {
    stop() {
      send = () => {};
      void capture.stop().then(() => {
        if (extractor !== undefined) batcher.add(extractor.end().data, transmit);
        transmit(batcher.flush());
        finish();
      });
    },
  };
}
