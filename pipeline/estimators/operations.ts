/**
 * Operation counting: C = k · N · D with k = 6 FLOP per parameter per token (2 for the forward
 * multiply-add, 4 for the backward pass), N the parameters used per token (active parameters for
 * mixture-of-experts) and D the tokens (or examples) processed. Valid only where each weight is
 * used once per token or example: transformers, MoE, RNNs (per timestep) and MLPs (per example).
 * CNNs reuse weights across positions, so 6·N·D would badly undercount them and is not used.
 */
import type { Assumptions } from '../ingest/assumptions.ts';
import type { DatasetUnit } from '../schema/raw-columns.ts';
import type { FlopEstimate, NormalizedRecord } from '../schema/records.ts';
import { formulaNumber as fmt } from './format-number.ts';
import { valueSource } from './citation.ts';
import { OPERATIONS_PROVENANCE } from './pipeline-provenance.ts';

/** Dataset units that count what one forward pass consumes, per architecture. */
const UNITS_BY_ARCHITECTURE: Record<string, readonly DatasetUnit[]> = {
  transformer: ['tokens', 'words'],
  moe: ['tokens', 'words'],
  rnn: ['tokens', 'words', 'characters', 'timesteps', 'frames'],
  // A game or an episode is many forward passes, so games and timesteps-per-episode do not count here.
  mlp: ['examples', 'images', 'sentence-pairs', 'frames'],
};

/**
 * Text units count training tokens whatever the architecture: a record that does not name one
 * (an upstream export's) still has its tokens (the dataset trend), though no operation count.
 */
const TEXT_UNITS: readonly DatasetUnit[] = ['tokens', 'words'];

/** The dataset units that count tokens for a record of this architecture (null: not stated). */
function countedUnits(architecture: string | null): readonly DatasetUnit[] | undefined {
  return architecture === null ? TEXT_UNITS : UNITS_BY_ARCHITECTURE[architecture];
}

export interface TokensProcessed {
  value: number;
  formula: string;
  assumptions: string[];
}

export function tokensProcessed(r: NormalizedRecord, a: Assumptions): TokensProcessed | null {
  if (r.trainingTokens !== null) return { value: r.trainingTokens, formula: `${fmt(r.trainingTokens)} tokens`, assumptions: [] };
  if (r.datasetSize === null || r.datasetUnit === null) return null;
  if (!countedUnits(r.architecture)?.includes(r.datasetUnit)) return null;
  const assumptions: string[] = [];
  let perPass = r.datasetSize;
  let formula = `${fmt(r.datasetSize)} ${r.datasetUnit}`;
  if (r.datasetUnit === 'words') {
    perPass = r.datasetSize * a.tokens_per_word;
    formula += ` × ${a.tokens_per_word} tokens/word`;
    assumptions.push(`${a.tokens_per_word} tokens per word`);
  }
  const epochs = r.epochs ?? 1;
  if (r.epochs === null) assumptions.push('epochs not stated: one pass over the data assumed');
  else formula += ` × ${r.epochs} epochs`;
  return { value: perPass * epochs, formula, assumptions };
}

/**
 * tokensProcessed(r, a)?.value without the formula and assumptions, for records that need only
 * the number (every record's training_tokens): the same conditions, the same arithmetic.
 */
export function tokenCount(r: NormalizedRecord, a: Assumptions): number | null {
  if (r.trainingTokens !== null) return r.trainingTokens;
  if (r.datasetSize === null || r.datasetUnit === null) return null;
  if (!countedUnits(r.architecture)?.includes(r.datasetUnit)) return null;
  const perPass = r.datasetUnit === 'words' ? r.datasetSize * a.tokens_per_word : r.datasetSize;
  return perPass * (r.epochs ?? 1);
}

/** The k-FLOP assumption's text, made once per k rather than once per record. */
let kText = { k: NaN, text: '' };
function perTokenAssumption(k: number): string {
  if (kText.k !== k) kText = { k, text: `${k} FLOP per parameter per token (dense forward + backward)` };
  return kText.text;
}

export function operationsEstimate(r: NormalizedRecord, a: Assumptions): FlopEstimate | null {
  if (r.architecture === null || !(r.architecture in UNITS_BY_ARCHITECTURE)) return null;
  const n = r.architecture === 'moe' ? r.activeParameters : r.parameters;
  if (n === null) return null;
  const d = tokensProcessed(r, a);
  if (d === null) return null;
  const k = a.flop_per_parameter_per_token;
  // The two sources, once if they are the same (a Set and two arrays per record, before).
  const parameters = valueSource(r, 'parameters');
  const data = valueSource(r, 'data');
  const assumptions = [perTokenAssumption(k)];
  for (const assumption of d.assumptions) assumptions.push(assumption);
  return {
    flop: k * n * d.value,
    method: 'operations',
    formula: `${k} × ${fmt(n)} ${r.architecture === 'moe' ? 'active parameters' : 'parameters'} × ${d.formula}`,
    assumptions,
    source: parameters === data ? parameters : `${parameters}; ${data}`,
    provenance: OPERATIONS_PROVENANCE,
  };
}

