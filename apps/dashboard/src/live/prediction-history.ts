// A stream's recent predictions in fixed typed arrays (a ring buffer), so memory stays flat however
// long a stream lives and however fast it predicts; charts read the last minute of stream time.
import { QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";

const CLASS_COUNT = QUADRANT_CLASSES.length;

export interface PredictionSample {
  /** Stream time in seconds at the end of the predicted window. */
  readonly end: number;
  readonly probabilities: ArrayLike<number>;
  readonly valence: number;
  readonly arousal: number;
  readonly latencyMs: number;
}

export interface TimelinePoint extends Record<QuadrantClass, number> {
  readonly time: number;
}

export interface TrajectoryPoint {
  readonly valence: number;
  readonly arousal: number;
  /** 0 for the oldest point shown, 1 for the newest: lets the plot fade the past. */
  readonly recency: number;
}

export class PredictionHistory {
  readonly capacity: number;
  private readonly ends: Float64Array;
  private readonly probabilities: Float32Array;
  private readonly valences: Float32Array;
  private readonly arousals: Float32Array;
  private readonly latencies: Float32Array;
  private next = 0;
  private size = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.ends = new Float64Array(capacity);
    this.probabilities = new Float32Array(capacity * CLASS_COUNT);
    this.valences = new Float32Array(capacity);
    this.arousals = new Float32Array(capacity);
    this.latencies = new Float32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(sample: PredictionSample): void {
    const slot = this.next;
    this.ends[slot] = sample.end;
    for (let k = 0; k < CLASS_COUNT; k++) {
      this.probabilities[slot * CLASS_COUNT + k] = sample.probabilities[k] ?? 0;
    }
    this.valences[slot] = sample.valence;
    this.arousals[slot] = sample.arousal;
    this.latencies[slot] = sample.latencyMs;
    this.next = (slot + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** Ring slots from oldest to newest whose window ended within `seconds` of the newest one. */
  private recentSlots(seconds: number): number[] {
    if (this.size === 0) return [];
    const newestEnd = this.ends[this.slotAt(this.size - 1)] ?? 0;
    const slots: number[] = [];
    for (let age = this.size - 1; age >= 0; age--) {
      const slot = this.slotAt(age);
      if (newestEnd - (this.ends[slot] ?? 0) > seconds) break;
      slots.push(slot);
    }
    return slots.reverse();
  }

  /** The `index`-th oldest stored sample's slot. */
  private slotAt(index: number): number {
    return (this.next - this.size + index + this.capacity) % this.capacity;
  }

  timeline(seconds: number): TimelinePoint[] {
    return this.recentSlots(seconds).map((slot) => {
      const byClass = Object.fromEntries(
        QUADRANT_CLASSES.map((name, k) => [name, this.probabilities[slot * CLASS_COUNT + k] ?? 0]),
      ) as Record<QuadrantClass, number>;
      return { time: this.ends[slot] ?? 0, ...byClass };
    });
  }

  trajectory(seconds: number): TrajectoryPoint[] {
    const slots = this.recentSlots(seconds);
    return slots.map((slot, index) => ({
      valence: this.valences[slot] ?? 0,
      arousal: this.arousals[slot] ?? 0,
      recency: slots.length === 1 ? 1 : index / (slots.length - 1),
    }));
  }

  /** Mean and maximum server latency over the samples of the last `seconds`. */
  latency(seconds: number): { meanMs: number; maxMs: number } | undefined {
    const slots = this.recentSlots(seconds);
    if (slots.length === 0) return undefined;
    let sum = 0;
    let max = 0;
    for (const slot of slots) {
      const value = this.latencies[slot] ?? 0;
      sum += value;
      max = Math.max(max, value);
    }
    return { meanMs: sum / slots.length, maxMs: max };
  }
}
