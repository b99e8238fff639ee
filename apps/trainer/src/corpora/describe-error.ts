// One line for a skip report: the error's code and message when it is ours, else its message.
import { isEmotionStreamError } from "@emotion-stream/core";

export function describeError(error: unknown): string {
  if (isEmotionStreamError(error)) return error.describe();
  return error instanceof Error ? error.message : String(error);
}
