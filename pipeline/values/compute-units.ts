/**
 * Units of the training_compute_unit column, their accepted spellings and conversion constants.
 * Kept apart from parseCompute (pipeline/normalize/compute.ts) so docs can print the table without
 * the parser, and ingest can check a unit cell without the normalize stage.
 */

/** One petaflop/s sustained for one day: 1e15 FLOP/s × 86 400 s. */
export const PFS_DAY_FLOP = 1e15 * 86_400; // 8.64e19
/** One teraflop/s sustained for one day: 1e12 FLOP/s × 86 400 s. */
export const TFS_DAY_FLOP = 1e12 * 86_400; // 8.64e16
export const SECONDS_PER_DAY = 86_400;
export const HOURS_PER_DAY = 24;

/** Canonical units whose values convert to FLOP here. */
export type FlopUnit = 'FLOP' | 'pf/s-days' | 'tf/s-days' | 'FLOP/s × s';
/** Canonical units of accelerator time; converted to FLOP by the impute stage, not here. */
export type AcceleratorUnit = 'accelerator-hours' | 'core-hours';
/** Which kind of device an accelerator-time unit names; lets impute cross-check the hardware column. */
export type Device = 'gpu' | 'tpu' | 'unspecified';

export interface FlopUnitInfo {
  kind: 'flop';
  unit: FlopUnit;
  /** FLOP per unit of value. */
  factor: number;
  /** How `formula` names one unit, e.g. "pf/s-day". */
  singular: string;
  spellings: readonly string[];
}

export interface AcceleratorUnitInfo {
  kind: 'accelerator-time';
  unit: AcceleratorUnit;
  /** Hours per unit of value: 1 for *-hours, 24 for *-days. */
  hoursPer: number;
  /** True when the count is of TPU cores rather than whole chips/GPUs. */
  perCore: boolean;
  device: Device;
  spellings: readonly string[];
}

export type ComputeUnitInfo = FlopUnitInfo | AcceleratorUnitInfo;

/**
 * Accepted spellings, grouped by meaning. Matching is case-insensitive and also tolerates:
 * spaces, hyphens and underscores anywhere (`GPU hours` = `GPU-hours` = `gpu_hours`), plural or
 * singular day/hour/second/flop (`pf/s-day` = `pf/s-days`, `FLOPs` = `FLOP`), and any of
 * × x * · ⋅ as the multiplication sign in `FLOP/s × s`. The lists show the canonical forms.
 *
 * Deliberately absent: bare `TPU-hours`/`TPU-days` (a "TPU" is a core, a chip or a 4-chip board
 * depending on the source, a factor of up to 8), `core-hours` (CPU or TPU?), and `PFLOPS`-style
 * rates without a time, which are not amounts of compute.
 */
export const COMPUTE_UNITS: readonly ComputeUnitInfo[] = [
  { kind: 'flop', unit: 'FLOP', factor: 1, singular: 'FLOP', spellings: ['FLOP', 'FLOPs', 'FLOPS', 'flop'] },
  {
    kind: 'flop',
    unit: 'pf/s-days',
    factor: PFS_DAY_FLOP,
    singular: 'pf/s-day',
    spellings: [
      'pf/s-days', 'pf/s-day', 'PF-days', 'PF-day', 'pfs-days', 'pfs-day', 'petaflop/s-days', 'petaflop/s-day',
      'petaflops-days', 'petaflop-days', 'PFLOP/s-days', 'PFLOPS-days',
    ],
  },
  {
    kind: 'flop',
    unit: 'tf/s-days',
    factor: TFS_DAY_FLOP,
    singular: 'tf/s-day',
    spellings: [
      'tf/s-days', 'tf/s-day', 'TF-days', 'TF-day', 'tfs-days', 'tfs-day', 'teraflop/s-days', 'teraflop/s-day',
      'teraflops-days', 'teraflop-days', 'TFLOP/s-days', 'TFLOPS-days',
    ],
  },
  {
    kind: 'flop',
    unit: 'FLOP/s × s',
    factor: 1,
    singular: 'FLOP/s × s',
    spellings: ['FLOP/s × s', 'FLOP/s x s', 'FLOP/s * s', 'FLOP/s · s', 'FLOP/s × seconds', 'FLOPS × s'],
  },
  ...accelerator('accelerator-hours', false, 'gpu', ['GPU-hours', 'GPU-days']),
  ...accelerator('core-hours', true, 'tpu', ['TPU-core-hours', 'TPU-core-days']),
  ...accelerator('accelerator-hours', false, 'tpu', ['TPU-chip-hours', 'TPU-chip-days']),
  ...accelerator('accelerator-hours', false, 'unspecified', ['chip-hours', 'chip-days']),
  ...accelerator('accelerator-hours', false, 'unspecified', ['accelerator-hours', 'accelerator-days']),
];

