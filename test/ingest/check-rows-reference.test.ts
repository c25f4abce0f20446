/**
 * checkRows reads every cell by name, in an order written out by hand (pipeline/ingest/models-file.ts
 * says why), and remembers ids and systems in its own hash tables. This test holds it to the
 * straightforward version it replaced: loops over the schema's column lists and two Maps. Were a
 * column added to a list, or the order changed, the two would disagree here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../pipeline/errors.ts';
import { cellProblem, checkRows, newRowCheckState, toRawRows } from '../../pipeline/ingest/models-file.ts';
import { notationProblem } from '../../pipeline/ingest/numeric-cells.ts';
import { hiddenCharacter, isSourceLink, isValueCitation, nameProblem, textProblem } from '../../pipeline/ingest/text-rules.ts';
import { identityKey } from '../../pipeline/values/identity.ts';
import { lookupComputeUnit } from '../../pipeline/values/compute-units.ts';
import { messages } from '../../pipeline/messages.ts';
import {
  ARCHITECTURES,
  DATASET_UNITS,
  DOMAINS,
  ESTIMATION_METHODS,
  PRECISIONS,
  RAW_MODEL_COLUMNS,
  REQUIRED_MODEL_COLUMNS,
  type RawModelColumn,
} from '../../pipeline/schema/raw-columns.ts';
import type { RawModelRow } from '../../pipeline/schema/records.ts';

const ENUMS: Partial<Record<RawModelColumn, readonly string[]>> = {
  domain: DOMAINS,
  architecture: ARCHITECTURES,
  dataset_unit: DATASET_UNITS,
  precision: PRECISIONS,
};
const VALUE_SOURCES: RawModelColumn[] = ['parameters_source', 'data_source', 'compute_source', 'hardware_source'];
const FREE_TEXT: RawModelColumn[] = ['name', 'organization', 'source_title', 'notes', ...VALUE_SOURCES, 'compute_estimated_by', 'compute_confidence'];
const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const NUMBERS: RawModelColumn[] = ['parameters', 'active_parameters', 'training_tokens', 'dataset_size', 'epochs', 'training_compute', 'hardware_count', 'training_time', 'utilization'];
const withHidden = (message: string, text: string) => {
  const hidden = hiddenCharacter(text);
  return hidden ? messages.hiddenInCell(message, hidden) : message;
};

interface ReferenceState {
  ids: Map<string, number>;
  systems: Map<string, number>;
}

/** checkRows as it was before it was unrolled: loops over the lists, Maps for the duplicates. */
function referenceCheckRows(rows: readonly RawModelRow[], hardwareIds: ReadonlySet<string>, today: string, state: ReferenceState): Problem[] {
  const problems: Problem[] = [];
  const { ids, systems } = state;
  for (const row of rows) {
    const c = row.cells;
    for (const col of REQUIRED_MODEL_COLUMNS) if (c[col] === '') problems.push(cellProblem(row, col, messages.requiredCell(col)));
    for (const col of FREE_TEXT) {
      const msg = c[col] === '' ? null : col === 'name' ? nameProblem(col, c[col]) : textProblem(col, c[col]);
      if (msg) problems.push(cellProblem(row, col, msg, col === 'name' ? 'plain text in one script per word' : 'plain text'));
    }
    if (c.id !== '' && !ID.test(c.id)) problems.push(cellProblem(row, 'id', withHidden(messages.badId, c.id), 'lowercase letters, digits and hyphens'));
    if (c.id !== '') {
      const first = ids.get(c.id);
      if (first !== undefined) problems.push(cellProblem(row, 'id', messages.duplicateId(first)));
      else ids.set(c.id, row.line);
    }
    const systemKey = `${identityKey(c.name)}|${c.publication_date.slice(0, 4)}`;
    const firstSystem = systems.get(systemKey);
    if (c.name !== '' && firstSystem !== undefined) {
      problems.push(cellProblem(row, 'name', messages.duplicateSystem(firstSystem)));
    } else systems.set(systemKey, row.line);
    for (const [col, allowed] of Object.entries(ENUMS) as [RawModelColumn, readonly string[]][]) {
      if (c[col] !== '' && !allowed.includes(c[col])) problems.push(cellProblem(row, col, withHidden(messages.notInList(col), c[col]), allowed.join(', ')));
    }
    if (c.source_link !== '' && !isSourceLink(c.source_link)) {
      problems.push(cellProblem(row, 'source_link', messages.badLink, 'arXiv:2005.14165, doi:10.1038/nature16961 or https://...'));
    }
    if (c.source_year !== '') {
      const y = Number(c.source_year);
      if (!/^\d{4}$/.test(c.source_year) || y < 1900 || y > Number(today.slice(0, 4))) {
        problems.push(cellProblem(row, 'source_year', withHidden(messages.badYear, c.source_year), `a year from 1900 to ${today.slice(0, 4)}`));
      } else if (/^\d{4}(-|$)/.test(c.publication_date) && y < Number(c.publication_date.slice(0, 4)) && c.publication_date.slice(0, 4) <= today.slice(0, 4)) {
        problems.push(cellProblem(row, 'source_year', messages.sourceBeforePublication(c.source_year, c.publication_date), `a year from ${c.publication_date.slice(0, 4)} to ${today.slice(0, 4)}`));
      }
    }
    for (const col of VALUE_SOURCES) {
      if (c[col] !== '' && !isValueCitation(c[col])) problems.push(cellProblem(row, col, messages.badCitation(col), 'Title (Year) link'));
    }
    if (c.hardware !== '' && !hardwareIds.has(c.hardware)) {
      problems.push(cellProblem(row, 'hardware', messages.unknownHardware(c.hardware), 'an id from data/raw/hardware.csv'));
    }
    for (const col of NUMBERS) {
      const product = col === 'training_compute' && lookupComputeUnit(c.training_compute_unit)?.unit === 'FLOP/s × s';
      const msg = c[col] === '' ? null : notationProblem(col, c[col], product ? { product } : undefined);
      if (msg) problems.push(cellProblem(row, col, msg, 'digits, an optional fraction and exponent (1.5e23), or a count such as 175B'));
    }
    if (c.training_compute_unit !== '' && c.training_compute === '') {
      problems.push(cellProblem(row, 'training_compute_unit', messages.unitWithoutValue('training_compute_unit')));
    }
    if (c.training_compute !== '' && c.training_compute_unit === '') {
      problems.push(cellProblem(row, 'training_compute', messages.valueWithoutUnit('training_compute'), 'a unit in training_compute_unit'));
    }
    if (c.dataset_size !== '' && c.dataset_unit === '') {
      problems.push(cellProblem(row, 'dataset_size', messages.valueWithoutUnit('dataset_size'), DATASET_UNITS.join(', ')));
    }
    if (c.dataset_unit !== '' && c.dataset_size === '') {
      problems.push(cellProblem(row, 'dataset_unit', messages.unitWithoutValue('dataset_unit')));
    }
    if (c.compute_estimated_by !== '' && c.training_compute === '') {
      problems.push(cellProblem(row, 'compute_estimated_by', messages.unitWithoutValue('compute_estimated_by')));
    }
    if (c.compute_estimated_by !== '' && c.compute_source === '') {
      problems.push(cellProblem(row, 'compute_source', messages.thirdPartyWithoutSource, "Title (Year) link of the third party's publication"));
    }
    if (c.compute_estimation_method !== '' && !ESTIMATION_METHODS.includes(c.compute_estimation_method as never)) {
      problems.push(cellProblem(row, 'compute_estimation_method', withHidden(messages.notInList('compute_estimation_method'), c.compute_estimation_method), ESTIMATION_METHODS.join(', ')));
    }
    if (c.compute_estimation_method !== '' && c.compute_estimated_by === '') {
      problems.push(cellProblem(row, 'compute_estimation_method', messages.withoutThirdParty('compute_estimation_method')));
    }
    if (c.compute_confidence !== '' && c.compute_estimated_by === '') {
      problems.push(cellProblem(row, 'compute_confidence', messages.withoutThirdParty('compute_confidence')));
    }
  }
  return problems;
}

