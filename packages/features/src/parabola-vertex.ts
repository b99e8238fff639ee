// openSMILE's smileMath_quadFrom3pts: the vertex of the parabola through three points, in its
// double arithmetic and operation order, used wherever openSMILE refines a peak between samples or
// bins (cPitchShs's candidates, cPitchJitter's period lag, cHarmonics's harmonic levels).

export interface ParabolaVertex {
  x: number;
  y: number;
}

/**
 * smileMath_quadFrom3pts: the vertex of the parabola through three points into `vertex`, in
 * openSMILE's operation order; without a parabola, the highest point (the first of equals).
 */
export function parabolaVertex(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  vertex: ParabolaVertex,
): void {
  const den =
    x1 * x1 * x2 + x2 * x2 * x3 + x3 * x3 * x1 - x3 * x3 * x2 - x2 * x2 * x1 - x1 * x1 * x3;
  if (den !== 0) {
    const a = (y1 * x2 + y2 * x3 + y3 * x1 - y3 * x2 - y2 * x1 - y1 * x3) / den;
    const b =
      (x1 * x1 * y2 + x2 * x2 * y3 + x3 * x3 * y1 - x3 * x3 * y2 - x2 * x2 * y1 - x1 * x1 * y3) /
      den;
    const c =
      (x1 * x1 * x2 * y3 +
        x2 * x2 * x3 * y1 +
        x3 * x3 * x1 * y2 -
        x3 * x3 * x2 * y1 -
        x2 * x2 * x1 * y3 -
        x1 * x1 * x3 * y2) /
      den;
    if (a !== 0) {
      const x = -b / (2 * a);
      vertex.x = x;
      vertex.y = c - a * x * x;
      return;
    }
  }
  if (y1 > y2 && y1 > y3) {
    vertex.x = x1;
    vertex.y = y1;
  } else if (y2 > y1 && y2 > y3) {
    vertex.x = x2;
    vertex.y = y2;
  } else if (y3 > y1 && y3 > y2) {
    vertex.x = x3;
    vertex.y = y3;
  } else {
    vertex.x = x1;
    vertex.y = y1;
  }
}
