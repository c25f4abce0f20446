/**
 * What the trend analyses read from a record beyond its compute, derived in one place so that the
 * analysis table (table.ts) and the charts that plot the same systems agree: accelerator count in
 * chips, chip-hours, the developers' sector and countries, and whether the weights are open.
 * Fields an upstream export carries and the curated records do not are optional on the record;
 * absent, they read as null.
 */
import type { HardwareSpec, NormalizedRecord } from '../schema/records.ts';

/** Cores per chip by accelerator id, for counts given in TPU cores. */
export type CoresPerChip = (hardwareId: string) => number | undefined;

export function coresPerChipOf(hardware: readonly HardwareSpec[] | undefined): CoresPerChip {
  const byId = new Map((hardware ?? []).map((h) => [h.id, h.coresPerChip]));
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

/** Chip-hours of the run: stated when the record has them, else chips × hours when both are known. */
export function chipHours(r: NormalizedRecord, cores: CoresPerChip): { value: number; kind: ChipHoursKind } | null {
  if (r.chipHours != null && r.chipHours > 0) return { value: r.chipHours, kind: 'stated' };
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

/** A list written "A; B" (the data helper's joins) or "A,B" (Epoch AI's export), distinct, in order. */
export function listOf(text: string | null | undefined): string[] {
  if (text == null) return [];
  const parts = text.split(text.includes(';') ? ';' : ',').map((p) => p.trim()).filter((p) => p !== '');
  return [...new Set(parts)];
}

export function sectorOf(category: string | null | undefined): Sector | null {
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
export function countriesOf(text: string | null | undefined): string[] {
  return listOf(text).filter((c) => c !== NOT_A_COUNTRY);
}

/**
 * One country per system, so that counts by country add up to the systems: the country when its
 * developers name one, "Several countries" when they name more, "Multinational" when that is all
 * they name; null when unknown.
 */
export function primaryCountry(text: string | null | undefined): string | null {
  const all = listOf(text);
  if (all.length === 0) return null;
  const countries = all.filter((c) => c !== NOT_A_COUNTRY);
  if (countries.length === 0) return NOT_A_COUNTRY;
  return countries.length === 1 ? countries[0] : SEVERAL_COUNTRIES;
}

/**
 * Whether the weights are open: the record's flag, else read from the accessibility text: "Open
 * weights (...)" (Epoch AI's exports from late 2024) and "Open access (...)" (earlier ones) open;
 * "API access", "Hosted access", "Unreleased" closed; null when unknown.
 */
export function openWeightsOf(r: Pick<NormalizedRecord, 'openWeights' | 'accessibility'>): boolean | null {
  if (r.openWeights === true || r.openWeights === false) return r.openWeights;
  const text = (r.accessibility ?? '').trim().toLowerCase();
  if (text === '') return null;
  if (text.startsWith('open weights') || text.startsWith('open access') || text.startsWith('open source')) return true;
  if (text.startsWith('api access') || text.startsWith('hosted access') || text.startsWith('unreleased')) return false;
  return null;
}

/** The compute range a threshold count uses: the upstream's stated bounds when both are given, else the value's uncertainty range. */
export function computeRange(r: { computeBounds?: { low: number | null; high: number | null } | null; flopLow: number | null; flopHigh: number | null }): [number, number] | null {
  const b = r.computeBounds;
  if (b && b.low !== null && b.high !== null && b.low > 0 && b.high >= b.low) return [b.low, b.high];
  return r.flopLow !== null && r.flopHigh !== null ? [r.flopLow, r.flopHigh] : null;
}
