/** The `breakpoints` block of assumptions.yaml: optional, validated, with the line of a bad value. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssumptions } from '../../pipeline/ingest/assumptions.ts';
import { messages } from '../../pipeline/messages.ts';
import { pipelineErrorOf } from '../helpers/errors.ts';
import { root } from '../reliability/helpers.ts';

const shipped = readFileSync(join(root, 'data/raw/assumptions.yaml'), 'utf8');
const withoutBlock = shipped.replace(/\nbreakpoints:\n(  .*\n)+/, '\n');

describe('assumptions.yaml: breakpoints', () => {
  it('the shipped file sets a two-year minimum segment, and no point minimum (the default applies)', () => {
    expect(parseAssumptions(shipped, 'assumptions.yaml').breakpoints).toEqual({ min_segment_years: 2 });
  });

  it('a file written before the block existed still reads, with the defaults', () => {
    expect(withoutBlock).not.toMatch(/^breakpoints:/m);
    expect(parseAssumptions(withoutBlock, 'assumptions.yaml').breakpoints).toEqual({ min_segment_years: 2 });
  });

  it('takes a point minimum, and 0 for none', () => {
    const text = `${withoutBlock}breakpoints:\n  min_segment_years: 0\n  min_segment_points: 12\n`;
    expect(parseAssumptions(text, 'assumptions.yaml').breakpoints).toEqual({ min_segment_years: 0, min_segment_points: 12 });
  });

  it('rejects a bad value or an unknown key, naming the line', () => {
    const lines = withoutBlock.split('\n').length;
    const bad = pipelineErrorOf(() => parseAssumptions(`${withoutBlock}breakpoints:\n  min_segment_years: -1\n  min_segment_points: 2.5\n`, 'assumptions.yaml'));
    expect(bad.message).toBe(messages.invalidAssumptions('assumptions.yaml'));
    // Ranges from the plausibility bounds (pipeline/schema/bounds.ts), as every assumption's.
    expect(bad.problems.map((p) => [p.line, p.message])).toEqual([
      [lines + 1, messages.outOfBounds('breakpoints.min_segment_years', '-1', 'below', '0', 'years')],
      [lines + 2, messages.notWhole('breakpoints.min_segment_points', '2.5', 'systems')],
    ]);
    const unknown = pipelineErrorOf(() => parseAssumptions(`${withoutBlock}breakpoints:\n  min_segment_years: 2\n  min_years: 3\n`, 'assumptions.yaml'));
    expect(unknown.problems.map((p) => p.message)).toEqual([messages.assumptionUnknownKey('breakpoints.min_years')]);
  });
});
