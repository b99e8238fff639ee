// What the core's tests assert on when something is refused: the error's code, not its wording.
import { isEmotionStreamError } from "../src/errors.js";

/** The code of the EmotionStreamError `action` throws; undefined when it throws nothing. */
export function thrownCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return isEmotionStreamError(error) ? error.code : "not an EmotionStreamError";
  }
  return undefined;
}
