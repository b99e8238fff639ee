// Reads the producer's utterances one ahead of playback, so a playlist of any length (a whole corpus
// manifest) never sits decoded in memory at once. Unreadable files are reported and skipped.
import type { HeldOutUtterance } from "./held-out-utterances.js";

export type LoadUtterance = (utterance: HeldOutUtterance) => Promise<Float32Array>;

export class PlaylistReader {
  private readonly queue: Float32Array[] = [];
  private next = 0;
  private loading = false;
  private failuresInARow = 0;

  constructor(
    private readonly utterances: readonly HeldOutUtterance[],
    private readonly load: LoadUtterance,
    private readonly onUnplayable: (utterance: HeldOutUtterance, error: unknown) => void,
  ) {
    this.fill();
  }

  /** The samples playing now; undefined while they are still being read. */
  current(): Float32Array | undefined {
    return this.queue[0];
  }

  /** The current utterance is played out: move to the next (looping at the end). */
  advance(): void {
    this.queue.shift();
    this.fill();
  }

  private fill(): void {
    // A playlist of which no file can be read stops here instead of retrying forever.
    if (this.loading || this.queue.length >= 2 || this.failuresInARow >= this.utterances.length) {
      return;
    }
    const utterance = this.utterances[this.next] as HeldOutUtterance;
    this.next = (this.next + 1) % this.utterances.length;
    this.loading = true;
    this.load(utterance)
      .then(
        (samples) => {
          this.failuresInARow = 0;
          if (samples.length > 0) this.queue.push(samples);
        },
        (error: unknown) => {
          this.failuresInARow += 1;
          this.onUnplayable(utterance, error);
        },
      )
      .finally(() => {
        this.loading = false;
        this.fill();
      });
  }
}
