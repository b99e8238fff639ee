// The memory of one JavaScript thread (the main thread or an inference worker: each has its own V8
// heap), for /metrics. Heap used fluctuates with every allocation; what tells a leak from a heap
// that is merely full of garbage is the heap still used right after a major (mark-sweep) GC, so it is
// recorded whenever one ends. Native memory (onnxruntime's arena, glibc) shows only in the RSS.
import { constants, PerformanceObserver } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";

export interface ThreadMemory {
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  /** C++ objects tied to this thread's JavaScript objects (typed array stores, sockets' buffers). */
  readonly externalBytes: number;
  /** The part of `externalBytes` held by ArrayBuffers (typed arrays, Buffers). */
  readonly arrayBuffersBytes: number;
  /** Heap used just after the last major GC; NaN before the first one. */
  readonly heapUsedAfterMajorGcBytes: number;
  readonly majorGcs: number;
}

export class ThreadMemoryMonitor {
  private heapAfterMajorGc = Number.NaN;
  private majorGcs = 0;
  private readonly observer = new PerformanceObserver((list) => {
    let major = false;
    for (const entry of list.getEntries()) {
      // Node 20's types lack `detail` on PerformanceEntry; gc entries carry { kind, flags } there.
      const { detail } = entry as { detail?: { kind?: number } };
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        major = true;
        this.majorGcs++;
      }
    }
    // Entries arrive shortly after the GC, so a few allocations may have happened since: near enough
    // for a trend, and it costs one heap-statistics call per major GC.
    if (major) this.heapAfterMajorGc = getHeapStatistics().used_heap_size;
  });

  constructor() {
    this.observer.observe({ entryTypes: ["gc"] });
  }

  /** This thread's figures now (process.memoryUsage reports the calling thread's heap in a worker). */
  sample(): ThreadMemory {
    const usage = process.memoryUsage();
    return {
      heapUsedBytes: usage.heapUsed,
      heapTotalBytes: usage.heapTotal,
      externalBytes: usage.external,
      arrayBuffersBytes: usage.arrayBuffers,
      heapUsedAfterMajorGcBytes: this.heapAfterMajorGc,
      majorGcs: this.majorGcs,
    };
  }

  stop(): void {
    this.observer.disconnect();
  }
}
