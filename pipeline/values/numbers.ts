/**
 * Pure number parsers for cells of data/raw/*.csv: plain and scientific numbers (parseNumber)
 * and counts with magnitude suffixes (parseSize). They throw ParseError and nothing else;
 * the normalize stage adds the file/line/column.
 *
 * Values are built by handing a decimal string `<digits>e<exp>` to Number(), never by
 * multiplying floats, so `3.14 × 10^23` and `3.14e23` (and `6.7 billion` and `6.7e9`) give
 * the correctly rounded double — bit-identical to the literal, which the round-trip tests rely on.
 */
import { ParseError } from '../errors.ts';
import { messages } from '../messages.ts';

/** Digits with optional comma thousands separators (only complete groups of three), optional fraction. */
const DECIMAL_SOURCE = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;

const SIGN = '[+\\-\u2212]';
/** ×, x, X, *, · (middle dot), ⋅ (dot operator): the ways people write "times ten to the". */
const TIMES_SOURCE = '[\u00d7xX*\u00b7\u22c5]';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const POWER = String.raw`10(?:\s*\^\s*(${SIGN}?\d+)|([⁺⁻]?[${SUPERSCRIPT_DIGITS}]+))`;

const NUMBER_RE = new RegExp(
  `^(${SIGN})?(?:(${DECIMAL_SOURCE})(?:[eE](${SIGN}?\\d+)|\\s*${TIMES_SOURCE}\\s*${POWER})?|${POWER})$`,
);

export const NUMBER_EXPECTED = messages.cell.numberExpected;

/** U+2212 MINUS SIGN is what typeset sources (and formatFlopUnicode) use for negative numbers. */
function asciiSign(sign: string | undefined): string {
  return sign === '\u2212' ? '-' : (sign ?? '');
}

function fromSuperscript(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '⁻') out += '-';
    else if (ch === '⁺') out += '+';
    else out += String(SUPERSCRIPT_DIGITS.indexOf(ch));
  }
  return out;
}

const COMMAS = /,/g;

/** Correctly rounded value of sign·mantissa·10^exponent (all decimal strings). */
function decimalValue(sign: string | undefined, mantissa: string, exponent: string): number {
  // The replacements only when needed: most values have no thousands separator and no U+2212,
  // which can only be an exponent's first character.
  const digits = mantissa.includes(',') ? mantissa.replace(COMMAS, '') : mantissa;
  const power = exponent.charCodeAt(0) === 0x2212 ? `-${exponent.slice(1)}` : exponent;
  return Number(`${asciiSign(sign)}${digits}e${power}`);
}

/**
 * Digits, an optional fraction and an optional e exponent, nothing around them: the form of most
 * cells, which Number() reads as decimalValue would (both round the same decimal correctly), so
 * such a cell skips NUMBER_RE's groups and the string decimalValue builds.
 */
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The value of a PLAIN_DECIMAL text; undefined when it is not finite. */
function plainValue(text: string): number | undefined {
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** parseNumber without the throwing: undefined when the text is not a finite number. */
export function tryParseNumber(text: string): number | undefined {
  if (PLAIN_DECIMAL.test(text)) return plainValue(text);
  const m = NUMBER_RE.exec(text.trim());
  if (!m) return undefined;
  // Indexed, not destructured: array destructuring goes through the iterator protocol, per cell.
  const sign = m[1], mantissa = m[2], e = m[3], caret = m[4], sup = m[5], caret2 = m[6], sup2 = m[7];
  const exponent = e ?? caret ?? caret2 ?? (sup !== undefined ? fromSuperscript(sup) : undefined) ??
    (sup2 !== undefined ? fromSuperscript(sup2) : '0');
  const value = decimalValue(sign, mantissa ?? '1', exponent);
  return Number.isFinite(value) ? value : undefined;
}

/** Picks the most useful message for a cell that did not parse as a number. */
function numberProblem(text: string): string {
  const t = text.trim();
  if (t === '') return messages.cell.empty('number');
  if (/^[+\-\u2212]?(?:nan|inf(?:inity)?)$/i.test(t)) return messages.cell.notFinite(t);
  if (/^[+\-\u2212]?0x/i.test(t)) return messages.cell.hexadecimal(t);
  if (t.includes(',') && tryParseNumber(t.replace(/,/g, '')) !== undefined) {
    return messages.cell.misplacedCommas(t);
  }
  if (NUMBER_RE.test(t)) return messages.cell.numberOverflows(t);
  return messages.cell.notANumber(t);
}

/**
 * Parses one number: plain (`70000000000.0`, `1,500,000`) or scientific (`3.14e23`, `3.14E+23`,
 * `3.14 × 10^23`, `3.14x10^23`, `3.14*10^23`, `3.14·10^23`, `3.1 × 10²³`, `10^23`). Surrounding
 * whitespace is ignored. A leading sign (+, -, −) is allowed: range checks belong to the caller.
 */
export function parseNumber(text: string): number {
  const value = tryParseNumber(text);
  if (value === undefined) throw new ParseError(numberProblem(text), text, NUMBER_EXPECTED);
  return value;
}

/**
 * Magnitude suffixes for counts of parameters, tokens, etc. Short scale throughout:
 * B means billion (1e9), not byte. Single letters are case-insensitive (`60k`, `13b`) because
 * in a count column a lowercase m can only mean million, never milli.
 */
export const SIZE_SUFFIXES: Readonly<Record<string, number>> = {
  k: 3,
  thousand: 3,
  m: 6,
  million: 6,
  b: 9,
  bn: 9,
  g: 9,
  billion: 9,
  t: 12,
  trillion: 12,
};

const SIZE_RE = new RegExp(`^(${SIGN})?(${DECIMAL_SOURCE})\\s*([a-zA-Z]+)$`);

export const SIZE_EXPECTED = messages.cell.sizeExpected;

/** parseSize without the throwing: the value of a well-formed count, sign and all; undefined otherwise. */
function sizeValue(t: string): number | undefined {
  if (PLAIN_DECIMAL.test(t)) return plainValue(t);
  const m = SIZE_RE.exec(t);
  if (!m) return tryParseNumber(t);
  const suffix = m[3].toLowerCase();
  // hasOwn, not `in`: a cell reading "1 constructor" must not find Object.prototype members.
  if (!Object.hasOwn(SIZE_SUFFIXES, suffix)) return undefined;
  const value = decimalValue(m[1], m[2], String(SIZE_SUFFIXES[suffix]));
  return Number.isFinite(value) ? value : undefined;
}

/** A leading minus (- or U+2212): refused in a count, -0 too, whatever number follows it. */
function startsNegative(t: string): boolean {
  const first = t.charCodeAt(0);
  return first === 0x2d || first === 0x2212;
}

/**
 * Parses a non-negative count: any parseNumber form, or a plain decimal with a magnitude suffix
 * (`175B`, `340M`, `1.4T`, `60k`, `6.7 billion`). Zero is returned as is: whether 0 is plausible
 * for the column is the caller's range check.
 */
export function parseSize(text: string): number {
  const t = text.trim();
  const value = sizeValue(t);
  if (value === undefined) {
    const message = t === '' ? messages.cell.empty('count') : messages.cell.notACount(t);
    throw new ParseError(message, text, SIZE_EXPECTED);
  }
  if (startsNegative(t)) throw new ParseError(messages.cell.negativeCount(t), text, SIZE_EXPECTED);
  return value;
}
