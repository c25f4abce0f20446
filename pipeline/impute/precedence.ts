/**
 * Chooses each record's training-compute value by precedence — reported FLOP > converted from
 * another unit > operation counting > hardware time — attaches its uncertainty range, and keeps
 * the best independent estimate for the consistency audit. A reported value is never replaced.
 */
import type { Assumptions } from '../ingest/assumptions.ts';
import type { FlopEstimate, HardwareSpec, NormalizedRecord, ProcessedRecord } from '../schema/records.ts';
import { citationText } from './citation.ts';
import { hardwareEstimate } from './hardware-time.ts';
import { operationsEstimate, tokenCount } from './operations.ts';

/** A value reported by someone other than the system's own authors (third-party estimate). */
export function isThirdParty(r: NormalizedRecord): boolean {
  return r.origin.dataset !== 'curated' || r.valueSources.compute !== null;
}

function statedEstimate(r: NormalizedRecord): FlopEstimate | null {
  if (r.compute?.kind !== 'flop') return null;
  const source = r.valueSources.compute ?? citationText(r.citation);
  const converted = r.compute.unit !== 'FLOP';
  return {
    flop: r.compute.flop,
    method: converted ? 'converted' : 'reported',
    formula: converted ? r.compute.formula : `${r.compute.text} as reported`,
    assumptions: isThirdParty(r) ? ['third-party estimate'] : [],
    source,
  };
}

export function uncertaintyFactor(r: NormalizedRecord, e: FlopEstimate, a: Assumptions): number {
  const f = a.uncertainty_factor;
  if (e.method === 'reported') return isThirdParty(r) ? f.third_party : f.reported;
  if (e.method === 'converted') return isThirdParty(r) ? Math.max(f.third_party, f.converted) : f.converted;
  return f[e.method];
}

export function imputeRecord(r: NormalizedRecord, hardware: ReadonlyMap<string, HardwareSpec>, a: Assumptions): ProcessedRecord {
  const stated = statedEstimate(r);
  const ops = operationsEstimate(r, a);
  // The hardware estimate is read only where operation counting gives none: not built otherwise.
  const hw = ops === null ? hardwareEstimate(r, hardware, a) : null;
  const chosen = stated ?? ops ?? hw;
  const independent = stated ? (ops ?? hw) : null;
  const factor = chosen ? uncertaintyFactor(r, chosen, a) : 1;
  // Every field named, not {...r, flop, ...}: one object shape for every record (ARCHITECTURE.md,
  // "Engine notes"). TypeScript checks that no field is left out.
  return {
    id: r.id,
    name: r.name,
    organization: r.organization,
    domain: r.domain,
    architecture: r.architecture,
    publicationDate: r.publicationDate,
    datePrecision: r.datePrecision,
    year: r.year,
    parameters: r.parameters,
    activeParameters: r.activeParameters,
    trainingTokens: r.trainingTokens,
    datasetSize: r.datasetSize,
    datasetUnit: r.datasetUnit,
    epochs: r.epochs,
    compute: r.compute,
    hardware: r.hardware,
    hardwareCount: r.hardwareCount,
    hardwareCountIsCores: r.hardwareCountIsCores,
    trainingTimeHours: r.trainingTimeHours,
    precision: r.precision,
    utilization: r.utilization,
    citation: r.citation,
    valueSources: r.valueSources,
    notes: r.notes,
    origin: r.origin,
    flop: chosen,
    flopLow: chosen ? chosen.flop / factor : null,
    flopHigh: chosen ? chosen.flop * factor : null,
    tokensProcessed: tokenCount(r, a),
    audit: stated && independent ? { estimate: independent, ratio: stated.flop / independent.flop } : null,
  };
}
