/**
 * How numbers may be written in a data file: decimal digits, an optional fraction, an exponent
 * `e23`/`E+23`, comma thousands separators, and in counts a magnitude word (`175B`, `1.2 million`).
 * Forms the parsers of pipeline/values/numbers.ts also read for other uses (typeset values in
 * reports) are refused in a data file, each with a message that says how to write the value:
 * hexadecimal (`0x1`, which a spreadsheet or YAML would read as 1), `× 10^` notation, a Unicode
 * minus sign (U+2212) and superscript exponents — one spelling per value keeps a cell unambiguous
 * (`2.5272×10^−24` is one mistyped character away from 2.5272e24).
 */
import { tryParseNumber } from '../values/numbers.ts';
import { messages } from '../messages.ts';

/** A character one of the refused forms needs: most cells have none, and one test clears them. */
const MAYBE_NOTATION = /[xX^\u2212\u00b2\u00b3\u00b9\u2070-\u207f\u00d7\u00b7\u22c5*]/;
const HEX = /^[+\-\u2212]?0(?:[xX][0-9a-fA-F]|[bB][01]|[oO][0-7])/;
const POWER = /(?:[\u00d7xX*\u00b7\u22c5]\s*)?10\s*(?:\^|[\u2070\u00b9\u00b2\u00b3\u2074-\u207b])/;
const SUPERSCRIPT = /[\u2070\u00b9\u00b2\u00b3\u2074-\u207f]/;

/** The e-notation spelling of a value written another way, when it can be read. */
function instead(text: string): string {
  const value = tryParseNumber(text);
  return value === undefined ? 'the value with digits and an e exponent, e.g. 2.5e-24' : `"${value.toExponential()}"`;
}

/**
 * The problem with how a number cell is written, or null. `product` allows the `×` of a
 * `<FLOP/s> × <seconds>` value (the unit `FLOP/s × s`), not a power of ten.
 */
export function notationProblem(column: string, text: string, options?: { product?: boolean }): string | null {
  if (!MAYBE_NOTATION.test(text)) return null;
  const t = text.trim();
  if (HEX.test(t)) return messages.numberNotation(column, `"${t}" (hexadecimal, binary or octal)`, 'the value in decimal digits');
  if (POWER.test(t)) return messages.numberNotation(column, `"${t}" (× 10^ notation)`, options?.product ? 'each factor with an e exponent, e.g. 3e15 × 3600' : instead(t));
  if (t.includes('\u2212')) return messages.numberNotation(column, `"${t}" (a Unicode minus sign, U+2212)`, 'an ASCII hyphen-minus, or leave the cell empty');
  if (SUPERSCRIPT.test(t)) return messages.numberNotation(column, `"${t}" (a superscript exponent)`, instead(t));
  return null;
}
