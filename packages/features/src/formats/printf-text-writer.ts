// Builds a text file in one growing byte buffer, writing numbers exactly as C's printf does
// (openSMILE's sinks use fprintf). Number.prototype.toExponential costs ~400 ns a value and
// rounds exact ties up where printf rounds them to even (1234566.5 -> printf 1.234566e+06);
// scaling by an exact power of ten and rounding the integer is ~10x faster, with an exact
// BigInt check in the rare case the scaled value lies within rounding error of a tie.

const ZERO = 48;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const LETTER_E = 101;
/** Powers of ten as doubles: exact up to 1e22, the nearest double beyond. */
const POWERS_OF_TEN = Float64Array.from({ length: 350 }, (_, exponent) => Number(`1e${exponent}`));
const EXACT_POWER_LIMIT = 22;
/** "00".."99" as byte pairs, to write two digits per division. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, index) =>
  index % 2 === 0 ? ZERO + Math.floor(index / 20) : ZERO + (((index - 1) / 2) % 10),
);
const LOG10_OF_2 = Math.log10(2);
/** The smallest positive double, 4.9e-324. */
const LOWEST_DECIMAL_EXPONENT = -324;
/** Doubles with at most 53 significant bits are integers from here on. */
const SAFE_INTEGER_LIMIT = 2 ** 53;
/** The scaled value goes through at most three roundings: far below this distance from a tie. */
const TIE_MARGIN = 1e-6;
const DECIMALS = 6;
const MANTISSA_LIMIT = 10 ** (DECIMALS + 1);
const MANTISSA_FLOOR = 10 ** DECIMALS;

// A double's bits through typed arrays (faster than a DataView on the hot path).
const doubleBits = new Float64Array(1);
const wordBits = new Uint32Array(doubleBits.buffer);
const HIGH_WORD = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;
const encoder = new TextEncoder();
const SHORT_TEXT = 32;

