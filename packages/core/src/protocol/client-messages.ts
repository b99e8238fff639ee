// Messages a client sends as JSON text: the hello handshake, then producer messages (open a stream,
// JSON frames, end) or watcher messages (subscribe, unsubscribe). Binary frames are in binary-frames.ts.
import { z } from "zod";
import { EmotionStreamError } from "../errors.js";
import { parseWithSchema } from "../parse-with-schema.js";
import { nestsDeeperThan } from "./json-nesting.js";

export const CLIENT_ROLES = ["producer", "watcher"] as const;

export type ClientRole = (typeof CLIENT_ROLES)[number];

/** Letters, digits and `._:-`, so ids are safe in URLs, logs and metric labels. */
export const streamIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "stream ids use letters, digits and . _ : - only");

/**
 * A BCP-47-like language tag: a 2-3 letter primary language, then subtags of 1-8 letters or
 * digits (`en`, `de-DE`, `pt-BR`, `zh-Hant-TW`); at most 35 characters, as BCP 47 advises.
 */
export const languageTagSchema = z
  .string()
  .max(35)
  .regex(
    /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/,
    "language tags look like en, de-DE or zh-Hant-TW (BCP 47)",
  );

/** The number a binary frame carries to name its stream on this connection (u16). */
export const streamSlotSchema = z.number().int().min(0).max(0xffff);

export const helloMessageSchema = z.strictObject({
  type: z.literal("hello"),
  protocol: z.number().int().positive(),
  role: z.enum(CLIENT_ROLES),
  /** The shared secret of the role, when the server requires one. */
  token: z.string().max(1024).optional(),
  /** Free text for logs, e.g. "dashboard 1.2". */
  agent: z.string().max(200).optional(),
});

export const PCM_ENCODINGS = ["s16le", "f32le"] as const;

export type PcmEncoding = (typeof PCM_ENCODINGS)[number];

export const featureInputSchema = z.strictObject({
  kind: z.literal("features"),
});

export const pcmInputSchema = z.strictObject({
  kind: z.literal("pcm"),
  encoding: z.enum(PCM_ENCODINGS),
  sampleRate: z.number().int().positive(),
});

export const streamInputSchema = z.discriminatedUnion("kind", [featureInputSchema, pcmInputSchema]);

export type StreamInput = z.infer<typeof streamInputSchema>;

export const openMessageSchema = z.strictObject({
  type: z.literal("open"),
  streamId: streamIdSchema,
  slot: streamSlotSchema,
  /** A model id the server lists at /models. */
  model: z.string().min(1).max(128),
  /** Feature frames of the model's feature set, or raw mono PCM the server turns into them. */
  input: streamInputSchema,
  /** The spoken language, when the producer knows it; watchers see it in the stream's info. */
  language: languageTagSchema.optional(),
});

export const framesMessageSchema = z.strictObject({
  type: z.literal("frames"),
  streamId: streamIdSchema,
  /** Feature frames (each of the model's dimension) or, for a PCM stream, one array of samples. */
  frames: z.array(z.array(z.number())),
});

export const endMessageSchema = z.strictObject({
  type: z.literal("end"),
  streamId: streamIdSchema,
});

export const subscribeMessageSchema = z.strictObject({
  type: z.literal("subscribe"),
  streams: z.union([z.literal("all"), z.array(streamIdSchema).min(1)]),
});

export const unsubscribeMessageSchema = z.strictObject({
  type: z.literal("unsubscribe"),
  streams: z.union([z.literal("all"), z.array(streamIdSchema).min(1)]),
});

export const clientMessageSchema = z.discriminatedUnion("type", [
  helloMessageSchema,
  openMessageSchema,
  framesMessageSchema,
  endMessageSchema,
  subscribeMessageSchema,
  unsubscribeMessageSchema,
]);

export type HelloMessage = z.infer<typeof helloMessageSchema>;
export type OpenMessage = z.infer<typeof openMessageSchema>;
export type FramesMessage = z.infer<typeof framesMessageSchema>;
export type EndMessage = z.infer<typeof endMessageSchema>;
export type SubscribeMessage = z.infer<typeof subscribeMessageSchema>;
export type UnsubscribeMessage = z.infer<typeof unsubscribeMessageSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage["type"];

export const CLIENT_MESSAGE_TYPES: readonly ClientMessageType[] = clientMessageSchema.options.map(
  (option) => option.shape.type.value,
);

/** Parses one text message; BAD_MESSAGE for bad JSON or shape, UNKNOWN_MESSAGE_TYPE for a bad type. */
export function parseClientMessage(text: string): ClientMessage {
  const value = parseJson(text);
  const type = typeof value === "object" && value !== null ? Reflect.get(value, "type") : undefined;
  if (!CLIENT_MESSAGE_TYPES.includes(type as ClientMessageType)) {
    throw new EmotionStreamError("UNKNOWN_MESSAGE_TYPE", `unknown message type ${quoted(type)}`, {
      field: "type",
      allowed: CLIENT_MESSAGE_TYPES,
    });
  }
  const streamId = Reflect.get(value as object, "streamId");
  return parseWithSchema(clientMessageSchema, value, "BAD_MESSAGE", {
    ...(typeof streamId === "string" ? { streamId } : {}),
  });
}

/** Deeper than any message of the protocol (frames: object, array of frames, frame). */
const MAX_NESTING = 4;

function parseJson(text: string): unknown {
  if (nestsDeeperThan(text, MAX_NESTING)) {
    throw new EmotionStreamError(
      "BAD_MESSAGE",
      `message nests arrays or objects deeper than ${MAX_NESTING} levels`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EmotionStreamError("BAD_MESSAGE", "message is not valid JSON", {}, { cause: error });
  }
}

// The type is echoed in the error: a string is quoted and cut, anything else only named (a
// 400,000-deep array would overflow JSON.stringify's stack, and any long value echoes back whole).
const MAX_QUOTED = 64;

function quoted(type: unknown): string {
  if (typeof type !== "string") return type === undefined ? "(none)" : "(not a string)";
  const text = JSON.stringify(type.slice(0, MAX_QUOTED));
  return type.length > MAX_QUOTED ? `${text}…` : text;
}
