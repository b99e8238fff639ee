// Max-pooling gradient for NHWC tensors: each output's gradient goes to the first input position
// in its window that holds the pooled maximum (the CPU backend's tie rule). The forward output
// tells which value to look for, and consecutive overlapping windows usually share their maximum,
// so the previous window's position is tried first: O(1) per output instead of a window scan.
// Pooling layers have no dilation, so windows are dense.
import type { backend_util } from "@tensorflow/tfjs";

export function maxPoolGradient(
  x: Float32Array,
  y: Float32Array,
  dy: Float32Array,
  info: backend_util.Conv2DInfo,
  dx: Float32Array,
): void {
  dx.fill(0);
  const c = info.inChannels;
  const rowStride = info.inWidth * c;
  const outRow = info.outWidth * c;
  // Per channel: flat position of the last maximum found and its row, for the sliding reuse.
  const lastAt = new Int32Array(c);
  const lastRow = new Int32Array(c);
  for (let b = 0; b < info.batchSize; b++) {
    const xBase = b * info.inHeight * rowStride;
    for (let ow = 0; ow < info.outWidth; ow++) {
      const w0 = Math.max(0, ow * info.strideWidth - info.padInfo.left);
      const w1 = Math.min(
        info.inWidth,
        ow * info.strideWidth - info.padInfo.left + info.effectiveFilterWidth,
      );
      lastAt.fill(-1);
      for (let oh = 0; oh < info.outHeight; oh++) {
        const h0 = Math.max(0, oh * info.strideHeight - info.padInfo.top);
        const h1 = Math.min(
          info.inHeight,
          oh * info.strideHeight - info.padInfo.top + info.effectiveFilterHeight,
        );
        const outBase = (b * info.outHeight + oh) * outRow + ow * c;
        for (let ch = 0; ch < c; ch++) {
          const max = y[outBase + ch] as number;
          let at = lastAt[ch] as number;
          if (at < 0 || (lastRow[ch] as number) < h0 || x[at] !== max) {
            at = findFirst(x, max, xBase + ch, rowStride, c, h0, h1, w0, w1);
            lastAt[ch] = at;
            lastRow[ch] = Math.floor((at - xBase) / rowStride);
          }
          if (at >= 0) dx[at] = (dx[at] as number) + (dy[outBase + ch] as number);
        }
      }
    }
  }
}

function findFirst(
  x: Float32Array,
  max: number,
  base: number,
  rowStride: number,
  c: number,
  h0: number,
  h1: number,
  w0: number,
  w1: number,
): number {
  for (let h = h0; h < h1; h++) {
    for (let w = w0; w < w1; w++) {
      const at = base + h * rowStride + w * c;
      if (x[at] === max) return at;
    }
  }
  return -1;
}