export class PrintfTextWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  /** Any text (UTF-8). */
  text(value: string): void {
    this.reserve(value.length * 3);
    if (value.length <= SHORT_TEXT) {
      // Separators and names: copying ASCII by hand beats a TextEncoder call per cell.
      let at = this.length;
      for (let index = 0; index < value.length; index += 1) {
        const code = value.charCodeAt(index);
        if (code >= 0x80) {
          at = this.length + encoder.encodeInto(value, this.bytes.subarray(this.length)).written;
          break;
        }
        this.bytes[at++] = code;
      }
      this.length = at;
      return;
    }
    this.length += encoder.encodeInto(value, this.bytes.subarray(this.length)).written;
  }

  /** One ASCII character by its code: a cell separator or a line end. */
  character(code: number): void {
    this.reserve(1);
    this.bytes[this.length++] = code;
  }

  /** C `%e`: 1.142014e+02, -0.000000e+00, nan, inf. */
  scientific(value: number): void {
    if (!Number.isFinite(value)) {
      this.text(nonFiniteText(value));
      return;
    }
    this.reserve(16);
    const bytes = this.bytes;
    let at = this.writeSign(value);
    const magnitude = Math.abs(value);
    let mantissa = 0;
    let exponent = 0;
    if (magnitude !== 0) {
      doubleBits[0] = magnitude;
      const biasedExponent = (wordBits[HIGH_WORD] ?? 0) >>> 20;
      // From the binary exponent: the decimal one or one below it (subnormals: from the lowest).
      exponent =
        biasedExponent === 0
          ? LOWEST_DECIMAL_EXPONENT
          : Math.floor((biasedExponent - 1023) * LOG10_OF_2);
      let scaled = scaleByPowerOfTen(magnitude, DECIMALS - exponent);
      while (scaled >= MANTISSA_LIMIT) {
        exponent += 1;
        scaled = scaleByPowerOfTen(magnitude, DECIMALS - exponent);
      }
      mantissa = roundHalfEven(magnitude, DECIMALS - exponent, scaled);
      if (mantissa === MANTISSA_LIMIT) {
        mantissa = MANTISSA_FLOOR;
        exponent += 1;
      }
    }
    const leading = Math.floor(mantissa / MANTISSA_FLOOR);
    bytes[at++] = ZERO + leading;
    bytes[at++] = DOT;
    at = writeSixDigits(bytes, at, mantissa - leading * MANTISSA_FLOOR);
    bytes[at++] = LETTER_E;
    bytes[at++] = exponent < 0 ? MINUS : PLUS;
    let exponentDigits = Math.abs(exponent);
    if (exponentDigits >= 100) {
      bytes[at++] = ZERO + Math.floor(exponentDigits / 100);
      exponentDigits %= 100;
    }
    bytes[at++] = DIGIT_PAIRS[2 * exponentDigits] ?? ZERO;
    bytes[at++] = DIGIT_PAIRS[2 * exponentDigits + 1] ?? ZERO;
    this.length = at;
  }

  /** C `%f`: six decimals (0.010000). */
  fixed(value: number): void {
    const magnitude = Math.abs(value);
    const scaled = magnitude * MANTISSA_FLOOR;
    if (!Number.isFinite(value) || scaled >= SAFE_INTEGER_LIMIT) {
      this.wideFixed(value);
      return;
    }
    this.reserve(32);
    let at = this.writeSign(value);
    const units = roundHalfEven(magnitude, DECIMALS, scaled);
    const whole = Math.floor(units / MANTISSA_FLOOR);
    at = this.writeDigits(at, whole);
    this.bytes[at++] = DOT;
    this.length = writeSixDigits(this.bytes, at, units - whole * MANTISSA_FLOOR);
  }

  /** C `%.0f`, for values that are whole numbers (or infinite). */
  wholeNumber(value: number): void {
    if (!Number.isFinite(value)) {
      this.text(nonFiniteText(value));
      return;
    }
    if (Math.abs(value) >= SAFE_INTEGER_LIMIT) {
      this.text(BigInt(value).toString());
      return;
    }
    this.reserve(24);
    const at = this.writeSign(value);
    this.length = this.writeDigits(at, Math.abs(value));
  }

  toString(): string {
    return new TextDecoder().decode(this.bytes.subarray(0, this.length));
  }

  private writeSign(value: number): number {
    // printf keeps the sign of negative zero.
    if (value < 0 || (value === 0 && 1 / value < 0)) this.bytes[this.length++] = MINUS;
    return this.length;
  }

  /** A non-negative integer below 2^53, at `at`; returns the end. */
  private writeDigits(at: number, integer: number): number {
    // Counted against exact powers of ten: Math.log10(999999999999999) rounds to 15.
    let width = 1;
    while (integer >= (POWERS_OF_TEN[width] ?? Infinity)) width += 1;
    let rest = integer;
    for (let position = at + width - 1; position >= at; position -= 1) {
      const next = Math.floor(rest / 10);
      this.bytes[position] = ZERO + (rest - next * 10);
      rest = next;
    }
    return at + width;
  }

  /** `%f` beyond 2^53 units, and nan/inf: exact through BigInt (never on feature data). */
  private wideFixed(value: number): void {
    if (!Number.isFinite(value)) {
      this.text(nonFiniteText(value));
      return;
    }
    const units = roundedUnits(Math.abs(value), DECIMALS);
    const text = units.toString().padStart(DECIMALS + 1, "0");
    const sign = value < 0 ? "-" : "";
    this.text(`${sign}${text.slice(0, -DECIMALS)}.${text.slice(-DECIMALS)}`);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

function nonFiniteText(value: number): string {
  if (Number.isNaN(value)) return "nan";
  return value > 0 ? "inf" : "-inf";
}

/** magnitude · 10^power with at most three roundings (one when |power| <= 22). */
function scaleByPowerOfTen(magnitude: number, power: number): number {
  if (power >= 0) {
    if (power <= EXACT_POWER_LIMIT) return magnitude * (POWERS_OF_TEN[power] ?? Infinity);
    return magnitude * 1e22 * (POWERS_OF_TEN[power - EXACT_POWER_LIMIT] ?? Infinity);
  }
  if (-power <= EXACT_POWER_LIMIT) return magnitude / (POWERS_OF_TEN[-power] ?? Infinity);
  return magnitude / 1e22 / (POWERS_OF_TEN[-power - EXACT_POWER_LIMIT] ?? Infinity);
}

/** The integer nearest magnitude · 10^power (ties to even), given its floating-point estimate. */
function roundHalfEven(magnitude: number, power: number, scaled: number): number {
  const below = Math.floor(scaled);
  const fraction = scaled - below;
  if (Math.abs(fraction - 0.5) >= TIE_MARGIN) return fraction > 0.5 ? below + 1 : below;
  return Number(roundedUnits(magnitude, power));
}

/** Exactly: magnitude · 10^power rounded to an integer, ties to even. */
function roundedUnits(magnitude: number, power: number): bigint {
  const { significand, binaryExponent } = decompose(magnitude);
  // magnitude · 10^power as numerator / denominator, both integers.
  let numerator = significand;
  let denominator = 1n;
  if (power >= 0) numerator *= 10n ** BigInt(power);
  else denominator *= 10n ** BigInt(-power);
  if (binaryExponent >= 0) numerator <<= BigInt(binaryExponent);
  else denominator <<= BigInt(-binaryExponent);
  const below = numerator / denominator;
  const twiceRemainder = (numerator - below * denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && below % 2n === 1n)) {
    return below + 1n;
  }
  return below;
}

/** A finite non-negative double as significand · 2^binaryExponent, both integers. */
function decompose(magnitude: number): { significand: bigint; binaryExponent: number } {
  doubleBits[0] = magnitude;
  const high = wordBits[HIGH_WORD] ?? 0;
  const biasedExponent = high >>> 20;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(wordBits[1 - HIGH_WORD] ?? 0);
  if (biasedExponent === 0) return { significand: fraction, binaryExponent: -1074 };
  return { significand: fraction | (1n << 52n), binaryExponent: biasedExponent - 1075 };
}

function writeSixDigits(bytes: Uint8Array, at: number, value: number): number {
  const high = Math.floor(value / 10000);
  const rest = value - high * 10000;
  const middle = Math.floor(rest / 100);
  const low = rest - middle * 100;
  bytes[at] = DIGIT_PAIRS[2 * high] ?? 0;
  bytes[at + 1] = DIGIT_PAIRS[2 * high + 1] ?? 0;
  bytes[at + 2] = DIGIT_PAIRS[2 * middle] ?? 0;
  bytes[at + 3] = DIGIT_PAIRS[2 * middle + 1] ?? 0;
  bytes[at + 4] = DIGIT_PAIRS[2 * low] ?? 0;
  bytes[at + 5] = DIGIT_PAIRS[2 * low + 1] ?? 0;
  return at + 6;
}