/** Values every check can trip on, and a few that collide (same id, same name up to case and punctuation). */
const CELLS = [
  '', 'gpt-3', 'GPT-3', 'gpt 3', 'g.p.t-3', 'a..b', 'x', 'Ünïcödé', 'Ｆｕｌｌ', 'é', '!!!', '=1+1', '+x', '-3', '@a', '<b>', '< a', 'a\tb', 'a\nb', 'x\u0001',
  'language', 'Language', 'vision', 'transformer', 'tokens', 'bf16', 'chemistry', '2020', '2020-05', '2020-05-28', '20', '1899', '3000', '20x0',
  'arXiv:2005.14165', 'doi:10.1038/nature16961', 'https://x.org/a', 'see paper', 'Title (2020) arXiv:2005.14165', 'Title 2020 link',
  'nvidia-v100', 'tpu-v9', '3.14e23', 'FLOP', '175B', 'Epoch AI', 'operations', 'Likely',
  // Forms and characters refused since plausibility and identity checks (issue 21).
  '0x1', '3 × 10^23', '\u22125', '10²³', 'x\u200b', '\u202eabc', 'GРT', 'FLOP/s × s', '1e15 × 10^2', 'ЅORA', '悟道',
  // Names that identityKey keeps apart (numbers) or together (decimal points, separators).
  'OPT-1.3B', 'OPT-13B', 'Gemma 2 9B', 'Gemma 29B', 'Command R+',
];
const HARDWARE = new Set(['nvidia-v100']);

