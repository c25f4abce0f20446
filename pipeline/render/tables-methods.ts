/** Tables of the Methods page, read from the assumptions, unit table and hardware list themselves. */
import type { Assumptions } from '../ingest/assumptions.ts';
import { COMPUTE_UNITS } from '../values/compute-units.ts';
import type { HardwareSpec } from '../schema/records.ts';
import * as fmt from './format.ts';
import { esc, htmlTable, link } from './html.ts';

/** "Title (Year) https://..." as a link on the title, else the text. */
function citationLink(citation: string): string {
  const m = /^(.*\S)\s+(https:\/\/\S+)$/.exec(citation);
  return m ? link(m[2], m[1]) : esc(citation);
}

const FACTOR_NOTES: Record<string, string> = {
  stated: 'the authors state FLOP (their counting conventions, such as a multiply-add as one or two FLOP, move it up to 2×)',
  third_party: 'a third party’s published estimate (at least the factor of its method)',
  converted: 'the authors state another compute unit',
  operations: 'operation counting, 6·N·D',
  hardware: 'accelerator time × peak × utilization',
};

export function uncertaintyTable(a: Assumptions): string {
  return htmlTable(
    Object.entries(a.uncertainty_factor).map(([key, factor]) => ({ key, factor })),
    [
      { title: 'Value obtained as', value: (r) => r.key.replace('_', '-') },
      { title: 'When', value: (r) => FACTOR_NOTES[r.key] ?? '' },
      { title: 'Factor f', value: (r) => r.factor, numeric: true },
      // A factor of 1 gives no range, which is not exactness: conventions alone (a multiply-add
      // counted as one or two FLOP) move a stated value twofold.
      { title: 'Range', value: (r) => (r.factor === 1 ? 'none given (a factor of 1 is an assumption, not exactness)' : `value ÷ ${r.factor} to value × ${r.factor}`) },
    ],
    { caption: 'Uncertainty factors (data/raw/assumptions.yaml): each value’s range is [value ÷ f, value × f]' },
  );
}

export function utilizationTable(a: Assumptions): string {
  const rows = [{ scope: 'Any domain (global default)', value: a.utilization.default }, ...Object.entries(a.utilization.by_domain).map(([d, v]) => ({ scope: `${d} systems`, value: v as number }))];
  return htmlTable(
    rows,
    [
      { title: 'Applies to', value: (r) => r.scope },
      { title: 'Utilization (share of peak)', value: (r) => r.value, numeric: true, html: (r) => fmt.percent(r.value) },
    ],
    { caption: 'Utilization assumed when a source does not report it (data/raw/assumptions.yaml)' },
  );
}

export function unitsTable(): string {
  return htmlTable(
    COMPUTE_UNITS,
    [
      { title: 'Unit', value: (u) => u.unit },
      { title: 'Conversion', value: (u) => (u.kind === 'flop' ? (u.factor === 1 ? 'FLOP as stated' : `× ${fmt.flop(u.factor, 3)} FLOP per ${u.singular}`) : `${u.hoursPer === 1 ? '' : `× ${u.hoursPer} h/day, `}then the hardware method${u.perCore ? ' (per core)' : ''}`) },
      { title: 'Accepted spellings', value: (u) => u.spellings.join(', ') },
    ],
    { caption: 'Compute units and their conversion constants' },
  );
}

export function hardwareTable(hardware: readonly HardwareSpec[]): string {
  return htmlTable(
    hardware,
    [
      { title: 'Accelerator', value: (h) => h.name },
      { title: 'Released', value: (h) => h.releaseDate },
      { title: 'Default precision', value: (h) => h.defaultPrecision },
      { title: 'Peak FLOP/s at it', value: (h) => h.peak[h.defaultPrecision] ?? null, numeric: true, html: (h) => (h.peak[h.defaultPrecision] ? fmt.flop(h.peak[h.defaultPrecision]!) : '') },
      { title: 'Source', value: (h) => h.citation, html: (h) => citationLink(h.citation) },
    ],
    { caption: 'Accelerators and their peak throughput (data/raw/hardware.csv)', sortable: true },
  );
}
