// The one way a boundary turns untrusted input into a typed value: a zod schema, and on failure an
// EmotionStreamError whose `field` is the dotted path of the first offending value.
import type { z } from "zod";
import { EmotionStreamError, type ErrorCode, type ErrorDetails } from "./errors.js";

/** Parses `input` with `schema`; throws `code` naming the first failing field path. */
export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  code: ErrorCode,
  details: ErrorDetails = {},
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue === undefined ? undefined : formatIssuePath(issue.path);
  const what = details.file ?? "input";
  throw new EmotionStreamError(
    code,
    `${what} is invalid: ${issue?.message ?? "does not match its schema"}`,
    { ...details, ...(field === undefined ? {} : { field }) },
    { cause: result.error },
  );
}

/** `["metrics", 0, "uar"]` -> `metrics[0].uar`; the empty path (the whole value) -> undefined. */
export function formatIssuePath(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      const name = String(key);
      return index === 0 ? name : `.${name}`;
    })
    .join("");
}
