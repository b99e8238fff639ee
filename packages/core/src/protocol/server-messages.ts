// Messages the server sends as JSON text: the welcome, per-stream answers to producers (opened,
// prediction, summary), what watchers see (stream-started, prediction, stream-ended) and errors.
import { z } from "zod";
import { ERROR_CODES } from "../errors.js";
import { featureSetSpecSchema } from "../feature-spec.js";
import { QUADRANT_CLASSES } from "../quadrant-classes.js";
import {
  CLIENT_ROLES,
  languageTagSchema,
  streamIdSchema,
  streamInputSchema,
} from "./client-messages.js";

const probabilitiesSchema = z.array(z.number().min(0).max(1)).length(QUADRANT_CLASSES.length);
const scoreSchema = z.number().min(-1).max(1);

export const serverLimitsSchema = z.strictObject({
  maxPayloadBytes: z.number().int().positive(),
  maxStreamsPerConnection: z.number().int().positive(),
  /** Stream seconds a producer may send per wall-clock second (after a one-window allowance). */
  realTimeFactor: z.number().positive(),
});

export const welcomeMessageSchema = z.strictObject({
  type: z.literal("welcome"),
  protocol: z.number().int().positive(),
  role: z.enum(CLIENT_ROLES),
  models: z.array(z.string()),
  limits: serverLimitsSchema,
});

export const openedMessageSchema = z.strictObject({
  type: z.literal("opened"),
  streamId: streamIdSchema,
  slot: z.number().int().min(0),
  model: z.string(),
  classes: z.array(z.enum(QUADRANT_CLASSES)),
  featureSet: featureSetSpecSchema,
  windowFrames: z.number().int().positive(),
  hopFrames: z.number().int().positive(),
});

export const predictionMessageSchema = z.strictObject({
  type: z.literal("prediction"),
  streamId: streamIdSchema,
  model: z.string(),
  /** 0 for the stream's first window, then one more per hop. */
  window: z.number().int().min(0),
  /** Seconds of stream time from the stream's first frame to the window's first and past its last frame. */
  start: z.number().min(0),
  end: z.number().min(0),
  /** In canonical order: joy, anger, sadness, pleasure. */
  probabilities: probabilitiesSchema,
  top: z.enum(QUADRANT_CLASSES),
  valence: scoreSchema,
  arousal: scoreSchema,
  /** Server time from receiving the message that completed the window to sending this, in ms. */
  latencyMs: z.number().min(0),
});

export const summaryMessageSchema = z.strictObject({
  type: z.literal("summary"),
  streamId: streamIdSchema,
  model: z.string(),
  windows: z.number().int().min(0),
  frames: z.number().int().min(0),
  durationSeconds: z.number().min(0),
  /** Mean of the window posteriors; null when the stream was shorter than one window. */
  probabilities: probabilitiesSchema.nullable(),
  top: z.enum(QUADRANT_CLASSES).nullable(),
  valence: scoreSchema.nullable(),
  arousal: scoreSchema.nullable(),
});

export const streamInfoSchema = z.strictObject({
  streamId: streamIdSchema,
  model: z.string(),
  input: streamInputSchema,
  /** As declared in the producer's open; absent when it declared none. */
  language: languageTagSchema.optional(),
  /** Unix epoch milliseconds. */
  startedAt: z.number(),
});

export const subscribedMessageSchema = z.strictObject({
  type: z.literal("subscribed"),
  /** The live streams the subscription covers right now. */
  streams: z.array(streamInfoSchema),
});

export const streamStartedMessageSchema = z.strictObject({
  type: z.literal("stream-started"),
  stream: streamInfoSchema,
});

export const STREAM_END_REASONS = ["end", "error", "disconnect"] as const;

export const streamEndedMessageSchema = z.strictObject({
  type: z.literal("stream-ended"),
  streamId: streamIdSchema,
  reason: z.enum(STREAM_END_REASONS),
  summary: summaryMessageSchema,
});

export const errorMessageSchema = z.strictObject({
  type: z.literal("error"),
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** The stream that suffers; absent when the error concerns the connection. */
  streamId: z.string().optional(),
  /** The dotted path of the offending field, when there is one. */
  field: z.string().optional(),
});

export const serverMessageSchema = z.discriminatedUnion("type", [
  welcomeMessageSchema,
  openedMessageSchema,
  predictionMessageSchema,
  summaryMessageSchema,
  subscribedMessageSchema,
  streamStartedMessageSchema,
  streamEndedMessageSchema,
  errorMessageSchema,
]);

export type ServerLimits = z.infer<typeof serverLimitsSchema>;
export type WelcomeMessage = z.infer<typeof welcomeMessageSchema>;
export type OpenedMessage = z.infer<typeof openedMessageSchema>;
export type PredictionMessage = z.infer<typeof predictionMessageSchema>;
export type SummaryMessage = z.infer<typeof summaryMessageSchema>;
export type StreamInfo = z.infer<typeof streamInfoSchema>;
export type SubscribedMessage = z.infer<typeof subscribedMessageSchema>;
export type StreamStartedMessage = z.infer<typeof streamStartedMessageSchema>;
export type StreamEndReason = (typeof STREAM_END_REASONS)[number];
export type StreamEndedMessage = z.infer<typeof streamEndedMessageSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
