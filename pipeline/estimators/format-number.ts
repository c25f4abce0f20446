/** Numbers in imputation formulas: plain for moderate magnitudes, 4 significant digits otherwise. */
import { formatPlain, formatScientific } from '../values/format.ts';

/**
 * formatPlain(Number(n.toPrecision(6))) from 1e-3 to 1e6, else formatScientific(n, 4), cut from
 * toPrecision's and toExponential's own text: called for every number of every formula, the round
 * trip through a double and the general formatter cost more than the rest of the formula
 * (test/estimators/format-number.test.ts checks the equivalence over random doubles).
 */
export function formulaNumber(n: number): string {
  const abs = Math.abs(n);
  // From 1e-3 to below 999999.5, toPrecision(6) writes fixed notation with at most 6 significant
  // digits, and String writes the double those digits read back as with the same digits (no two
  // decimals of 15 digits or fewer share a double), less the trailing zeros.
  if (abs >= 1e-3 && abs < 999999.5) return withoutTrailingZeros(n.toPrecision(6));
  if (abs >= 1e-3 && abs < 1e6) return formatPlain(Number(n.toPrecision(6)));
  // Zero and non-finite numbers: formatScientific's own answer ('0', or its RangeError).
  if (n === 0 || !(abs < Infinity)) return formatScientific(n, 4);
  return scientific4(n);
}

/** formatScientific(n, 4) for finite n ≠ 0: `1.235e+21` → `1.235e21`, `-1.000e-5` → `-1e-5`. */
function scientific4(n: number): string {
  const text = n.toExponential(3);
  const e = text.indexOf('e');
  const exp = text.charCodeAt(e + 1) === 43 ? text.slice(e + 2) : text.slice(e + 1);
  return `${withoutTrailingZeros(text.slice(0, e))}e${exp}`;
}

/** `1.2300` → `1.23`, `5.000` → `5`, `120` → `120`: a fraction's trailing zeros, and a bare point. */
function withoutTrailingZeros(text: string): string {
  if (text.indexOf('.') === -1) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return end === text.length ? text : text.slice(0, end);
}
