/** $EMOTION_STREAM_SHARED, or the `shared` folder beside the repository. */
export const sharedDir: string;

/**
 * Whether `relativePath` exists under `sharedDir`; when not, warns (tests skip) or, under CI=true,
 * throws (tests fail).
 */
export function hasSharedData(relativePath: string, what: string): boolean;
