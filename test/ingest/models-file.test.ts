import { describe, expect, it } from 'vitest';
import { checkHeader, checkRows, toRawRows } from '../../pipeline/ingest/models-file.ts';
import { isSourceLink, isValueCitation, textProblem } from '../../pipeline/ingest/text-rules.ts';
import { parseCsvBytes } from '../../pipeline/io/csv-reader.ts';
import { messages } from '../../pipeline/messages.ts';
import { RAW_MODEL_COLUMNS } from '../../pipeline/schema/raw-columns.ts';

const HEADER = RAW_MODEL_COLUMNS.join(',');
const base: Record<string, string> = {
  id: 'gpt-3-175b',
  name: 'GPT-3 175B',
  organization: 'OpenAI',
  domain: 'language',
  architecture: 'transformer',
  publication_date: '2020-05-28',
  parameters: '175B',
  training_tokens: '300B',
  training_compute: '3.14e23',
  training_compute_unit: 'FLOP',
  source_title: 'Language Models are Few-Shot Learners',
  source_year: '2020',
  source_link: 'arXiv:2005.14165',
};
const line = (over: Record<string, string> = {}) =>
  RAW_MODEL_COLUMNS.map((c) => {
    const v = { ...base, ...over }[c] ?? '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');

function problems(...rows: string[]) {
  const table = parseCsvBytes(new TextEncoder().encode([HEADER, ...rows].join('\n') + '\n'), 'data/raw/models.csv');
  return checkRows(toRawRows(table), new Set(['nvidia-v100']), '2026-11-24');
}

describe('models.csv validation', () => {

  it('checks who produced the compute value: a third party cites its publication, method and confidence qualify a third party', () => {
    const epoch = 'Epoch AI, Data on Notable AI Models (2024) https://epoch.ai/data/notable-ai-models';
    expect(problems(line({ compute_estimated_by: 'Epoch AI', compute_source: epoch, compute_estimation_method: 'benchmarks', compute_confidence: 'Speculative' }))).toEqual([]);
    const p = problems(
      line({ compute_estimated_by: 'Epoch AI' }),
      line({ id: 'b', name: 'B', compute_estimated_by: 'OpenAI', compute_source: epoch, training_compute: '', training_compute_unit: '' }),
      line({ id: 'c', name: 'C', compute_estimation_method: 'guesswork', compute_confidence: 'Likely' }),
      line({ id: 'd', name: 'D', compute_estimated_by: '=HYPERLINK("x")', compute_source: epoch }),
    );
    const at = (x: (typeof p)[number]) => [x.line, x.columnName, x.message];
    expect(p.map(at)).toEqual([
      [2, 'compute_source', messages.thirdPartyWithoutSource],
      [3, 'compute_estimated_by', messages.unitWithoutValue('compute_estimated_by')],
      [4, 'compute_estimation_method', messages.notInList('compute_estimation_method')],
      [4, 'compute_estimation_method', messages.withoutThirdParty('compute_estimation_method')],
      [4, 'compute_confidence', messages.withoutThirdParty('compute_confidence')],
      [5, 'compute_estimated_by', messages.formulaInText('compute_estimated_by')],
    ]);
    expect(p[2].expected).toBe('operations, hardware, benchmarks, other');
  });
  it('accepts a good row', () => {
    expect(problems(line())).toEqual([]);
  });

  it('names unknown and missing columns with their position', () => {
    const table = parseCsvBytes(new TextEncoder().encode('id,name,colour\nx,y,z\n'), 'm.csv');
    const p = checkHeader(table);
    expect(p[0]).toMatchObject({ line: 1, column: 3, message: messages.unknownColumn('colour') });
    expect(p.map((x) => x.message)).toContain(messages.missingColumn('source_link'));
  });

  it('reports every problem of the file at once, located by line and column', () => {
    const p = problems(
      line({ source_link: '' }),
      line({ id: 'other', name: 'Other', domain: 'chemistry', hardware: 'tpu-v9' }),
      line({ id: 'gpt-3-175b', name: 'Again' }),
    );
    expect(p).toEqual([
      expect.objectContaining({ line: 2, column: 22, columnName: 'source_link', message: messages.requiredCell('source_link') }),
      expect.objectContaining({ line: 3, column: 4, columnName: 'domain', message: messages.notInList('domain'), text: 'chemistry' }),
      expect.objectContaining({ line: 3, column: 15, columnName: 'hardware', message: messages.unknownHardware('tpu-v9') }),
      expect.objectContaining({ line: 4, column: 1, message: messages.duplicateId(2) }),
    ]);
  });

  it('treats the same name and year as a duplicate system', () => {
    const p = problems(line(), line({ id: 'gpt3-again', name: 'gpt-3 175b' }));
    expect(p).toEqual([expect.objectContaining({ line: 3, columnName: 'name', message: messages.duplicateSystem(2) })]);
  });

  it('refuses markup and formulas in names, and malformed per-value citations', () => {
    const p = problems(
      line({ id: 'a', name: '<img src=x onerror=alert(1)>' }),
      line({ id: 'b', name: '=HYPERLINK("http://x","y")' }),
      line({ id: 'c', name: 'C', compute_source: 'some blog' }),
    );
    expect(p.map((x) => [x.line, x.message])).toEqual([
      [2, messages.markupInText('name')],
      [3, messages.formulaInText('name')],
      [4, messages.badCitation('compute_source')],
    ]);
  });

  it('pairs values with units', () => {
    const p = problems(line({ training_compute_unit: '' }), line({ id: 'x', name: 'X', dataset_unit: 'tokens' }));
    expect(p.map((x) => x.message)).toEqual([messages.valueWithoutUnit('training_compute'), messages.unitWithoutValue('dataset_unit')]);
  });
});

describe('text rules', () => {
  it('recognizes source links and value citations', () => {
    expect(isSourceLink('arXiv:2005.14165')).toBe(true);
    expect(isSourceLink('arXiv:cs/9905014')).toBe(true);
    expect(isSourceLink('doi:10.1038/nature16961')).toBe(true);
    expect(isSourceLink('https://openai.com/index/ai-and-compute/')).toBe(true);
    expect(isSourceLink('see paper')).toBe(false);
    expect(isValueCitation('AI and Compute (2018) https://openai.com/index/ai-and-compute/')).toBe(true);
    expect(isValueCitation('AI and Compute https://openai.com/')).toBe(false);
  });

  it('flags control characters but not ordinary punctuation', () => {
    expect(textProblem('name', 'GPT-3 (175B), “davinci”')).toBeNull();
    expect(textProblem('name', 'a\u0007b')).toBe(messages.controlCharacter('name', 'U+0007'));
    expect(textProblem('name', '-5 dB model')).toBe(messages.formulaInText('name'));
  });
});
