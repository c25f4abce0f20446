/**
 * Inverses of the parsers in numbers.ts, for round-trip tests and for the report.
 * formatScientific and formatSize are exact by default (parseNumber/parseSize read back the
 * identical double) because they shift the decimal digits of the shortest round-tripping
 * representation as text instead of dividing floats.
 *
 * They take numbers from code, not cells, so a non-finite argument is a programming error and
 * throws RangeError (not ParseError).
 */

function assertFinite(n: number, fn: string): void {
  if (!Number.isFinite(n)) throw new RangeError(`${fn}: expected a finite number, got ${n}`);
}

function assertDigits(digits: number | undefined, fn: string): void {
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 1 && digits <= 100)) {
    throw new RangeError(`${fn}: digits must be an integer from 1 to 100, got ${digits}`);
  }
}

/** Sign, significant digits (no trailing zeros) and decimal exponent of n: n = ±d.ddd × 10^exp. */
function decimalParts(n: number, digits?: number): { negative: boolean; digits: string; exp: number } {
  // Sliced by position rather than split and regex-replaced: `-d.ddde+x` has one of each part.
  const text = digits === undefined ? n.toExponential() : n.toExponential(digits - 1);
  const e = text.indexOf('e');
  const negative = text.charCodeAt(0) === 0x2d;
  const from = negative ? 1 : 0;
  const dot = text.indexOf('.');
  const all = dot < 0 ? text.slice(from, e) : text.slice(from, dot) + text.slice(dot + 1, e);
  let end = all.length;
  while (end > 0 && all.charCodeAt(end - 1) === 0x30) end--;
  return { negative, digits: end === 0 ? '0' : all.slice(0, end), exp: Number(text.slice(e + 1)) };
}

/**
 * `3.14e23` form: mantissa without trailing zeros, exponent without `+`, `0` for zero.
 * digits = significant digits; omitted, it uses the shortest digits that read back exactly
 * (17 always suffice too).
 */
export function formatScientific(n: number, digits?: number): string {
  assertFinite(n, 'formatScientific');
  assertDigits(digits, 'formatScientific');
  if (n === 0) return '0';
  if (digits === undefined) {
    // The shortest round-tripping digits never end in 0, so the form wanted is toExponential's
    // own without the exponent's `+` (`3.14e+23` → `3.14e23`): no need to take it apart.
    const text = n.toExponential();
    const e = text.indexOf('e');
    return text.charCodeAt(e + 1) === 0x2b ? text.slice(0, e + 1) + text.slice(e + 2) : text;
  }
  const p = decimalParts(n, digits);
  const mantissa = p.digits.length > 1 ? `${p.digits[0]}.${p.digits.slice(1)}` : p.digits;
  return `${p.negative ? '-' : ''}${mantissa}e${p.exp}`;
}

/** Places the decimal point in a digit string so that it reads digits[0].digits[1..] × 10^shift. */
function shiftPoint(digits: string, shift: number): string {
  if (shift < 0) return `0.${'0'.repeat(-shift - 1)}${digits}`;
  if (shift + 1 >= digits.length) return digits + '0'.repeat(shift + 1 - digits.length);
  return `${digits.slice(0, shift + 1)}.${digits.slice(shift + 1)}`;
}

const SIZE_STEPS: ReadonlyArray<readonly [number, string]> = [
  [12, 'T'],
  [9, 'B'],
  [6, 'M'],
  [3, 'K'],
];

/**
 * `175B`, `340M`, `1.4T`, `60K`, `512`. Beyond 1000T (1e15) the suffixed mantissa would get long,
 * so it falls back to formatScientific. Exact unless digits (significant digits) is given.
 */
export function formatSize(n: number, digits?: number): string {
  assertFinite(n, 'formatSize');
  assertDigits(digits, 'formatSize');
  if (n === 0) return '0';
  const p = decimalParts(n, digits);
  if (p.exp >= 15) return formatScientific(n, digits);
  const sign = p.negative ? '-' : '';
  for (const [power, suffix] of SIZE_STEPS) {
    if (p.exp >= power) return `${sign}${shiftPoint(p.digits, p.exp - power)}${suffix}`;
  }
  // Below 1000: plain decimal while short, scientific for tiny values like 1e-30.
  if (p.exp >= -6) return `${sign}${shiftPoint(p.digits, p.exp)}`;
  return formatScientific(n, digits);
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Exponent as superscript characters, with ⁻ for negative exponents. */
export function toSuperscript(exp: number): string {
  const text = String(exp);
  let out = '';
  for (const ch of text) out += ch === '-' ? '⁻' : SUPERSCRIPTS[Number(ch)];
  return out;
}

/**
 * `3.1 × 10²³` for the report. Unlike formatScientific it keeps trailing zeros (`3.0 × 10²³`),
 * since in a table the number of digits shown is a statement of precision. Uses U+2212 for a
 * negative mantissa. parseNumber reads the result back.
 */
export function formatFlopUnicode(n: number, digits = 2): string {
  assertFinite(n, 'formatFlopUnicode');
  assertDigits(digits, 'formatFlopUnicode');
  if (n === 0) return '0';
  const [mant, exp] = n.toExponential(digits - 1).split('e');
  return `${mant.replace('-', '\u2212')} × 10${toSuperscript(Number(exp))}`;
}

/**
 * Plain text for moderate magnitudes (`3640`, `0.5`), scientific otherwise; used to write
 * human-readable formulas. Exact: uses the shortest round-tripping digits.
 */
export function formatPlain(n: number): string {
  assertFinite(n, 'formatPlain');
  const abs = Math.abs(n);
  return n === 0 || (abs >= 1e-3 && abs < 1e6) ? String(n) : formatScientific(n);
}
