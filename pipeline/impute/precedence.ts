/**
 * Chooses each record's training-compute value by precedence — stated by its authors (in FLOP, or
 * in another unit we convert) or by a third party > operation counting > hardware time —
 * attaches who produced it (its provenance) and its uncertainty range, and keeps the best
 * independent estimate for the consistency audit. A stated value is never replaced.
 */
import type { Assumptions } from '../ingest/assumptions.ts';
import type { FlopEstimate, FlopProvenance, HardwareSpec, NormalizedRecord, ProcessedRecord } from '../schema/records.ts';
import { citationText } from '../estimators/citation.ts';
import { hardwareEstimate } from '../estimators/hardware-time.ts';
import { operationsEstimate, tokenCount } from '../estimators/operations.ts';

/** The publisher of each external dataset: every value of its export is that publisher's. */
const DATASET_PUBLISHERS: Readonly<Record<string, string>> = { epoch: 'Epoch AI' };

/**
 * Who produced the record's stated compute value: null for the system's authors, else the third
 * party. A curated record names it (compute_estimated_by); a record of an external export carries
 * the export publisher's values, whatever their original source.
 */
export function computeEstimatedBy(r: NormalizedRecord): string | null {
  if (r.computeEstimatedBy !== null) return r.computeEstimatedBy;
  return r.origin.dataset === 'curated' ? null : (DATASET_PUBLISHERS[r.origin.dataset] ?? r.origin.dataset);
}

/** A value estimated by someone other than the system's own authors (a third party). */
export function isThirdParty(r: NormalizedRecord): boolean {
  return computeEstimatedBy(r) !== null;
}

/** One shared object: every authors' value has the same provenance. */
const AUTHORS: FlopProvenance = Object.freeze({ kind: 'authors', estimatedBy: null, estimationMethod: null, confidence: null });

export function statedEstimate(r: NormalizedRecord): FlopEstimate | null {
  if (r.compute?.kind !== 'flop') return null;
  const source = r.valueSources.compute ?? citationText(r.citation);
  const converted = r.compute.unit !== 'FLOP';
  const by = computeEstimatedBy(r);
  if (by !== null) {
    return {
      flop: r.compute.flop,
      method: 'third-party',
      formula: converted ? `${r.compute.formula}, as estimated by ${by}` : `${r.compute.text} as estimated by ${by}`,
      assumptions: [],
      source,
      provenance: { kind: 'third-party', estimatedBy: by, estimationMethod: r.computeEstimationMethod, confidence: r.confidence },
    };
  }
  return {
    flop: r.compute.flop,
    method: converted ? 'converted' : 'stated',
    formula: converted ? r.compute.formula : `${r.compute.text} as stated`,
    assumptions: [],
    source,
    provenance: AUTHORS,
  };
}

/** The pipeline's method a third party's method name corresponds to, if any ("Operation counting": operations). */
function pipelineMethodOf(name: string | null): 'operations' | 'hardware' | null {
  if (name === null) return null;
  if (/operation/i.test(name)) return 'operations';
  if (/hardware/i.test(name)) return 'hardware';
  return null;
}

/**
 * The value's uncertainty factor, by how it was obtained (data/raw/assumptions.yaml). A
 * third-party estimate is at least as uncertain as the method it used, and one converted from
 * another unit at least as uncertain as a converted statement.
 */
export function uncertaintyFactor(r: NormalizedRecord, e: FlopEstimate, a: Assumptions): number {
  const f = a.uncertainty_factor;
  switch (e.method) {
    case 'stated':
      return f.stated;
    case 'converted':
      return f.converted;
    case 'third-party': {
      const method = pipelineMethodOf(e.provenance.estimationMethod);
      const converted = r.compute?.kind === 'flop' && r.compute.unit !== 'FLOP';
      return Math.max(f.third_party, method === null ? 1 : f[method], converted ? f.converted : 1);
    }
    default:
      return f[e.method];
  }
}

export function imputeRecord(r: NormalizedRecord, hardware: ReadonlyMap<string, HardwareSpec>, a: Assumptions): ProcessedRecord {
  const stated = statedEstimate(r);
  const ops = operationsEstimate(r, a);
  // The hardware estimate is read only where operation counting gives none: not built otherwise.
  const hw = ops === null ? hardwareEstimate(r, hardware, a) : null;
  const chosen = stated ?? ops ?? hw;
  const independent = stated ? (ops ?? hw) : null;
  const factor = chosen ? uncertaintyFactor(r, chosen, a) : 1;
  // The upstream's own bounds, where it states them for the value used, are the value's range.
  const bounds = chosen !== null && chosen === stated ? r.computeBounds : null;
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
    computeEstimatedBy: r.computeEstimatedBy,
    computeEstimationMethod: r.computeEstimationMethod,
    confidence: r.confidence,
    notes: r.notes,
    origin: r.origin,
    organizationCategory: r.organizationCategory,
    country: r.country,
    openWeights: r.openWeights,
    accessibility: r.accessibility,
    chipHours: r.chipHours,
    utilizationHfu: r.utilizationHfu,
    trainingCost: r.trainingCost,
    trainingCostUpfront: r.trainingCostUpfront,
    hardwareAcquisitionCost: r.hardwareAcquisitionCost,
    powerDrawWatts: r.powerDrawWatts,
    computeBounds: r.computeBounds,
    possiblyOver1e23: r.possiblyOver1e23,
    frontierModel: r.frontierModel,
    upstreamTwin: r.upstreamTwin,
    flop: chosen,
    flopLow: chosen ? (bounds?.low ?? chosen.flop / factor) : null,
    flopHigh: chosen ? (bounds?.high ?? chosen.flop * factor) : null,
    tokensProcessed: tokenCount(r, a),
    audit: stated && independent ? { estimate: independent, ratio: stated.flop / independent.flop } : null,
  };
}