function table(cells: string[][]) {
  return toRawRows({ file: 'data/raw/models.csv', header: [...RAW_MODEL_COLUMNS], rows: cells.map((row, i) => ({ line: i + 2, cells: row })) });
}

describe('checkRows', () => {
  it('reports what the loop over the schema lists reports, in the same order, across batches', () => {
    const row = fc.array(fc.constantFrom(...CELLS), { minLength: RAW_MODEL_COLUMNS.length, maxLength: RAW_MODEL_COLUMNS.length });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.nat(), fc.constantFrom('2026-11-24', '2020-06-30'), (cells, cut, today) => {
        const rows = table(cells);
        const at = rows.length === 0 ? 0 : cut % rows.length;
        const state = newRowCheckState();
        const actual = [...checkRows(rows.slice(0, at), HARDWARE, today, state), ...checkRows(rows.slice(at), HARDWARE, today, state)];
        const reference = { ids: new Map<string, number>(), systems: new Map<string, number>() };
        const expected = [...referenceCheckRows(rows.slice(0, at), HARDWARE, today, reference), ...referenceCheckRows(rows.slice(at), HARDWARE, today, reference)];
        expect(actual).toEqual(expected);
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });

  it('keeps the Map behaviour for rows without a name: each becomes the line of its key', () => {
    const base = RAW_MODEL_COLUMNS.map(() => '');
    const at = (name: string, date: string) => base.map((_, i) => (RAW_MODEL_COLUMNS[i] === 'name' ? name : RAW_MODEL_COLUMNS[i] === 'publication_date' ? date : ''));
    const rows = table([at('', '2020'), at('', '2020-02'), at('!!!', '2020-05'), at('...', '2021')]);
    const duplicates = (p: Problem[]) => p.filter((x) => x.columnName === 'name' && x.message.startsWith('duplicate')).map((x) => [x.line, x.message]);
    const expected = duplicates(referenceCheckRows(rows, HARDWARE, '2026-11-24', { ids: new Map(), systems: new Map() }));
    expect(expected).toEqual([[4, messages.duplicateSystem(3)]]);
    expect(duplicates(checkRows(rows, HARDWARE, '2026-11-24'))).toEqual(expected);
  });

  it('gets cells trimmed as String.prototype.trim trims them, from toRawRows', () => {
    const spaces = ['', ' ', '\t', '\u00a0', '\u3000', '\ufeff', '\u2028', '\r\n', '\u0085', '\u200b', '~', '!'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...spaces), fc.constantFrom('', 'x', 'a b', '~', 'é'), fc.constantFrom(...spaces)), { minLength: 1, maxLength: RAW_MODEL_COLUMNS.length }), (parts) => {
        const cells = parts.map(([a, b, c]) => a + b + c);
        const [row] = table([cells]);
        RAW_MODEL_COLUMNS.forEach((col, i) => expect(row.cells[col]).toBe((cells[i] ?? '').trim()));
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });
});
