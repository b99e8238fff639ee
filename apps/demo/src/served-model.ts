// Which model the stream server serves and what it takes, read from its HTTP /models: the producer
// feeds audio at the rate of the model card's feature set, so the server extracts exactly the
// features the model was trained on.
import { EmotionStreamError, featureSetSpecSchema, parseWithSchema } from "@emotion-stream/core";
import { z } from "zod";

const servedModelsSchema = z
  .array(
    z.object({
      id: z.string().min(1),
      card: z.object({
        featureSet: featureSetSpecSchema,
        window: z.object({ windowFrames: z.number().int(), hopFrames: z.number().int() }),
      }),
    }),
  )
  .min(1, "the server serves no model");

export type ServedModel = z.infer<typeof servedModelsSchema>[number];

/** The first model the server at `httpUrl` lists. */
export async function fetchServedModel(httpUrl: string): Promise<ServedModel> {
  const url = new URL("/models", httpUrl).href;
  const response = await fetch(url).catch((cause: unknown) => {
    throw new EmotionStreamError(
      "CONNECTION_CLOSED",
      "cannot reach the stream server",
      { value: url },
      { cause },
    );
  });
  const models = parseWithSchema(servedModelsSchema, await response.json(), "BAD_MESSAGE", {
    file: url,
  });
  return models[0] as ServedModel;
}
