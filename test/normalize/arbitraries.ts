/**
 * Shared fast-check arbitraries and assertions for the normalize parser tests: arbitrary and
 * near-valid strings, and the contract "return a valid result or throw ParseError, nothing else".
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ParseError } from '../../pipeline/errors.ts';

/** Characters that appear in valid cells, so mutations stay near the accepted grammar. */
const NEAR_CHARS = [...'0123456789.,eE+-−×xX*·⋅^⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ kKmMbBgGtT/_hdswyo\t\u00a0', '10^', 'days', 'e+'];

type Mutation = (s: string, pos: number, extra: string) => string;
const MUTATIONS: Mutation[] = [
  (s, p, x) => s.slice(0, p) + x + s.slice(p), // insert
  (s, p) => s.slice(0, p) + s.slice(p + 1), // delete
  (s, p, x) => s.slice(0, p) + x + s.slice(p + 1), // replace
  (s, p) => s.slice(0, p) + s.slice(p, p + 2) + s.slice(p), // duplicate
  (s) => s + s, // repeat
  (s, p) => s.slice(p) + s.slice(0, p), // rotate
];

/** Valid samples with 1–4 random edits (insert, delete, replace, duplicate, repeat, rotate). */
export function nearValid(samples: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), fc.nat(), fc.constantFrom(...NEAR_CHARS));
  return fc.tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([sample, edits]) =>
    edits.reduce((s, [m, p, x]) => MUTATIONS[m](s, s.length === 0 ? 0 : p % (s.length + 1), x), sample),
  );
}

/** Every kind of string the parsers must survive: ASCII, full Unicode (incl. lone surrogates), graphemes, near-valid. */
export function anyCell(samples: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom(...NEAR_CHARS) }),
    fc.constantFrom(...samples),
    nearValid(samples),
  );
}

/** Runs fn; it must either return something `check` accepts or throw a well-formed ParseError. */
export function returnsOrThrowsParseError<T>(fn: () => T, check: (result: T) => void): void {
  let result: T;
  try {
    result = fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    const e = error as ParseError;
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(typeof e.text).toBe('string');
    expect(e.expected.length).toBeGreaterThan(0);
    return;
  }
  check(result);
}

/** The ParseError fn throws (fails the test if it returns or throws something else). */
export function parseErrorOf(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return error as ParseError;
  }
  throw new Error('expected a ParseError, but the call returned');
}

/** |a − b| ≤ tol·max(|a|, |b|), with exact equality required at 0. */
export function closeRelative(a: number, b: number, tol: number): boolean {
  return a === b || Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
}

/** Random case and separator variants of a unit spelling: `GPU-hours` → `gpu hours`, `Gpu_Hours`. */
export function spellingVariant(spelling: string): fc.Arbitrary<string> {
  return fc.tuple(fc.array(fc.boolean(), { minLength: spelling.length, maxLength: spelling.length }), fc.constantFrom('-', ' ', '_', ' - '), fc.constantFrom('', ' ', '  '))
    .map(([upper, sep, pad]) => pad + [...spelling].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('').replace(/-/g, sep) + pad);
}

/** Finite doubles, no -0 (formatters print it as 0, which is the intended reading). */
export const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));
/** Non-negative finite doubles in the normal range, where relative tolerances are meaningful. */
// Capped below MAX_VALUE: rounding 1.79e308 to 1 digit gives 2e308, which no parser can read back.
export const positiveNormal = fc.double({ min: 2.3e-308, max: 1e300, noNaN: true });
