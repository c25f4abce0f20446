import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationsEstimate, tokenCount, tokensProcessed } from '../../pipeline/estimators/operations.ts';
import { ARCHITECTURES, DATASET_UNITS } from '../../pipeline/schema/raw-columns.ts';
import { record, shippedAssumptions } from '../helpers/records.ts';

const a = shippedAssumptions();

describe('operation counting, C = 6·N·D (golden values)', () => {
  it('GPT-3 175B: 6 × 174.6e9 × 300e9 = 3.1428e23 FLOP ≈ 3637.5 pf/s-days (paper: 3.14e23, 3640)', () => {
    const e = operationsEstimate(record({ parameters: 174.6e9, trainingTokens: 300e9 }), a)!;
    expect(e.flop).toBeCloseTo(3.1428e23, -19);
    expect(e.flop).toBe(6 * 174.6e9 * 300e9);
    expect(Math.abs(e.flop / 3.14e23 - 1)).toBeLessThan(0.002);
    expect(Math.abs(e.flop / 8.64e19 / 3640 - 1)).toBeLessThan(0.002);
    expect(e.flop / 8.64e19).toBeCloseTo(3637.5, 1);
    expect(e.method).toBe('operations');
    expect(e.formula).toBe('6 × 1.746e11 parameters × 3e11 tokens');
  });

  it('Chinchilla: 6 × 70e9 × 1.4e12 = 5.88e23 FLOP', () => {
    const e = operationsEstimate(record({ parameters: 70e9, trainingTokens: 1.4e12 }), a)!;
    expect(e.flop).toBeCloseTo(5.88e23, -19);
  });

  it('uses active parameters for mixture-of-experts models, and none without them', () => {
    const moe = record({ architecture: 'moe', parameters: 671e9, activeParameters: 37e9, trainingTokens: 14.8e12 });
    expect(operationsEstimate(moe, a)!.flop).toBeCloseTo(6 * 37e9 * 14.8e12, -15);
    expect(operationsEstimate({ ...moe, activeParameters: null }, a)).toBeNull();
  });

  it('derives tokens from dataset size × epochs, converting words at the assumed ratio', () => {
    const r = record({ parameters: 1e8, datasetSize: 3.3e9, datasetUnit: 'words', epochs: 40 });
    const d = tokensProcessed(r, a)!;
    expect(d.value).toBeCloseTo(3.3e9 * a.tokens_per_word * 40, 0);
    expect(d.assumptions).toEqual([`${a.tokens_per_word} tokens per word`]);
  });

  it('assumes one pass and says so when epochs are not given', () => {
    const d = tokensProcessed(record({ datasetSize: 1e9, datasetUnit: 'tokens' }), a)!;
    expect(d.value).toBe(1e9);
    expect(d.assumptions).toContain('epochs not stated: one pass over the data assumed');
  });

  it('counts examples × epochs for fully connected networks (each weight used once per example)', () => {
    const r = record({ architecture: 'mlp', domain: 'other', parameters: 18629, datasetSize: 1024, datasetUnit: 'examples', epochs: 50 });
    expect(operationsEstimate(r, a)!.flop).toBe(6 * 18629 * 1024 * 50);
  });

  it('refuses CNNs (weights reused across positions) and units that do not fit the architecture', () => {
    expect(operationsEstimate(record({ architecture: 'cnn', parameters: 60e6, datasetSize: 1.2e6, datasetUnit: 'images', epochs: 90 }), a)).toBeNull();
    expect(operationsEstimate(record({ architecture: 'transformer', parameters: 1e8, datasetSize: 1e6, datasetUnit: 'images' }), a)).toBeNull();
    expect(operationsEstimate(record({ architecture: null, parameters: 1e8, trainingTokens: 1e9 }), a)).toBeNull();
  });
});

describe('tokenCount', () => {
  it('is tokensProcessed’s value, or null where it gives none', () => {
    const count = fc.option(fc.oneof(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 1e6 })), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          architecture: fc.option(fc.constantFrom(...ARCHITECTURES), { nil: null }),
          trainingTokens: count,
          datasetSize: count,
          datasetUnit: fc.option(fc.constantFrom(...DATASET_UNITS), { nil: null }),
          epochs: count,
        }),
        (fields) => {
          const r = record(fields);
          expect(tokenCount(r, a)).toBe(tokensProcessed(r, a)?.value ?? null);
        },
      ),
      { seed: 20261124, numRuns: 2000 },
    );
  });
});
