// One stream a producer client has open: sends its frames or samples as binary messages under its
// slot, and settles when the server confirms the open or sends the end-of-stream summary.
import { EmotionStreamError } from "../errors.js";
import { encodeBinaryFrames } from "../protocol/binary-frames.js";
import type { OpenMessage, StreamInput } from "../protocol/client-messages.js";
import { STREAM_ENDING_ERROR_CODES } from "../protocol/protocol-version.js";
import type { ErrorMessage, OpenedMessage, SummaryMessage } from "../protocol/server-messages.js";

interface Settlers<Value> {
  readonly resolve: (value: Value) => void;
  readonly reject: (error: EmotionStreamError) => void;
}

export class ProducerStream {
  /** What the server said at the last (re)open: model, classes, feature spec, window and hop. */
  opened: OpenedMessage | undefined;
  private opening: Settlers<OpenedMessage> | undefined;
  private ending: Settlers<SummaryMessage> | undefined;

  constructor(
    readonly streamId: string,
    readonly slot: number,
    readonly model: string,
    readonly input: StreamInput,
    /** Sends on the client's socket; false while it is disconnected. */
    private readonly send: (data: string | Uint8Array) => boolean,
    /** The spoken language the producer declared, if any. */
    readonly language?: string,
  ) {}

  get openMessage(): OpenMessage {
    return {
      type: "open",
      streamId: this.streamId,
      slot: this.slot,
      model: this.model,
      input: this.input,
      ...(this.language === undefined ? {} : { language: this.language }),
    };
  }

  /** Sends the open; resolves with the server's `opened`. */
  open(): Promise<OpenedMessage> {
    return new Promise((resolve, reject) => {
      this.opening = { resolve, reject };
      if (!this.send(JSON.stringify(this.openMessage))) {
        this.fail(
          new EmotionStreamError("CONNECTION_CLOSED", "not connected", { streamId: this.streamId }),
        );
      }
    });
  }

  /**
   * Whole feature frames, row-major, of the model's dimension. Returns false (the frames are dropped:
   * live data goes stale) while the client is disconnected.
   */
  sendFrames(values: Float32Array): boolean {
    const dimension = this.opened?.featureSet.dimension;
    if (dimension === undefined || this.input.kind !== "features") {
      throw new EmotionStreamError(
        "UNKNOWN_STREAM",
        "send feature frames after the open, on a feature stream",
        {
          streamId: this.streamId,
        },
      );
    }
    return this.send(encodeBinaryFrames({ kind: "features", slot: this.slot, dimension, values }));
  }

  /** Mono PCM in the encoding declared at open: Int16Array for s16le, Float32Array in [-1, 1] for f32le. */
  sendSamples(samples: Int16Array | Float32Array): boolean {
    const { input } = this;
    const expected = input.kind === "pcm" ? input.encoding : undefined;
    if (expected === "s16le" && samples instanceof Int16Array) {
      return this.send(
        encodeBinaryFrames({ kind: "s16le", slot: this.slot, dimension: 1, values: samples }),
      );
    }
    if (expected === "f32le" && samples instanceof Float32Array) {
      return this.send(
        encodeBinaryFrames({ kind: "f32le", slot: this.slot, dimension: 1, values: samples }),
      );
    }
    throw new EmotionStreamError(
      "BAD_ARGUMENT",
      `stream ${this.streamId} takes ${expected ?? "feature frames"}, not ${samples.constructor.name}`,
      { streamId: this.streamId, expected: expected ?? "features" },
    );
  }

  /** Declares the end; resolves with the utterance summary once every window is answered. */
  end(): Promise<SummaryMessage> {
    return new Promise((resolve, reject) => {
      this.ending = { resolve, reject };
      if (!this.send(JSON.stringify({ type: "end", streamId: this.streamId }))) {
        this.fail(
          new EmotionStreamError("CONNECTION_CLOSED", "not connected", { streamId: this.streamId }),
        );
      }
    });
  }

  /** The client routes this stream's messages here. */
  receive(message: OpenedMessage | SummaryMessage | ErrorMessage): void {
    if (message.type === "opened") {
      this.opened = message;
      this.opening?.resolve(message);
      this.opening = undefined;
    } else if (message.type === "summary") {
      this.ending?.resolve(message);
      this.ending = undefined;
    } else if (this.opening !== undefined || STREAM_ENDING_ERROR_CODES.includes(message.code)) {
      this.fail(new EmotionStreamError(message.code, message.message, { streamId: this.streamId }));
    }
  }

  fail(error: EmotionStreamError): void {
    this.opening?.reject(error);
    this.ending?.reject(error);
    this.opening = undefined;
    this.ending = undefined;
  }

  /** Whether the stream is still wanted (not ended by its producer). */
  get live(): boolean {
    return this.ending === undefined;
  }
}
