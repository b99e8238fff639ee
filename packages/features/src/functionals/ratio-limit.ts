// openSMILE's smileMath_ratioLimit (src/smileutil/smileUtil.c), the soft limit its functionals
// apply with doRatioLimit = 1 so that a ratio over a near-zero denominator cannot explode: x itself
// within ±limit1, beyond it a tanh curve that approaches ±(limit1 + excessToLimit2). Arguments and
// result are float32; the square root and the division run in double, tanh is openSMILE's
// 2·logistic(2x) − 1 in float32.

/** log(FLT_MAX) as openSMILE stores it (float32): beyond it the logistic is taken as 0 or 1. */
const EXP_LIMIT = Math.fround(Math.log(3.4028234663852886e38));

function logistic(x: number): number {
  if (x > EXP_LIMIT) return 1;
  if (x < -EXP_LIMIT) return 0;
  return Math.fround(1 / (1 + Math.exp(-x)));
}

function tanh(x: number): number {
  return Math.fround(2 * logistic(Math.fround(2 * x)) - 1);
}

export function ratioLimit(x: number, limit1: number, excessToLimit2: number): number {
  if (x > limit1) {
    const excess = Math.sqrt(Math.fround(x - limit1) + 1) - 1;
    const curve = tanh(Math.fround(excess / (excessToLimit2 * 0.5)));
    return Math.fround(Math.fround(curve * excessToLimit2) + limit1);
  }
  if (x < -limit1) {
    const excess = Math.sqrt(-1 * Math.fround(x + limit1) + 1) - 1;
    const curve = tanh(Math.fround(-excess / (excessToLimit2 * 0.5)));
    return Math.fround(Math.fround(curve * excessToLimit2) - limit1);
  }
  return x;
}
