/**
 * parseCompute: the training_compute value and training_compute_unit cells → FLOP, or an amount
 * of accelerator time left for the impute stage (which knows peak FLOP/s and utilization).
 *
 * Value syntax: any parseSize form (`3.14e23`, `3.14 × 10^23`, `3,640`, `1.2 million`), except for
 * the unit `FLOP/s × s`, whose value must be written `<FLOP/s> × <seconds>` with two parseNumber
 * forms, e.g. `1.2e15 × 86400` or `3 × 10^15 × 3600` (any of × x * · ⋅ as the separator). That
 * unit exists so a source's "X FLOP/s for Y seconds" can be entered as written and the product
 * computed here, visibly, rather than by hand.
 */
import { ParseError } from '../errors.ts';
import { messages } from '../messages.ts';
import {
  describeComputeUnits,
  lookupComputeUnit,
  type AcceleratorUnit,
  type Device,
  type FlopUnit,
  type FlopUnitInfo,
} from '../values/compute-units.ts';
import { formatPlain } from '../values/format.ts';
import { parseSize, tryParseNumber, SIZE_EXPECTED } from '../values/numbers.ts';

export interface FlopCompute {
  kind: 'flop';
  /** Training compute in FLOP. */
  flop: number;
  /** The value as written, in `unit` (for `FLOP/s × s`: the product rate × seconds). */
  quantity: number;
  unit: FlopUnit;
  /** FLOP per unit: 1, PFS_DAY_FLOP or TFS_DAY_FLOP. */
  factor: number;
  /** For `FLOP/s × s` only: the two factors as written. */
  flopPerSecond?: number;
  seconds?: number;
  /** Human-readable derivation, e.g. "3640 pf/s-days × 8.64e19 FLOP per pf/s-day". */
  formula: string;
}

export interface AcceleratorTime {
  kind: 'accelerator-time';
  /** The value as written, in the unit as written (hours or days). */
  quantity: number;
  unit: AcceleratorUnit;
  /** Device-hours (or core-hours when perCore): quantity × 24 for *-days units. */
  hours: number;
  /** True for TPU-core units: hours count cores, not chips. */
  perCore: boolean;
  device: Device;
  formula: string;
}

export type ParsedCompute = FlopCompute | AcceleratorTime;

const UNIT_EXPECTED = messages.cell.computeUnitExpected(describeComputeUnits());
const RATE_TIMES_SECONDS_EXPECTED = messages.cell.rateTimesSecondsExpected;

/**
 * Splits `<rate> × <seconds>` at each multiplication sign in turn until both sides parse.
 * A plain split would break `3 × 10^15 × 3600` inside the first number. Where two splits both
 * parse, they only differ in grouping, so the product is the same.
 */
function parseRateTimesSeconds(text: string): { rate: number; seconds: number } | undefined {
  const separator = /[×xX*·⋅]/g;
  for (let m = separator.exec(text); m !== null; m = separator.exec(text)) {
    const rate = tryParseNumber(text.slice(0, m.index));
    const seconds = tryParseNumber(text.slice(m.index + 1));
    if (rate !== undefined && seconds !== undefined) return { rate, seconds };
  }
  return undefined;
}

/** -0 counts: a minus sign in a compute cell is a data error whatever number follows it. */
function isNegative(n: number): boolean {
  return n < 0 || Object.is(n, -0);
}

function checkFinite(value: number, valueText: string, unitText: string): number {
  if (!Number.isFinite(value)) {
    throw new ParseError(messages.cell.computeOverflows(valueText.trim(), unitText.trim()), valueText, messages.cell.finiteComputeExpected);
  }
  return value;
}

/** The same for every record of a unit: "pf/s-days × 8.64e19 FLOP per pf/s-day". */
const PER_UNIT = new Map<FlopUnitInfo, string>();
function perUnit(info: FlopUnitInfo): string {
  let text = PER_UNIT.get(info);
  if (text === undefined) PER_UNIT.set(info, (text = `${info.unit} × ${formatPlain(info.factor)} FLOP per ${info.singular}`));
  return text;
}

/**
 * Parses a compute value and its unit. Throws ParseError for an empty or unknown unit (the
 * `expected` lists every accepted spelling), a value that is not a non-negative number, and a
 * product that overflows. An empty unit is an error here: defaulting it is the stage's call.
 */
export function parseCompute(valueText: string, unitText: string): ParsedCompute {
  const info = lookupComputeUnit(unitText);
  if (info === undefined) {
    const message = unitText.trim() === '' ? messages.cell.emptyComputeUnit : messages.cell.unknownComputeUnit(unitText.trim());
    throw new ParseError(message, unitText, UNIT_EXPECTED);
  }
  if (info.kind === 'flop' && info.unit === 'FLOP/s × s') {
    const parts = parseRateTimesSeconds(valueText);
    if (parts === undefined || isNegative(parts.rate) || isNegative(parts.seconds)) {
      throw new ParseError(messages.cell.notRateTimesSeconds(valueText.trim()), valueText, RATE_TIMES_SECONDS_EXPECTED);
    }
    const flop = checkFinite(parts.rate * parts.seconds, valueText, unitText);
    return {
      kind: 'flop',
      flop,
      quantity: flop,
      unit: info.unit,
      factor: 1,
      flopPerSecond: parts.rate,
      seconds: parts.seconds,
      formula: `${formatPlain(parts.rate)} FLOP/s × ${formatPlain(parts.seconds)} s`,
    };
  }
  let quantity: number;
  try {
    quantity = parseSize(valueText);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    throw new ParseError(messages.cell.computeValue(error.message, unitText.trim()), valueText, SIZE_EXPECTED);
  }
  if (info.kind === 'flop') {
    const flop = checkFinite(quantity * info.factor, valueText, unitText);
    const formula = info.factor === 1 ? `${formatPlain(quantity)} FLOP` : `${formatPlain(quantity)} ${perUnit(info)}`;
    return { kind: 'flop', flop, quantity, unit: info.unit, factor: info.factor, formula };
  }
  const hours = checkFinite(quantity * info.hoursPer, valueText, unitText);
  const named = info.spellings[0];
  const formula = info.hoursPer === 1
    ? `${formatPlain(quantity)} ${named}`
    : `${formatPlain(quantity)} ${named} × ${info.hoursPer} h/day = ${formatPlain(hours)} ${info.unit}`;
  return { kind: 'accelerator-time', quantity, unit: info.unit, hours, perCore: info.perCore, device: info.device, formula };
}
