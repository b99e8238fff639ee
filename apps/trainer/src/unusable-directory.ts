// A directory flag (`--cache`, `--runs`) naming a place the trainer cannot write: a file, a folder
// without permission, a read-only or full disk. The file system's own error names the path but
// not the flag that chose it; this says both.
import { EmotionStreamError } from "@emotion-stream/core";

/** File-system refusals that are the directory flag's to fix. */
const UNUSABLE_DIRECTORY_CODES = new Set([
  "ENOTDIR",
  "EACCES",
  "EPERM",
  "EROFS",
  "ENOSPC",
  "EEXIST",
]);

export interface DirectoryFlag {
  /** The flag that chose the directory, e.g. `--cache`. */
  readonly flag: string;
  /** What the directory holds, e.g. "feature cache". */
  readonly holds: string;
  readonly directory: string;
}

/** `error` as BAD_ARGUMENT naming the flag when it is such a refusal; otherwise `error` itself. */
export function describeUnusableDirectory(
  error: unknown,
  { flag, holds, directory }: DirectoryFlag,
): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!(error instanceof Error) || code === undefined || !UNUSABLE_DIRECTORY_CODES.has(code)) {
    return error;
  }
  return new EmotionStreamError(
    "BAD_ARGUMENT",
    `the ${holds} ${directory} cannot be used (${code}); give ${flag} a writable directory`,
    { field: flag, file: (error as NodeJS.ErrnoException).path ?? directory },
    { cause: error },
  );
}
