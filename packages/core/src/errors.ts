// One error class for the whole product. Callers branch on `code`, never on message wording; the
// details say where the problem is (file, line, field, stream) so a CLI can print one useful line.

/** Every error code the product raises. Append new codes here, one line each, with a comment. */
export const ERROR_CODES = [
  // General
  "BAD_CONFIG", // a config file or options object fails validation, or options contradict each other
  "BAD_ARGUMENT", // a CLI flag or function argument is out of its allowed range or shape
  "BAD_FILE", // a file exists but its content is not what the reader expects
  "FILE_NOT_FOUND", // a path given by the user does not exist
  "UNSUPPORTED_FORMAT_VERSION", // a versioned format (cache, binary frame, ...) has a version we cannot read
  "INTERNAL_ERROR", // an invariant of our own code broke; a bug, not a user mistake
  "WORKER_START_FAILED", // a worker thread's script is missing, fails to load, or exits before it has started
  // Audio
  "BAD_WAV", // a WAV file is truncated or its RIFF/fmt/data chunks are malformed
  "UNSUPPORTED_AUDIO", // a valid audio file in an encoding we do not decode (e.g. compressed WAV)
  "BAD_SAMPLE_RATE", // a sample rate is not positive, or not the one a feature set or stream requires
  "EMPTY_AUDIO", // audio with no samples, or too short to yield a single frame
  // Features
  "UNKNOWN_FEATURE_SET", // a feature set name not in the registry
  "BAD_FRAME_DIMENSION", // a feature frame has a different number of values than the spec says
  "FEATURE_SPEC_MISMATCH", // features were computed with a spec other than the one a model expects
  "BAD_FEATURE_FILE", // an openSMILE CSV/ARFF file cannot be parsed or lacks expected columns
  "STREAM_ENDED", // data pushed into a streaming extractor or stream after it was ended
  // Labels and emotion mapping
  "UNKNOWN_EMOTION", // a categorical emotion word not in the mapping table
  "UNKNOWN_CLASS", // a class label outside the model's class list
  "BAD_THRESHOLDS", // valence/arousal thresholds ill-formed, or a rating outside their scale
  // Corpora and datasets
  "UNKNOWN_ADAPTER", // a corpus adapter name not in the registry
  "BAD_CORPUS_ARGUMENT", // a --corpus argument not of the form <adapter>:<path>[:<language>]
  "CORPUS_NOT_FOUND", // a corpus root directory does not exist
  "BAD_CORPUS_LAYOUT", // a corpus directory lacks the files or folders its adapter expects
  "BAD_ANNOTATION", // an annotation or label line of a corpus cannot be parsed
  "EMPTY_CORPUS", // a corpus (after skipping unmapped labels) yields no usable utterance
  "BAD_SPLIT", // a train/validation/test split is ill-defined (overlapping speakers, bad fractions)
  "EMPTY_SPLIT", // a split ends up with no utterances or no windows
  "UTTERANCE_TOO_SHORT", // an utterance has fewer frames than the input window
  "BAD_WINDOW", // window or hop length that is not a positive integer, or hop larger than allowed
  "BAD_NORMALISATION", // normalisation statistics missing, of the wrong dimension, or with zero spread
  "BAD_CACHE", // a feature cache entry is corrupt or its magic does not match
  "STALE_CACHE", // a feature cache entry was computed with different parameters than requested
  // Metrics and aggregation
  "EMPTY_INPUT", // a computation that needs at least one item received none
  "LENGTH_MISMATCH", // parallel arrays (true/predicted labels, rows/columns) differ in length
  "BAD_POSTERIORS", // posterior rows with the wrong width, or values that are not probabilities
  // Training
  "UNKNOWN_PRESET", // a model preset name not in the registry
  "BAD_HYPERPARAMETER", // a hyperparameter outside its valid range
  "TRAINING_DIVERGED", // the loss became NaN or infinite during training
  "BACKEND_UNAVAILABLE", // a requested tfjs backend cannot be loaded on this machine
  "RUN_NOT_FOUND", // a training run directory or its artefacts are missing
  "BAD_CHECKPOINT", // saved weights do not match the model topology
  // Model card and export
  "BAD_MODEL_CARD", // a model card fails validation; details.field names the path
  "MODEL_NOT_FOUND", // a model file or directory does not exist
  "BAD_MODEL", // a model file cannot be loaded or its input/output shapes are not as its card says
  "UNSUPPORTED_LAYER", // the ONNX exporter has no converter for a layer type
  "UNSUPPORTED_LAYER_OPTION", // a layer the ONNX exporter knows, with an option it cannot convert exactly
  "EXPORT_FAILED", // the ONNX export could not be written or its graph is invalid
  "EXPORT_MISMATCH", // exported ONNX outputs differ from the tfjs model beyond tolerance
  // Serving and wire protocol
  "BAD_MESSAGE", // a wire message is not valid JSON or fails its schema
  "UNKNOWN_MESSAGE_TYPE", // a wire message with a type the receiver does not know
  "PROTOCOL_VERSION", // the peer speaks a protocol version we do not support
  "BAD_BINARY_FRAME", // a binary frame has a wrong magic, header or payload length
  "UNKNOWN_STREAM", // a message refers to a stream id that is not open
  "DUPLICATE_STREAM", // a stream id is opened twice on one connection
  "STREAM_LIMIT", // the connection or server already has the maximum number of open streams
  "SUBSCRIPTION_LIMIT", // a watcher names more streams than it may subscribe to
  "PAYLOAD_TOO_LARGE", // a message exceeds the configured maximum payload
  "OVERLOADED", // the inference queue is full; the client should slow down or retry
  "TIMEOUT", // an operation (handshake, inference, ping) took longer than allowed
  "NOT_READY", // the server or model is still loading
  "INFERENCE_FAILED", // the inference runtime raised an error for a batch
  "CONNECTION_CLOSED", // the connection closed before the operation finished
  "NON_FINITE_VALUE", // a feature frame or audio sample is NaN or infinite
  "VALUE_OUT_OF_RANGE", // a finite value beyond what its field can hold (e.g. f32le PCM far past full scale)
  "PARTIAL_FRAME", // a message carries a number of values that is not a whole number of frames
  "FASTER_THAN_REAL_TIME", // a producer sends stream time faster than the allowed real-time factor
  "HANDSHAKE_REQUIRED", // a message other than hello arrived before the hello handshake
  "WRONG_ROLE", // a watcher sent a producer message, or a producer a watcher message
  "UNAUTHORIZED", // a hello without the shared-secret token its role requires
  "ORIGIN_NOT_ALLOWED", // a WebSocket upgrade from an Origin outside the allow-list
  // Demo
  "CHILD_PROCESS_FAILED", // a program the demo runs (trainer, server, dashboard) failed to start or exited
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where and about what an error happened; every field optional, all of them printable. */
export interface ErrorDetails {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** A dotted path into a structure (`metrics.test.uar`) or a flag/column name. */
  readonly field?: string;
  readonly streamId?: string;
  readonly corpus?: string;
  readonly utterance?: string;
  readonly speaker?: string;
  /** The offending value (a word, a name, a number), as the user wrote it. */
  readonly value?: string | number | boolean;
  readonly expected?: string | number;
  readonly received?: string | number;
  /** The names that would have been accepted (feature sets, adapters, classes, ...). */
  readonly allowed?: readonly string[];
}

export class EmotionStreamError extends Error {
  override readonly name = "EmotionStreamError";
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
  }

  /** One line: `CODE: message (at file:line, field x, stream y, ...)`. */
  describe(): string {
    const where = describeDetails(this.details);
    return where === ""
      ? `${this.code}: ${this.message}`
      : `${this.code}: ${this.message} (${where})`;
  }

  override toString(): string {
    return this.describe();
  }

  /** What loggers and wire messages carry: code, message and details, without the stack. */
  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Whether `value` is an EmotionStreamError (with `code`, if given). Checked by shape rather than
 * `instanceof`, so an error from a second copy of this package (source and dist both loaded, or a
 * bundle) is still recognised.
 */
export function isEmotionStreamError(
  value: unknown,
  code?: ErrorCode,
): value is EmotionStreamError {
  if (!(value instanceof Error) || value.name !== "EmotionStreamError") return false;
  const actual = (value as { code?: unknown }).code;
  return code === undefined ? isErrorCode(actual) : actual === code;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value);
}

function describeDetails(details: ErrorDetails): string {
  const parts: string[] = [];
  if (details.file !== undefined) parts.push(`at ${describeLocation(details)}`);
  if (details.corpus !== undefined) parts.push(`corpus ${details.corpus}`);
  if (details.utterance !== undefined) parts.push(`utterance ${details.utterance}`);
  if (details.speaker !== undefined) parts.push(`speaker ${details.speaker}`);
  if (details.streamId !== undefined) parts.push(`stream ${details.streamId}`);
  if (details.field !== undefined) parts.push(`field ${details.field}`);
  if (details.value !== undefined) parts.push(`value ${JSON.stringify(details.value)}`);
  if (details.expected !== undefined) parts.push(`expected ${details.expected}`);
  if (details.received !== undefined) parts.push(`received ${details.received}`);
  if (details.allowed !== undefined) parts.push(`allowed: ${details.allowed.join(", ")}`);
  return parts.join(", ");
}

function describeLocation({ file, line, column }: ErrorDetails): string {
  if (line === undefined) return `${file}`;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}
