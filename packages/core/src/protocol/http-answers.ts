// What the stream server answers over HTTP on its WebSocket port, for every program that reads it
// (the dashboard, the demo, the benchmarks): the routes, and the JSON of `/models` and `/streams`.
// A card travels as JSON to be parsed by each reader with core's card schema, so one model whose
// card a reader cannot read does not hide the others.
import { z } from "zod";
import { streamInfoSchema } from "./server-messages.js";

export const HTTP_ROUTES = {
  health: "/healthz",
  ready: "/readyz",
  models: "/models",
  streams: "/streams",
  metrics: "/metrics",
} as const;

export const servedModelInfoSchema = z.strictObject({
  id: z.string().min(1),
  /** Counts the loads of this id since the server started: 1, 2, ... */
  version: z.number().int().positive(),
  /** The model file's name (never its path). */
  file: z.string().min(1),
  cardSource: z.enum(["metadata_props", "sidecar"]),
  /** Whether the file carried the exporter's SHA-256 seal (a mismatching one is refused). */
  sealed: z.boolean(),
  /** ISO 8601. */
  loadedAt: z.string(),
  card: z.unknown(),
});

/** `GET /models`: every model being served. */
export const modelsAnswerSchema = z.array(servedModelInfoSchema);

/** `GET /streams`: the live streams. */
export const streamsAnswerSchema = z.array(streamInfoSchema);

export type ServedModelInfo = z.infer<typeof servedModelInfoSchema>;
export type ModelsAnswer = z.infer<typeof modelsAnswerSchema>;
export type StreamsAnswer = z.infer<typeof streamsAnswerSchema>;
