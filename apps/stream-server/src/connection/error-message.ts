// An error as the wire carries it: code, message, the stream that suffers and the offending field.
// Texts are cut, so a value a client sent (a megabyte-long field name or type) is never echoed whole.
import type { EmotionStreamError, ErrorMessage } from "@emotion-stream/core";

const MAX_MESSAGE = 300;
const MAX_FIELD = 100;
// As long as a valid stream id: an id taken from a message that failed validation may be longer.
const MAX_STREAM_ID = 128;

export function errorMessageOf(error: EmotionStreamError): ErrorMessage {
  const { streamId, field } = error.details;
  return {
    type: "error",
    code: error.code,
    message: cut(error.message, MAX_MESSAGE),
    ...(streamId === undefined ? {} : { streamId: cut(streamId, MAX_STREAM_ID) }),
    ...(field === undefined ? {} : { field: cut(field, MAX_FIELD) }),
  };
}

function cut(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length)}…`;
}
