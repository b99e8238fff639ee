// im2col / col2im for NHWC convolutions: the patch matrix turns a convolution and both of its
// gradients into matrix products, which the WASM backend runs on XNNPACK at tens of GFLOP/s.
import { type ConvGeometry, patchSize } from "./conv-geometry.js";

/**
 * Writes the patch matrix [batch*outH*outW, fh*fw*in] of `x` (NHWC) into `cols`; positions in the
 * padding are zero. Runs of a filter row that lie inside the input are copied as one block.
 */
export function im2col(x: Float32Array, g: ConvGeometry, cols: Float32Array): void {
  const rowLength = patchSize(g);
  const rowStride = g.inWidth * g.inChannels;
  const imageStride = g.inHeight * rowStride;
  let row = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let ow = 0; ow < g.outWidth; ow++) {
        let offset = row * rowLength;
        for (let kh = 0; kh < g.filterHeight; kh++) {
          const ih = oh * g.strideHeight + kh * g.dilationHeight - g.padTop;
          const rowStart = b * imageStride + ih * rowStride;
          const insideRow = ih >= 0 && ih < g.inHeight;
          offset = copyFilterRow(x, g, cols, offset, insideRow ? rowStart : -1, ow);
        }
        row++;
      }
    }
  }
}

function copyFilterRow(
  x: Float32Array,
  g: ConvGeometry,
  cols: Float32Array,
  offset: number,
  rowStart: number,
  ow: number,
): number {
  const c = g.inChannels;
  const runLength = g.filterWidth * c;
  if (rowStart < 0) {
    cols.fill(0, offset, offset + runLength);
    return offset + runLength;
  }
  const iw0 = ow * g.strideWidth - g.padLeft;
  if (g.dilationWidth === 1 && iw0 >= 0 && iw0 + g.filterWidth <= g.inWidth) {
    const start = rowStart + iw0 * c;
    cols.set(x.subarray(start, start + runLength), offset);
    return offset + runLength;
  }
  for (let kw = 0; kw < g.filterWidth; kw++) {
    const iw = iw0 + kw * g.dilationWidth;
    if (iw >= 0 && iw < g.inWidth) {
      const start = rowStart + iw * c;
      cols.set(x.subarray(start, start + c), offset);
    } else {
      cols.fill(0, offset, offset + c);
    }
    offset += c;
  }
  return offset;
}

/** Adds every patch row of `cols` back onto its input positions: the adjoint of im2col. */
export function col2im(cols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  dx.fill(0);
  const c = g.inChannels;
  const rowStride = g.inWidth * c;
  const imageStride = g.inHeight * rowStride;
  let offset = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let ow = 0; ow < g.outWidth; ow++) {
        for (let kh = 0; kh < g.filterHeight; kh++) {
          const ih = oh * g.strideHeight + kh * g.dilationHeight - g.padTop;
          for (let kw = 0; kw < g.filterWidth; kw++) {
            const iw = ow * g.strideWidth + kw * g.dilationWidth - g.padLeft;
            if (ih >= 0 && ih < g.inHeight && iw >= 0 && iw < g.inWidth) {
              const start = b * imageStride + ih * rowStride + iw * c;
              for (let ch = 0; ch < c; ch++)
                dx[start + ch] = (dx[start + ch] ?? 0) + (cols[offset + ch] ?? 0);
            }
            offset += c;
          }
        }
      }
    }
  }
}
