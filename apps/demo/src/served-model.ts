// Which model the stream server serves and what it takes, read from its HTTP /models: the producer
// feeds audio at the rate of the model card's feature set, so the server extracts exactly the
// features the model was trained on.
import {
  EmotionStreamError,
  HTTP_ROUTES,
  type ModelCard,
  modelsAnswerSchema,
  parseModelCard,
  parseWithSchema,
} from "@emotion-stream/core";

export interface ServedModel {
  readonly id: string;
  readonly card: ModelCard;
}

/** The first model the server at `httpUrl` lists. */
export async function fetchServedModel(httpUrl: string): Promise<ServedModel> {
  const url = new URL(HTTP_ROUTES.models, httpUrl).href;
  const response = await fetch(url).catch((cause: unknown) => {
    throw new EmotionStreamError(
      "CONNECTION_CLOSED",
      "cannot reach the stream server",
      { value: url },
      { cause },
    );
  });
  const [first] = parseWithSchema(modelsAnswerSchema, await response.json(), "BAD_MESSAGE", {
    file: url,
  });
  if (first === undefined) {
    throw new EmotionStreamError("BAD_MESSAGE", "the server serves no model", { file: url });
  }
  return { id: first.id, card: parseModelCard(first.card, `${url} model ${first.id}`) };
}