/** Splits [hours spelling, days spelling] into two entries that differ only in hoursPer. */
function accelerator(
  unit: AcceleratorUnit,
  perCore: boolean,
  device: Device,
  [hours, days]: readonly [string, string],
): AcceleratorUnitInfo[] {
  return [
    { kind: 'accelerator-time', unit, hoursPer: 1, perCore, device, spellings: [hours] },
    { kind: 'accelerator-time', unit, hoursPer: HOURS_PER_DAY, perCore, device, spellings: [days] },
  ];
}

/**
 * Folds a unit spelling to a lookup key: NFKC, lower case, any of × * · ⋅ (or a standalone x) → ×,
 * plural day/hour/second/flop → singular, then spaces, hyphens and underscores dropped.
 */
export function unitKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*[×*·⋅]\s*|\s+x\s+/g, '×')
    // Lookahead rather than \b, which does not fire before "_" (a word character).
    .replace(/(day|hour|second|flop)s(?![a-z])/g, '$1')
    .replace(/[\s_-]+/g, '');
}

const BY_KEY = new Map<string, ComputeUnitInfo>();
for (const info of COMPUTE_UNITS) for (const spelling of info.spellings) BY_KEY.set(unitKey(spelling), info);

/**
 * Spellings already looked up: a file writes its few units over and over, and unitKey (NFKC and
 * three regex replacements) was a noticeable share of normalizing a million records. Bounded, so
 * a file of a million distinct bad units cannot grow it without limit; null caches "unknown".
 */
const LOOKED_UP = new Map<string, ComputeUnitInfo | null>();
const MAX_LOOKED_UP = 1024;

/** The unit a spelling names, or undefined. */
export function lookupComputeUnit(text: string): ComputeUnitInfo | undefined {
  const seen = LOOKED_UP.get(text);
  if (seen !== undefined) return seen ?? undefined;
  const info = BY_KEY.get(unitKey(text));
  if (LOOKED_UP.size < MAX_LOOKED_UP) LOOKED_UP.set(text, info ?? null);
  return info;
}

/** All canonical spellings, for docs. */
export const ACCEPTED_COMPUTE_UNITS: readonly string[] = COMPUTE_UNITS.flatMap((u) => u.spellings);

/**
 * The spellings grouped by canonical unit, one line each, for error messages and docs, e.g.
 * "pf/s-days (× 8.64e19 FLOP): pf/s-days, pf/s-day, …" and
 * "accelerator-hours (*-days × 24): GPU-hours, GPU-days, …".
 */
export function describeComputeUnits(): string[] {
  const groups = new Map<string, string[]>();
  for (const u of COMPUTE_UNITS) {
    const label = u.kind === 'accelerator-time'
      ? `${u.unit} (*-days × 24)`
      : u.factor === 1 ? u.unit : `${u.unit} (× ${u.factor.toExponential().replace('+', '')} FLOP)`;
    groups.set(label, [...(groups.get(label) ?? []), ...u.spellings]);
  }
  return [...groups].map(([label, spellings]) => `${label}: ${spellings.join(', ')}`);
}
