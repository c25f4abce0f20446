/**
 * Hardware method: C = chips × hours × 3600 s/h × peak FLOP/s (at the record's precision, from
 * data/raw/hardware.csv) × utilization. Chip-hours come either from a reported accelerator-time
 * figure (GPU-hours, TPU-core-hours, ...) or from accelerator count × training time.
 * Utilization: the record's reported value, else the domain default, else the global default
 * (data/raw/assumptions.yaml).
 */
import type { Assumptions } from '../ingest/assumptions.ts';
import { formulaNumber as fmt } from './format-number.ts';
import type { FlopEstimate, HardwareSpec, NormalizedRecord } from '../schema/records.ts';
import { valueSource } from './citation.ts';
import { HARDWARE_PROVENANCE } from './pipeline-provenance.ts';

export function utilizationFor(r: NormalizedRecord, a: Assumptions): { value: number; assumption: string | null } {
  if (r.utilization !== null) return { value: r.utilization, assumption: null };
  const byDomain = a.utilization.by_domain[r.domain];
  if (byDomain !== undefined) return { value: byDomain, assumption: `utilization ${byDomain} (default for ${r.domain})` };
  return { value: a.utilization.default, assumption: `utilization ${a.utilization.default} (global default)` };
}

interface ChipHours {
  value: number;
  formula: string;
}

function chipHours(r: NormalizedRecord, hw: HardwareSpec): ChipHours | null {
  const perChip = (hours: number, perCore: boolean) => (perCore ? hours / hw.coresPerChip : hours);
  const coreNote = (perCore: boolean) => (perCore && hw.coresPerChip !== 1 ? ` ÷ ${hw.coresPerChip} cores/chip` : '');
  if (r.compute?.kind === 'accelerator-time') {
    return { value: perChip(r.compute.hours, r.compute.perCore), formula: `${fmt(r.compute.hours)} ${r.compute.perCore ? 'core' : 'chip'}-hours${coreNote(r.compute.perCore)}` };
  }
  if (r.hardwareCount !== null && r.trainingTimeHours !== null) {
    const chips = perChip(r.hardwareCount, r.hardwareCountIsCores);
    return {
      value: chips * r.trainingTimeHours,
      formula: `${fmt(r.hardwareCount)} ${r.hardwareCountIsCores ? 'cores' : 'chips'}${coreNote(r.hardwareCountIsCores)} × ${fmt(r.trainingTimeHours)} h`,
    };
  }
  return null;
}

export function hardwareEstimate(r: NormalizedRecord, hardware: ReadonlyMap<string, HardwareSpec>, a: Assumptions): FlopEstimate | null {
  if (r.hardware === null) return null;
  const hw = hardware.get(r.hardware);
  if (hw === undefined) return null;
  const time = chipHours(r, hw);
  if (time === null) return null;
  const assumptions: string[] = [];
  let precision = r.precision ?? hw.defaultPrecision;
  if (r.precision === null) assumptions.push(`precision ${precision} (typical for ${hw.name})`);
  let peak = hw.peak[precision];
  if (peak === undefined) {
    assumptions.push(`no ${precision} peak for ${hw.name}: ${hw.defaultPrecision} used`);
    precision = hw.defaultPrecision;
    peak = hw.peak[precision]!;
  }
  const util = utilizationFor(r, a);
  if (util.assumption) assumptions.push(util.assumption);
  return {
    flop: time.value * 3600 * peak * util.value,
    method: 'hardware',
    formula: `${time.formula} × 3600 s/h × ${fmt(peak)} FLOP/s (${hw.name}, ${precision}) × ${util.value} utilization`,
    assumptions,
    source: `${valueSource(r, 'hardware')}; peak: ${hw.citation}`,
    provenance: HARDWARE_PROVENANCE,
  };
}

