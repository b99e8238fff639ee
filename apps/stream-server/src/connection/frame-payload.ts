// What a stream's frames must look like on the wire: a binary message decoded and checked against
// the stream's declared input (kind, dimension), and JSON frames turned into the same typed arrays.
import {
  type BinaryFrames,
  binaryFrameSlot,
  decodeBinaryFrames,
  EmotionStreamError,
  type FramesMessage,
} from "@emotion-stream/core";
import type { ProducerStream } from "../streams/producer-stream.js";
import type { ProducerConnection } from "./producer-connection.js";

/** Decodes, attaching the stream the header's slot names to a decoding error. */
export function decodeNamingStream(producer: ProducerConnection, bytes: Uint8Array): BinaryFrames {
  try {
    return decodeBinaryFrames(bytes);
  } catch (error) {
    const slot = binaryFrameSlot(bytes);
    const session = slot === undefined ? undefined : producer.bySlot.get(slot);
    if (!(error instanceof EmotionStreamError) || session === undefined) throw error;
    throw new EmotionStreamError(error.code, error.message, {
      ...error.details,
      streamId: session.id,
    });
  }
}

/**
 * f32le PCM is full scale at ±1. Up to ±8 (+18 dBFS) is taken, for producers whose gain overshoots;
 * beyond it the values are not audio in [-1, 1] (s16 values sent as floats are 32768 times too
 * loud), and around 1e15 the extractor's float32 energies overflow to NaN.
 */
export const PCM_FLOAT_LIMIT = 8;

/** A binary message must carry what the stream declared: its payload kind and frame dimension. */
export function checkBinaryFits(session: ProducerStream, frames: BinaryFrames): void {
  const expectedKind = session.input.kind === "pcm" ? session.input.encoding : "features";
  if (frames.kind !== expectedKind) {
    throw new EmotionStreamError(
      "BAD_BINARY_FRAME",
      `stream ${session.id} takes ${expectedKind}, not ${frames.kind}`,
      {
        streamId: session.id,
        field: "kind",
        expected: expectedKind,
        received: frames.kind,
      },
    );
  }
  const dimension = session.input.kind === "pcm" ? 1 : session.model.geometry.dimension;
  if (frames.dimension !== dimension) {
    throw new EmotionStreamError(
      "BAD_FRAME_DIMENSION",
      `stream ${session.id} takes frames of ${dimension} values${session.input.kind === "pcm" ? " (mono PCM)" : ""}, not ${frames.dimension}`,
      { streamId: session.id, field: "dimension", expected: dimension, received: frames.dimension },
    );
  }
  if (frames.kind === "f32le") checkPcmScale(session, frames.values, "samples");
}

/** JSON frames as the typed array a binary message would carry. */
export function jsonValues(
  session: ProducerStream,
  message: FramesMessage,
): Float32Array | Int16Array {
  const { input } = session;
  if (input.kind === "pcm") {
    const samples = message.frames.flat();
    if (input.encoding === "f32le") {
      const floats = checkedFloats(session, Float32Array.from(samples), 1);
      checkPcmScale(session, floats, "frames");
      return floats;
    }
    const bad = samples.findIndex(
      (sample) => !Number.isInteger(sample) || sample < -32768 || sample > 32767,
    );
    if (bad >= 0) {
      throw new EmotionStreamError("BAD_MESSAGE", `sample ${bad} is not a 16-bit integer`, {
        streamId: session.id,
        field: "frames",
        value: samples[bad] ?? 0,
      });
    }
    return Int16Array.from(samples);
  }
  const { dimension } = session.model.geometry;
  const bad = message.frames.findIndex((frame) => frame.length !== dimension);
  if (bad >= 0) {
    throw new EmotionStreamError(
      "BAD_FRAME_DIMENSION",
      `frame ${bad} has ${message.frames[bad]?.length} values; stream ${session.id} takes ${dimension}`,
      {
        streamId: session.id,
        field: `frames[${bad}]`,
        expected: dimension,
        received: message.frames[bad]?.length ?? 0,
      },
    );
  }
  return checkedFloats(session, Float32Array.from(message.frames.flat()), dimension);
}

/** JSON numbers beyond float32's range become infinite on conversion. */
function checkedFloats(
  session: ProducerStream,
  values: Float32Array,
  dimension: number,
): Float32Array {
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) {
    throw new EmotionStreamError("NON_FINITE_VALUE", `value ${bad} overflows float32`, {
      streamId: session.id,
      field: `frames[${Math.floor(bad / dimension)}]`,
    });
  }
  return values;
}

/** VALUE_OUT_OF_RANGE for a float sample beyond ±PCM_FLOAT_LIMIT. */
function checkPcmScale(session: ProducerStream, samples: Float32Array, field: string): void {
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i] as number;
    if (sample > PCM_FLOAT_LIMIT || sample < -PCM_FLOAT_LIMIT) {
      throw new EmotionStreamError(
        "VALUE_OUT_OF_RANGE",
        `sample ${i} is ${sample}; f32le PCM is full scale at ±1 and taken up to ±${PCM_FLOAT_LIMIT}`,
        { streamId: session.id, field, value: sample, expected: `±${PCM_FLOAT_LIMIT}` },
      );
    }
  }
}
