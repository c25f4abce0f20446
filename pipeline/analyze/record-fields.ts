/**
 * What the trend analyses read from a record beyond its compute, derived in one place so that the
 * analysis table (table.ts) and the charts that plot the same systems agree: accelerator count in
 * chips, chip-hours, the developers' sector and countries. Whether the weights are open is the
 * record's own field (read from an export's accessibility text by the adapter, adapters/epoch.ts).
 */
import type { CostBasis, HardwareSpec, NormalizedRecord, ProcessedRecord } from '../schema/records.ts';

/** Cores per chip by accelerator id, for counts given in TPU cores. */
export type CoresPerChip = (hardwareId: string) => number | undefined;

export function coresPerChipOf(hardware: readonly HardwareSpec[]): CoresPerChip {
  const byId = new Map(hardware.map((h) => [h.id, h.coresPerChip]));
  return (id) => byId.get(id);
}

/**
 * Accelerators in chips: the stated count, divided by the accelerator's cores per chip when the
 * record counts TPU cores (null when that accelerator is unknown: a count in cores of an unknown
 * chip cannot be turned into chips).
 */
export function chipCount(r: Pick<NormalizedRecord, 'hardwareCount' | 'hardwareCountIsCores' | 'hardware'>, cores: CoresPerChip): number | null {
  if (r.hardwareCount === null || !(r.hardwareCount > 0)) return null;
  if (!r.hardwareCountIsCores) return r.hardwareCount;
  const perChip = r.hardware === null ? undefined : cores(r.hardware);
  return perChip && perChip > 0 ? r.hardwareCount / perChip : null;
}

/** How a chip-hours value was obtained: stated by the source, or chips × training hours. */
export type ChipHoursKind = 'stated' | 'chips-times-hours';

/**
 * Chip-hours of the run: the stated value when the record has one (an upstream's "Training
 * chip-hours"), preferred; derived as chips × hours only when none is stated and both are known.
 */
export function chipHours(r: NormalizedRecord, cores: CoresPerChip): { value: number; kind: ChipHoursKind } | null {
  if (r.chipHours !== null && r.chipHours > 0) return { value: r.chipHours, kind: 'stated' };
  const chips = chipCount(r, cores);
  return chips !== null && r.trainingTimeHours !== null && r.trainingTimeHours > 0 ? { value: chips * r.trainingTimeHours, kind: 'chips-times-hours' } : null;
}

/**
 * Who developed a system, from the kinds of its organizations: industry alone, academia alone,
 * both (a collaboration), or any other mix (government, research collectives).
 */
export const SECTORS = ['industry', 'academia', 'collaboration', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  industry: 'Industry',
  academia: 'Academia',
  collaboration: 'Industry–academia collaboration',
  other: 'Government, research collective or other',
};

/** A record's list field as written ("A; B": the adapter splits Epoch AI's "A,B" and joins it so), distinct, in order. */
export function listOf(text: string | null): string[] {
  if (text === null) return [];
  return [...new Set(text.split(';').map((p) => p.trim()).filter((p) => p !== ''))];
}

export function sectorOf(category: string | null): Sector | null {
  const kinds = listOf(category).map((k) => k.toLowerCase());
  if (kinds.length === 0) return null;
  // Epoch AI's older exports name the collaboration itself.
  if (kinds.some((k) => k.includes('collaboration'))) return 'collaboration';
  const industry = kinds.includes('industry');
  const academia = kinds.includes('academia');
  if (industry && academia) return 'collaboration';
  if (kinds.every((k) => k === 'industry')) return 'industry';
  if (kinds.every((k) => k === 'academia')) return 'academia';
  return 'other';
}

/** "Multinational" in Epoch AI's country list marks an organization without one country. */
const NOT_A_COUNTRY = 'Multinational';
export const SEVERAL_COUNTRIES = 'Several countries';

/** The developers' countries, as written, without "Multinational". */
export function countriesOf(text: string | null): string[] {
  return listOf(text).filter((c) => c !== NOT_A_COUNTRY);
}

/**
 * One country per system, so that counts by country add up to the systems: the country when its
 * developers name one, "Several countries" when they name more, "Multinational" when that is all
 * they name; null when unknown.
 */
export function primaryCountry(text: string | null): string | null {
  const all = listOf(text);
  if (all.length === 0) return null;
  const countries = all.filter((c) => c !== NOT_A_COUNTRY);
  if (countries.length === 0) return NOT_A_COUNTRY;
  return countries.length === 1 ? countries[0] : SEVERAL_COUNTRIES;
}

/**
 * A record's training cost on one basis, as stated (null when it states none on that basis): the
 * upfront figure is its own field, stated also when trainingCost holds the cloud one.
 */
export function costOn(r: Pick<NormalizedRecord, 'trainingCost' | 'trainingCostUpfront'>, basis: CostBasis): number | null {
  if (basis === 'upfront' && r.trainingCostUpfront !== null && r.trainingCostUpfront > 0) return r.trainingCostUpfront;
  return r.trainingCost !== null && r.trainingCost.basis === basis && r.trainingCost.value > 0 ? r.trainingCost.value : null;
}

/** The compute range a threshold count uses: the upstream's stated bounds when both are given, else the value's uncertainty range. */
export function computeRange(r: Pick<ProcessedRecord, 'computeBounds' | 'flopLow' | 'flopHigh'>): [number, number] | null {
  const b = r.computeBounds;
  if (b && b.low !== null && b.high !== null && b.low > 0 && b.high >= b.low) return [b.low, b.high];
  return r.flopLow !== null && r.flopHigh !== null ? [r.flopLow, r.flopHigh] : null;
}
