// Whether a producer may open a stream: limits, unique id and slot, a served model. Returns the
// model the stream will run on.
import { EmotionStreamError, type OpenMessage } from "@emotion-stream/core";
import type { ProducerConnection } from "../connection/producer-connection.js";
import type { ModelRegistry } from "../models/model-registry.js";
import type { ServedModel } from "../models/served-model.js";
import type { ServerConfig } from "../server-config.js";

export interface AdmissionContext {
  readonly config: ServerConfig;
  readonly registry: ModelRegistry;
  readonly liveStreams: number;
  readonly isLive: (streamId: string) => boolean;
}

export function admitStream(
  context: AdmissionContext,
  producer: ProducerConnection,
  message: OpenMessage,
): ServedModel {
  const { config, registry } = context;
  const { streamId, slot } = message;
  const limit =
    producer.byId.size >= config.maxStreamsPerConnection
      ? config.maxStreamsPerConnection
      : context.liveStreams >= config.maxStreams
        ? config.maxStreams
        : undefined;
  if (limit !== undefined) {
    throw new EmotionStreamError("STREAM_LIMIT", `no more than ${limit} open streams allowed`, {
      streamId,
      expected: limit,
    });
  }
  if (context.isLive(streamId)) {
    throw new EmotionStreamError("DUPLICATE_STREAM", `stream ${streamId} is already open`, {
      streamId,
      field: "streamId",
    });
  }
  if (producer.bySlot.has(slot)) {
    throw new EmotionStreamError(
      "DUPLICATE_STREAM",
      `slot ${slot} is already in use on this connection`,
      {
        streamId,
        field: "slot",
      },
    );
  }
  const model = registry.get(message.model);
  if (model !== undefined && needsResampler(message, model)) {
    const resampled = [...producer.byId.values()].filter((session) => session.needsResampler);
    if (resampled.length >= config.maxResampledStreamsPerConnection) {
      throw new EmotionStreamError(
        "STREAM_LIMIT",
        `no more than ${config.maxResampledStreamsPerConnection} streams needing sample-rate conversion per connection; send ${model.featureSet.sampleRate} Hz PCM or features`,
        { streamId, field: "input.sampleRate", expected: config.maxResampledStreamsPerConnection },
      );
    }
  }
  if (model === undefined) {
    throw new EmotionStreamError(
      "MODEL_NOT_FOUND",
      `no model ${JSON.stringify(message.model)} is served`,
      {
        streamId,
        field: "model",
        allowed: registry.ids(),
      },
    );
  }
  return model;
}

function needsResampler(message: OpenMessage, model: ServedModel): boolean {
  return message.input.kind === "pcm" && message.input.sampleRate !== model.featureSet.sampleRate;
}
