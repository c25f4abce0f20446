/**
 * Applies the plausibility bounds (pipeline/schema/bounds.ts) to one value: null when it is within
 * the usual range, else a verdict — an error outside the possible range, a warning outside the
 * usual one — with the message and the range expected, in the same words everywhere (curated
 * cells, hardware peaks, assumptions, upstream exports, imputed estimates).
 */
import { grouped, messages } from '../messages.ts';
import { BOUND_USES, BOUNDS, type Bound, type BoundName } from '../schema/bounds.ts';

export interface Verdict {
  level: 'error' | 'warning';
  message: string;
  expected: string;
}

/** A limit or value in messages: 1e29, 0.01, 87,600, 191,400, 2.778e-4. */
export function formatLimit(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e7) return grouped(n);
  if (abs >= 1e5 || abs < 1e-2) {
    const [mantissa, exponent] = n.toExponential().split('e');
    return `${Number(Number(mantissa).toPrecision(4))}e${Number(exponent)}`;
  }
  return String(Number(n.toPrecision(6)));
}

/** The possible range of a bound, with its reason: the "expected" of every problem about it. */
export function boundRange(bound: Bound): string {
  const whole = bound.integer ? 'a whole number from ' : '';
  return `${whole}${formatLimit(bound.min)} to ${formatLimit(bound.max)} ${bound.unit} (${bound.reason})`;
}

/**
 * The verdict on `value` for the bound `name`; `label` names the value in the message (a column,
 * an assumption's path). NaN and ±Infinity are outside every range.
 */
export function judge(name: BoundName, value: number, label: string): Verdict | null {
  const bound: Bound = BOUNDS[name];
  // The usual case first, building no string: this runs for every number of every record.
  if (value >= (bound.warnMin ?? bound.min) && value <= (bound.warnMax ?? bound.max) && (!bound.integer || Number.isInteger(value))) return null;
  const shown = formatLimit(value);
  const expected = boundRange(bound);
  if (!(value >= bound.min)) return { level: 'error', message: messages.outOfBounds(label, shown, 'below', formatLimit(bound.min), bound.unit), expected };
  if (!(value <= bound.max)) return { level: 'error', message: messages.outOfBounds(label, shown, 'above', formatLimit(bound.max), bound.unit), expected };
  if (bound.integer && !Number.isInteger(value)) return { level: 'error', message: messages.notWhole(label, shown, bound.unit), expected };
  if (bound.warnMin !== undefined && value < bound.warnMin) {
    return { level: 'warning', message: messages.unusualValue(label, shown, 'below', formatLimit(bound.warnMin), bound.unit), expected: usualRange(bound) };
  }
  if (bound.warnMax !== undefined && value > bound.warnMax) {
    return { level: 'warning', message: messages.unusualValue(label, shown, 'above', formatLimit(bound.warnMax), bound.unit), expected: usualRange(bound) };
  }
  return null;
}

function usualRange(bound: Bound): string {
  return `${formatLimit(bound.warnMin ?? bound.min)} to ${formatLimit(bound.warnMax ?? bound.max)} ${bound.unit} (${bound.reason})`;
}

/** Whether `value` is possible at all (within [min, max], whole where it must be): warnings aside. */
export function possible(name: BoundName, value: number): boolean {
  const bound: Bound = BOUNDS[name];
  return value >= bound.min && value <= bound.max && (!bound.integer || Number.isInteger(value));
}

/** The bounds as the Markdown table of data/raw/README.md ("Plausibility bounds"); a test keeps the two equal. */
export function boundsMarkdown(): string {
  const rows = (Object.keys(BOUNDS) as BoundName[]).map((name) => {
    const b: Bound = BOUNDS[name];
    const usual = b.warnMin === undefined && b.warnMax === undefined ? 'the whole possible range' : `${formatLimit(b.warnMin ?? b.min)} to ${formatLimit(b.warnMax ?? b.max)}`;
    return `| ${BOUND_USES[name]} | ${formatLimit(b.min)} to ${formatLimit(b.max)} ${b.unit}${b.integer ? ', whole' : ''} | ${usual} | ${b.reason} |`;
  });
  return ['| value | possible (an error outside) | usual (a warning outside) | why |', '|---|---|---|---|', ...rows].join('\n');
}
