// One writer per cache folder at a time. Two trainer processes started together on one cache
// (an experiment per core) would both extract the same corpus and race on its index; with the
// lock the second waits, then finds the first one's records fresh and reuses them. The lock is a
// directory proper-lockfile keeps fresh while held, so a killed holder's lock goes stale and is
// taken over instead of blocking the cache for ever.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { EmotionStreamError } from "@emotion-stream/core";
import { lock } from "proper-lockfile";

/** The lock directory inside a cache folder. */
export const LOCK_NAME = "writer.lock";

/** A held lock is refreshed every STALE_MS / 2; one older than this is taken as abandoned. */
const STALE_MS = 20_000;

/**
 * Runs `work` holding `dir`'s lock; `onWait` is called once if another process holds it first.
 * Throws if the lock was lost while held (another process judged it stale), before `work`'s
 * result can be trusted.
 */
export async function withCacheLock<T>(
  dir: string,
  onWait: () => void,
  work: () => Promise<T>,
): Promise<T> {
  await mkdir(dir, { recursive: true });
  let lost: Error | undefined;
  const options = {
    lockfilePath: join(dir, LOCK_NAME),
    realpath: false,
    stale: STALE_MS,
    onCompromised: (error: Error) => {
      lost = error;
    },
  };
  const release = await lock(dir, options).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "ELOCKED") throw error;
    onWait();
    return lock(dir, { ...options, retries: { forever: true, minTimeout: 100, maxTimeout: 1000 } });
  });
  try {
    const result = await work();
    if (lost !== undefined) {
      throw new EmotionStreamError(
        "BAD_CACHE",
        `lost the feature cache lock on ${dir} while writing (${lost.message}); run again`,
      );
    }
    return result;
  } finally {
    if (lost === undefined) await release();
  }
}
