/**
 * Generated families of bad input (issue 21), beside the hand-written cases in cases/: each family
 * crosses a list of places (every numeric column, every assumption, every text column, every file
 * ingest reads) with a list of ways to be wrong (below the possible minimum, above the maximum,
 * hexadecimal, × 10^ notation, a Unicode minus, a superscript exponent, every invisible and
 * bidirectional code point, a FIFO, a link to /dev/zero, …). Each case builds a raw folder and
 * says how it must end: a located error (stage, file, line, column, the exact message) or a clean
 * success (with, for unusual values, the located warning). Nothing here is committed as data:
 * the folders are written to a temporary directory by families.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { formatLimit } from '../../pipeline/ingest/plausibility.ts';
import { describeCodePoint } from '../../pipeline/ingest/text-rules.ts';
import { messages } from '../../pipeline/messages.ts';
import { BOUNDS, type Bound, type BoundName } from '../../pipeline/schema/bounds.ts';
import { RAW_HARDWARE_COLUMNS, RAW_MODEL_COLUMNS } from '../../pipeline/schema/raw-columns.ts';
import { EPOCH_COLUMNS, type EpochField } from '../../pipeline/adapters/epoch-columns.ts';
import { root } from './corpus.ts';

export interface ExpectedIssue {
  /** Relative to the case folder. */
  file: string;
  line?: number;
  column?: number;
  /** The exact message, or a test of it (for messages that quote a generated value at length). */
  message: string | RegExp;
}

export type Outcome =
  | { outcome: 'error'; stage: 'ingest' | 'normalize'; problems: ExpectedIssue[] }
  | { outcome: 'accepted'; records: number; warnings?: ExpectedIssue[]; dropped?: { line: number; reason: string | RegExp }[] };

export interface FamilyCase {
  family: string;
  name: string;
  /** Writes the case's raw folder (already created, empty). */
  build: (dir: string) => void;
  expect: Outcome;
  /** Needs mkfifo (skipped where there is none). */
  needsFifo?: boolean;
}

const COLUMN = Object.fromEntries(RAW_MODEL_COLUMNS.map((c, i) => [c, i + 1])) as Record<(typeof RAW_MODEL_COLUMNS)[number], number>;
type ModelColumn = (typeof RAW_MODEL_COLUMNS)[number];

/** One valid record with every numeric column filled, consistent with every bound and estimate. */
const FULL: Partial<Record<ModelColumn, string>> = {
  id: 'family-net',
  name: 'Family Net',
  organization: 'Family Lab',
  domain: 'language',
  architecture: 'transformer',
  publication_date: '2020-05-28',
  parameters: '1.75e11',
  active_parameters: '1.75e11',
  training_tokens: '3e11',
  dataset_size: '3e11',
  dataset_unit: 'tokens',
  epochs: '1',
  training_compute: '3.14e23',
  training_compute_unit: 'FLOP',
  hardware: 'nvidia-v100',
  hardware_count: '1024',
  training_time: '30 days',
  precision: 'fp16',
  utilization: '0.3',
  source_title: 'A family paper',
  source_year: '2020',
  source_link: 'arXiv:2005.14165',
  // The compute value as a third party's estimate (ws-provenance's columns), cited where it is published.
  compute_source: 'Notable AI Models (2024) https://epoch.ai/data/notable-ai-models',
  compute_estimated_by: 'Epoch AI',
  compute_estimation_method: 'operations',
  compute_confidence: 'Likely',
};

/** FULL without a compute value, so without the columns that qualify one. */
const NO_COMPUTE: Partial<Record<ModelColumn, string>> = {
  training_compute: '',
  training_compute_unit: '',
  compute_source: '',
  compute_estimated_by: '',
  compute_estimation_method: '',
  compute_confidence: '',
};

/** A second record, without numbers, for identity and text cases. */
const PLAIN: Partial<Record<ModelColumn, string>> = {
  id: 'plain-net',
  name: 'Plain Net',
  organization: 'Plain Lab',
  domain: 'vision',
  publication_date: '2019-03',
  source_title: 'A plain paper',
  source_year: '2019',
  source_link: 'https://example.org/plain',
};

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function modelsCsv(rows: Partial<Record<ModelColumn, string>>[]): string {
  const lines = [RAW_MODEL_COLUMNS.join(','), ...rows.map((r) => RAW_MODEL_COLUMNS.map((c) => csvCell(r[c] ?? '')).join(','))];
  return `${lines.join('\n')}\n`;
}

const writeModels = (rows: Partial<Record<ModelColumn, string>>[]) => (dir: string) => writeFileSync(join(dir, 'models.csv'), modelsCsv(rows));

/** How a bound's violation reads. */
function outOfBounds(label: string, value: number, bound: Bound, side: 'below' | 'above'): string {
  return messages.outOfBounds(label, formatLimit(value), side, formatLimit(side === 'below' ? bound.min : bound.max), bound.unit);
}
function unusual(label: string, value: number, bound: Bound, side: 'below' | 'above'): string {
  return messages.unusualValue(label, formatLimit(value), side, formatLimit((side === 'below' ? bound.warnMin : bound.warnMax)!), bound.unit);
}

// ---------------------------------------------------------------- numeric cells of models.csv

interface NumericColumn {
  column: ModelColumn;
  bound: BoundName;
  /** How a value in the bound's unit is written in the cell. */
  write: (v: number) => string;
  below: number;
  above: number;
  /** A value in the warning band whose estimates stay usual, when the bound has one. */
  unusual?: { value: number; side: 'below' | 'above' };
}

const NUMERIC: NumericColumn[] = [
  { column: 'parameters', bound: 'parameters', write: String, below: 0.5, above: 2e15, unusual: { value: 2e13, side: 'above' } },
  { column: 'active_parameters', bound: 'active_parameters', write: String, below: 0.5, above: 2e15 },
  { column: 'training_tokens', bound: 'training_tokens', write: String, below: 0.5, above: 2e17 },
  { column: 'dataset_size', bound: 'dataset_size', write: String, below: 1e-4, above: 2e17, unusual: { value: 0.5, side: 'below' } },
  { column: 'epochs', bound: 'epochs', write: String, below: 0.001, above: 2e6, unusual: { value: 2e4, side: 'above' } },
  { column: 'training_compute', bound: 'training_compute_flop', write: String, below: 0.5, above: 2e29, unusual: { value: 500, side: 'below' } },
  { column: 'hardware_count', bound: 'hardware_count', write: String, below: 0, above: 2e7, unusual: { value: 3e5, side: 'above' } },
  { column: 'training_time', bound: 'training_time_hours', write: (h) => `${h} hours`, below: 1e-4, above: 1e5, unusual: { value: 9000, side: 'above' } },
  { column: 'utilization', bound: 'utilization', write: String, below: 0.001, above: 1.5, unusual: { value: 0.05, side: 'below' } },
];

/** FULL with one cell replaced; an unusual training_tokens, epochs, … would move the estimates, so they are held apart. */
function withCell(column: ModelColumn, text: string): Partial<Record<ModelColumn, string>> {
  const row = { ...FULL, [column]: text };
  // An estimate from an extreme count would be reported besides the cell itself: keep only the cell's problem.
  if (column === 'parameters' || column === 'active_parameters') row.architecture = 'cnn';
  if (column === 'hardware_count' || column === 'training_time' || column === 'utilization') row.hardware = '';
  if (column === 'hardware_count' || column === 'training_time') row.precision = '';
  if (column === 'parameters') row.active_parameters = '';
  if (column === 'epochs' || column === 'dataset_size' || column === 'training_tokens') row.architecture = 'cnn';
  return row;
}

function numericFamilies(): FamilyCase[] {
  const cases: FamilyCase[] = [];
  const at = (column: ModelColumn) => ({ file: 'models.csv', line: 2, column: COLUMN[column] });
  for (const n of NUMERIC) {
    const bound: Bound = BOUNDS[n.bound];
    for (const [side, value] of [['below', n.below], ['above', n.above]] as const) {
      cases.push({
        family: 'numeric cell out of bounds',
        name: `${n.column} ${side} ${formatLimit(side === 'below' ? bound.min : bound.max)}`,
        build: writeModels([withCell(n.column, n.write(value))]),
        expect: { outcome: 'error', stage: 'normalize', problems: [{ ...at(n.column), message: outOfBounds(n.column, value, bound, side) }] },
      });
    }
    if (n.unusual) {
      const { value, side } = n.unusual;
      cases.push({
        family: 'numeric cell unusual (warning)',
        name: `${n.column} ${side} ${formatLimit((side === 'below' ? bound.warnMin : bound.warnMax)!)}`,
        build: writeModels([withCell(n.column, n.write(value))]),
        expect: { outcome: 'accepted', records: 1, warnings: [{ ...at(n.column), message: unusual(n.column, value, bound, side) }] },
      });
    }
    const written: [string, string, string][] = [
      ['hexadecimal', '0x1F', `"0x1F" (hexadecimal, binary or octal)`],
      ['× 10^ notation', '2 × 10^3', `"2 × 10^3" (× 10^ notation)`],
      ['10^ alone', '10^3', `"10^3" (× 10^ notation)`],
      ['a Unicode minus', '\u22122', `"\u22122" (a Unicode minus sign, U+2212)`],
      ['a superscript exponent', '2e³', `"2e³" (a superscript exponent)`],
      ['a superscript power', '10³', `"10³" (× 10^ notation)`],
    ];
    for (const [what, text, kind] of written) {
      const instead = what === 'hexadecimal' ? 'the value in decimal digits' : what === 'a Unicode minus' ? 'an ASCII hyphen-minus, or leave the cell empty' : undefined;
      cases.push({
        family: 'numeric cell written in a refused notation',
        name: `${n.column} as ${what}`,
        build: writeModels([withCell(n.column, text)]),
        expect: {
          outcome: 'error',
          stage: 'ingest',
          problems: [{ ...at(n.column), message: instead ? messages.numberNotation(n.column, kind, instead) : new RegExp(`^${escape(`${n.column}: ${kind} is not accepted in a data file; write `)}`) }],
        },
      });
    }
    cases.push({
      family: 'numeric cell with an invisible character',
      name: `${n.column} with U+200B`,
      build: writeModels([withCell(n.column, `1\u200b2`)]),
      expect: { outcome: 'error', stage: 'normalize', problems: [{ ...at(n.column), message: new RegExp(`${escape('the cell contains U+200B (ZERO WIDTH SPACE), which is not displayed')}$`) }] },
    });
  }
  // Whole-count and cross-field rules.
  cases.push({
    family: 'numeric cell out of bounds',
    name: 'hardware_count a fraction of a chip',
    build: writeModels([withCell('hardware_count', '2.5')]),
    expect: { outcome: 'error', stage: 'normalize', problems: [{ ...at('hardware_count'), message: messages.notWhole('hardware_count', '2.5', 'accelerators') }] },
  });
  cases.push({
    family: 'numeric cross-field',
    name: 'active_parameters above parameters',
    build: writeModels([{ ...FULL, active_parameters: '2e11' }]),
    expect: { outcome: 'error', stage: 'normalize', problems: [{ ...at('active_parameters'), message: messages.activeAboveTotal('2e11', '1.75e11') }] },
  });
  cases.push({
    family: 'numeric cross-field',
    name: 'a 6·N·D estimate above 1e29 FLOP from plausible N and D',
    build: writeModels([{ ...FULL, ...NO_COMPUTE, parameters: '9e14', active_parameters: '', training_tokens: '9e16' }]),
    expect: { outcome: 'error', stage: 'normalize', problems: [{ ...at('parameters'), message: /^the operations estimate from this row's values, .* = 4\.86e32 FLOP, is above the possible maximum of 1e29 FLOP/ }] },
  });
  cases.push({
    family: 'numeric cross-field',
    name: 'a hardware estimate above 1e29 FLOP',
    build: writeModels([{ ...FULL, ...NO_COMPUTE, architecture: 'cnn', hardware_count: '9000000', training_time: '80000 hours', utilization: '0.9' }]),
    expect: { outcome: 'error', stage: 'normalize', problems: [{ ...at('hardware_count'), message: /^the hardware estimate from this row's values, .* FLOP, is above the possible maximum of 1e29 FLOP/ }] },
  });
  return cases;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------- hardware.csv

function hardwareFamilies(): FamilyCase[] {
  const shipped = readFileSync(join(root, 'data/raw/hardware.csv'), 'utf8').trimEnd().split('\n');
  const header = shipped[0].split(',');
  const col = (name: string) => header.indexOf(name) + 1;
  // A row of our own, appended as line N, so its cells are simple to set.
  const line = shipped.length + 1;
  const base: Record<string, string> = {
    id: 'family-chip',
    name: 'Family Chip',
    vendor: 'Family',
    kind: 'gpu',
    release_date: '2020-01-01',
    cores_per_chip: '1',
    peak_fp16: '1e14',
    default_precision: 'fp16',
    source_title: 'Family chip datasheet',
    source_year: '2020',
    source_link: 'https://example.org/chip',
  };
  const build = (cells: Record<string, string>) => (dir: string) => {
    const row = RAW_HARDWARE_COLUMNS.map((c) => csvCell(cells[c] ?? '')).join(',');
    writeFileSync(join(dir, 'hardware.csv'), `${[...shipped, row].join('\n')}\n`);
    writeFileSync(join(dir, 'models.csv'), modelsCsv([PLAIN]));
  };
  const bound: Bound = BOUNDS.peak_flop_per_second;
  const cases: FamilyCase[] = [];
  for (const precision of ['fp64', 'fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8']) {
    const column = `peak_${precision}`;
    const cells = (v: string) => ({ ...base, [column]: v, default_precision: precision, ...(precision !== 'fp16' ? { peak_fp16: '' } : {}) });
    for (const [side, value] of [['below', 1], ['above', 1e30]] as const) {
      cases.push({
        family: 'hardware peak out of the span of real chips',
        name: `${column} ${formatLimit(value)}`,
        build: build(cells(String(value))),
        expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'hardware.csv', line, column: col(column), message: outOfBounds(column, value, bound, side) }] },
      });
    }
    cases.push({
      family: 'hardware peak out of the span of real chips',
      name: `${column} in hexadecimal`,
      build: build(cells('0x1')),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'hardware.csv', line, column: col(column), message: messages.numberNotation(column, '"0x1" (hexadecimal, binary or octal)', 'the value in decimal digits') }] },
    });
    cases.push({
      family: 'hardware peak unusual (warning)',
      name: `${column} 5e16`,
      build: build(cells('5e16')),
      expect: { outcome: 'accepted', records: 1, warnings: [{ file: 'hardware.csv', line, column: col(column), message: unusual(column, 5e16, bound, 'above') }] },
    });
  }
  cases.push(
    {
      family: 'hardware dates and counts',
      name: 'release date after the run date',
      build: build({ ...base, release_date: '2030-01-01' }),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'hardware.csv', line, column: col('release_date'), message: messages.releaseInFuture('2026-11-24') }] },
    },
    {
      family: 'hardware dates and counts',
      name: 'release date not a real day',
      build: build({ ...base, release_date: '2020-02-30' }),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'hardware.csv', line, column: col('release_date'), message: /^release_date: Invalid day 30/ }] },
    },
    {
      family: 'hardware dates and counts',
      name: 'source year after the run date',
      build: build({ ...base, source_year: '2031' }),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'hardware.csv', line, column: col('source_year'), message: messages.badYear }] },
    },
    {
      family: 'hardware dates and counts',
      name: 'cores_per_chip zero',
      build: build({ ...base, cores_per_chip: '0' }),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'hardware.csv', line, column: col('cores_per_chip'), message: outOfBounds('cores_per_chip', 0, BOUNDS.cores_per_chip, 'below') }] },
    },
    {
      family: 'hardware dates and counts',
      name: 'cores_per_chip in hexadecimal',
      build: build({ ...base, cores_per_chip: '0x2' }),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'hardware.csv', line, column: col('cores_per_chip'), message: messages.numberNotation('cores_per_chip', '"0x2" (hexadecimal, binary or octal)', 'the value in decimal digits') }] },
    },
    {
      family: 'hardware dates and counts',
      name: 'a system trained on a chip released after it (warning)',
      build: (dir) => {
        build({ ...base, release_date: '2024-06' })(dir);
        writeFileSync(join(dir, 'models.csv'), modelsCsv([{ ...FULL, hardware: 'family-chip', publication_date: '2021-05-28', source_year: '2021' }]));
      },
      expect: { outcome: 'accepted', records: 1, warnings: [{ file: 'models.csv', line: 2, column: COLUMN.hardware, message: messages.hardwareAfterSystem('family-chip', '2024-06', '2021-05-28') }] },
    },
  );
  return cases;
}

// ---------------------------------------------------------------- assumptions.yaml

const ASSUMPTION_LINES: [string, BoundName, string][] = [
  ['utilization.default', 'assumptions.utilization', '0.4'],
  ['utilization.by_domain.language', 'assumptions.utilization', '0.3'],
  ['uncertainty_factor.stated', 'assumptions.uncertainty_factor', '1'],
  ['uncertainty_factor.third_party', 'assumptions.uncertainty_factor', '2'],
  ['uncertainty_factor.converted', 'assumptions.uncertainty_factor', '1.2'],
  ['uncertainty_factor.operations', 'assumptions.uncertainty_factor', '2'],
  ['uncertainty_factor.hardware', 'assumptions.uncertainty_factor', '3'],
  ['tokens_per_word', 'assumptions.tokens_per_word', '1.333'],
  ['flop_per_parameter_per_token', 'assumptions.flop_per_parameter_per_token', '6'],
  ['audit_disagreement_factor', 'assumptions.audit_disagreement_factor', '3'],
  ['breakpoints.min_segment_years', 'assumptions.breakpoints.min_segment_years', '2'],
  ['breakpoints.min_segment_points', 'assumptions.breakpoints.min_segment_points', '5'],
];

/** assumptions.yaml with `path` set to `text`, and the line and column of that value. */
function assumptionsYaml(path: string, text: string): { yaml: string; line: number; column: number } {
  const v = Object.fromEntries(ASSUMPTION_LINES.map(([p, , d]) => [p, p === path ? text : d]));
  const lines = [
    'utilization:',
    `  default: ${v['utilization.default']}`,
    '  by_domain:',
    `    language: ${v['utilization.by_domain.language']}`,
    'uncertainty_factor:',
    `  stated: ${v['uncertainty_factor.stated']}`,
    `  third_party: ${v['uncertainty_factor.third_party']}`,
    `  converted: ${v['uncertainty_factor.converted']}`,
    `  operations: ${v['uncertainty_factor.operations']}`,
    `  hardware: ${v['uncertainty_factor.hardware']}`,
    `tokens_per_word: ${v.tokens_per_word}`,
    `flop_per_parameter_per_token: ${v.flop_per_parameter_per_token}`,
    `audit_disagreement_factor: ${v.audit_disagreement_factor}`,
    'breakpoints:',
    `  min_segment_years: ${v['breakpoints.min_segment_years']}`,
    `  min_segment_points: ${v['breakpoints.min_segment_points']}`,
  ];
  const key = path.split('.').at(-1)!;
  const index = lines.findIndex((l, i) => l.trimStart().startsWith(`${key}:`) && (path !== 'utilization.default' || i === 1));
  return { yaml: `${lines.join('\n')}\n`, line: index + 1, column: lines[index].indexOf(': ') + 3 };
}

function assumptionFamilies(): FamilyCase[] {
  const cases: FamilyCase[] = [];
  for (const [path, name] of ASSUMPTION_LINES) {
    const bound: Bound = BOUNDS[name];
    // Half the minimum, or -1 when the minimum is 0.
    const below = bound.min === 0 ? -1 : bound.min / 2;
    const variants: [string, string, 'error' | 'warning', string | RegExp][] = [
      ['below the minimum', String(below), 'error', outOfBounds(path, below, bound, 'below')],
      ['above the maximum', String(bound.max * 10), 'error', outOfBounds(path, bound.max * 10, bound, 'above')],
      ['1e300', '1e300', 'error', outOfBounds(path, 1e300, bound, 'above')],
      ['hexadecimal', '0x1', 'error', messages.assumptionNotation(path, '0x1')],
      ['octal', '0o7', 'error', messages.assumptionNotation(path, '0o7')],
      ['.inf', '.inf', 'error', messages.assumptionNotation(path, '.inf')],
      ['.nan', '.nan', 'error', messages.assumptionNotation(path, '.nan')],
    ];
    if (bound.warnMax !== undefined) variants.push(['unusually high', String((bound.warnMax + bound.max) / 2), 'warning', unusual(path, (bound.warnMax + bound.max) / 2, bound, 'above')]);
    if (bound.warnMin !== undefined) variants.push(['unusually low', String((bound.warnMin + bound.min) / 2), 'warning', unusual(path, (bound.warnMin + bound.min) / 2, bound, 'below')]);
    if (bound.integer) variants.push(['a fraction', '2.5', 'error', messages.notWhole(path, '2.5', bound.unit)]);
    for (const [what, text, level, message] of variants) {
      const { yaml, line, column } = assumptionsYaml(path, text);
      const issue = { file: 'assumptions.yaml', line, column, message };
      cases.push({
        family: level === 'error' ? 'assumption out of bounds or not decimal' : 'assumption unusual (warning)',
        name: `${path} ${what}`,
        build: (dir) => {
          writeFileSync(join(dir, 'assumptions.yaml'), yaml);
          writeFileSync(join(dir, 'models.csv'), modelsCsv([PLAIN]));
        },
        expect: level === 'error' ? { outcome: 'error', stage: 'ingest', problems: [issue] } : { outcome: 'accepted', records: 1, warnings: [issue] },
      });
    }
  }
  return cases;
}

// ---------------------------------------------------------------- invisible, bidirectional and control characters

/** Every code point the text rules refuse, by class. */
export const HIDDEN_CODE_POINTS: Record<string, number[]> = {
  bidirectional: [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069],
  invisible: [
    0x00ad, 0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180b, 0x180c, 0x180d, 0x180e, 0x180f, 0x200b, 0x200c, 0x200d, 0x2028, 0x2029,
    0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2065, 0x206a, 0x206b, 0x206c, 0x206d, 0x206e, 0x206f, 0x3164, 0xfeff, 0xffa0, 0xfff9,
    0xfffa, 0xfffb, ...range(0xfe00, 0xfe0f), 0xe0001, 0xe0020, 0xe0041, 0xe007f, 0xe0100, 0xe01ef, 0x1d173, 0x1d17a,
  ],
  control: [...range(0x01, 0x08), 0x0b, 0x0c, ...range(0x0e, 0x1f), 0x7f, ...range(0x80, 0x9f)],
};

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function hiddenMessage(column: string, cls: string, cp: number, at: number): string {
  const ch = String.fromCodePoint(cp);
  if (cls === 'bidirectional') return messages.bidiCharacter(column, describeCodePoint(ch), at);
  if (cls === 'invisible') return messages.invisibleCharacter(column, describeCodePoint(ch), at);
  return messages.controlCharacter(column, describeCodePoint(ch));
}

function textFamilies(): FamilyCase[] {
  const cases: FamilyCase[] = [];
  // Every code point in a name, in the middle of a word.
  for (const [cls, points] of Object.entries(HIDDEN_CODE_POINTS)) {
    for (const cp of points) {
      const name = `Plain${String.fromCodePoint(cp)} Net`;
      cases.push({
        family: `${cls} character in a name`,
        name: describeCodePoint(String.fromCodePoint(cp)),
        build: writeModels([{ ...PLAIN, name }]),
        expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 2, column: COLUMN.name, message: hiddenMessage('name', cls, cp, 6) }] },
      });
    }
  }
  // One of each class in every other free-text column.
  const columns: ModelColumn[] = ['organization', 'source_title', 'notes', 'parameters_source', 'data_source', 'compute_source', 'hardware_source'];
  for (const column of columns) {
    for (const [cls, cp] of [['bidirectional', 0x202e], ['invisible', 0x200b], ['invisible', 0xe0041], ['control', 0x9b], ['control', 0x1b]] as const) {
      const prefix = column.endsWith('_source') ? 'Paper ' : 'Some ';
      const text = `${prefix}${String.fromCodePoint(cp)}text${column.endsWith('_source') ? ' (2019) https://example.org/x' : ''}`;
      cases.push({
        family: `${cls} character in a free-text column`,
        name: `${column} with ${describeCodePoint(String.fromCodePoint(cp))}`,
        build: writeModels([{ ...PLAIN, [column]: text }]),
        expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 2, column: COLUMN[column], message: hiddenMessage(column, cls, cp, prefix.length + 1) }] },
      });
    }
  }
  // The third party's columns (who estimated the compute, how sure they are): free text too. They
  // qualify a compute value, so the record has one, cited where the estimate is published.
  const thirdParty = { ...PLAIN, training_compute: '1e20', training_compute_unit: 'FLOP', compute_source: 'Paper (2019) https://example.org/x', compute_estimated_by: 'Epoch AI' };
  for (const column of ['compute_estimated_by', 'compute_confidence'] as const) {
    for (const [cls, cp] of [['bidirectional', 0x202e], ['invisible', 0x200b], ['control', 0x9b]] as const) {
      cases.push({
        family: `${cls} character in a free-text column`,
        name: `${column} with ${describeCodePoint(String.fromCodePoint(cp))}`,
        build: writeModels([{ ...thirdParty, [column]: `Some ${String.fromCodePoint(cp)}text` }]),
        expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 2, column: COLUMN[column], message: hiddenMessage(column, cls, cp, 6) }] },
      });
    }
  }
  // A listed value with a hidden character reads as another value: the character is named.
  for (const [column, value] of [['compute_estimation_method', 'operations'], ['domain', 'vision'], ['precision', 'fp16']] as const) {
    for (const cp of [0x200b, 0x202e]) {
      const ch = String.fromCodePoint(cp);
      cases.push({
        family: 'hidden character in a listed value',
        name: `${column} with ${describeCodePoint(ch)}`,
        build: writeModels([{ ...thirdParty, [column]: `${value}${ch}` }]),
        expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 2, column: COLUMN[column], message: messages.hiddenInCell(messages.notInList(column), describeCodePoint(ch)) }] },
      });
    }
  }
  // The same rules drop an upstream row whose name carries one, naming the code point.
  for (const [cls, cp] of [['bidirectional', 0x202e], ['invisible', 0x200b], ['control', 0x9b]] as const) {
    cases.push({
      family: `${cls} character in an upstream name (row dropped)`,
      name: describeCodePoint(String.fromCodePoint(cp)),
      build: (dir) =>
        writeFileSync(
          join(dir, 'export.csv'),
          `Model,Publication date,Training compute (FLOP)\nGood Net,2020-01-01,1e20\nBad${String.fromCodePoint(cp)} Net,2020-01-01,1e20\n`,
        ),
      expect: { outcome: 'accepted', records: 1, dropped: [{ line: 3, reason: hiddenMessage('name', cls, cp, 4) }] },
    });
  }
  return cases;
}

// ---------------------------------------------------------------- identity: look-alike names

function identityFamilies(): FamilyCase[] {
  const cases: FamilyCase[] = [];
  const duplicate = (what: string, first: string, second: string) =>
    cases.push({
      family: 'look-alike name (duplicate)',
      name: what,
      build: writeModels([{ ...PLAIN, name: first }, { ...PLAIN, id: 'plain-net-2', name: second }]),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 3, column: COLUMN.name, message: messages.duplicateSystem(2) }] },
    });
  duplicate('case and punctuation', 'Plain Net', 'PLAIN-NET');
  duplicate('full-width letters', 'Plain Net', 'Ｐｌａｉｎ Ｎｅｔ');
  duplicate('accents', 'Plain Net', 'Pláin Nét');
  duplicate('a ligature', 'Flow Net', 'ﬂow Net');
  duplicate('a no-break space', 'Plain Net', 'Plain\u00a0Net');
  duplicate('a word all in Cyrillic look-alikes', 'ABC Net', 'АВС Net');
  duplicate('a word all in Greek look-alikes', 'ABE Net', 'ΑΒΕ Net');
  duplicate('superscript and circled digits', 'Net 2', 'Net ²');
  for (const [what, name, word, cp, script] of [
    ['a Cyrillic letter in a Latin word', 'GРT-3', 'GРT', '\u0420', 'Cyrillic'],
    ['a Greek capital in a Latin word', 'AlphaΖero', 'AlphaΖero', '\u0396', 'Greek'],
    ['a Cyrillic small letter', 'Plаin Net', 'Plаin', '\u0430', 'Cyrillic'],
  ] as const) {
    cases.push({
      family: 'look-alike name (mixed scripts)',
      name: what,
      build: writeModels([{ ...PLAIN, name }]),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 2, column: COLUMN.name, message: messages.mixedScripts('name', word, describeCodePoint(cp), script) }] },
    });
  }
  for (const [what, first, second] of [
    ['two names in Chinese', '悟道', '文心'],
    ['Greek letters as words', 'PanGu-α', 'PanGu-Σ'],
    ['a Greek letter before a Latin word', 'λ-WASP', 'WASP'],
  ] as const) {
    cases.push({
      family: 'distinct names in other scripts (accepted)',
      name: what,
      build: writeModels([{ ...PLAIN, name: first }, { ...PLAIN, id: 'plain-net-2', name: second }]),
      expect: { outcome: 'accepted', records: 2 },
    });
  }
  return cases;
}

// ---------------------------------------------------------------- aliases.csv

const ALIAS_HEADER = 'id,upstream_name,relation,note';

function aliasFamilies(): FamilyCase[] {
  const cases: FamilyCase[] = [];
  const build = (rows: string[]) => (dir: string) => {
    writeFileSync(join(dir, 'models.csv'), modelsCsv([PLAIN]));
    writeFileSync(join(dir, 'aliases.csv'), `${[ALIAS_HEADER, ...rows].join('\n')}\n`);
  };
  const col = (name: string) => ALIAS_HEADER.split(',').indexOf(name) + 1;
  for (const [cls, cp] of [['bidirectional', 0x202e], ['invisible', 0x200b], ['invisible', 0xe0041], ['control', 0x9b]] as const) {
    const ch = String.fromCodePoint(cp);
    cases.push({
      family: `${cls} character in aliases.csv`,
      name: `upstream_name with ${describeCodePoint(ch)}`,
      build: build([`plain-net,Plain${ch} Net (2019),same,the upstream spelling`]),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'aliases.csv', line: 2, column: col('upstream_name'), message: hiddenMessage('upstream_name', cls, cp, 6) }] },
    });
    cases.push({
      family: `${cls} character in aliases.csv`,
      name: `note with ${describeCodePoint(ch)}`,
      build: build([`plain-net,Plain Net (2019),same,the upstream${ch} spelling`]),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'aliases.csv', line: 2, column: col('note'), message: hiddenMessage('note', cls, cp, 13) }] },
    });
  }
  cases.push(
    {
      family: 'hidden character in aliases.csv',
      name: 'id with U+200B',
      build: build(['plain\u200b-net,Plain Net (2019),same,the upstream spelling']),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'aliases.csv', line: 2, column: col('id'), message: messages.hiddenInCell(messages.badId, describeCodePoint('\u200b')) }] },
    },
    {
      family: 'look-alike name in aliases.csv (mixed scripts)',
      name: 'a Cyrillic letter in a Latin word',
      build: build(['plain-net,GРT-3,same,the upstream spelling']),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'aliases.csv', line: 2, column: col('upstream_name'), message: messages.mixedScripts('upstream_name', 'GРT', describeCodePoint('\u0420'), 'Cyrillic') }] },
    },
  );
  for (const [what, second] of [['full-width letters', 'Ｐｌａｉｎ Ｎｅｔ (2019)'], ['accents', 'Pláin Net (2019)'], ['case and spacing', 'PLAIN   net (2019)']] as const) {
    cases.push({
      family: 'look-alike name in aliases.csv (the same name twice)',
      name: what,
      build: build(['plain-net,Plain Net (2019),same,the upstream spelling', `plain-net,${second},same,another spelling`]),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'aliases.csv', line: 3, column: col('upstream_name'), message: messages.aliasDuplicateName(2) }] },
    });
  }
  return cases;
}

// ---------------------------------------------------------------- numeric cells of an upstream export

/** Every numeric column of the Epoch column map, with values below its bound, above it, and unusual. */
function upstreamNumericFamilies(): FamilyCase[] {
  const cases: FamilyCase[] = [];
  const fields = (Object.keys(EPOCH_COLUMNS) as EpochField[]).filter((f) => 'bound' in EPOCH_COLUMNS[f]);
  for (const field of fields) {
    const column = EPOCH_COLUMNS[field].names[0];
    const boundName = (EPOCH_COLUMNS[field] as { bound: BoundName }).bound;
    const bound: Bound = BOUNDS[boundName];
    const header = field === 'compute' ? 'Model,Publication date,Training compute (FLOP)' : `Model,Publication date,Training compute (FLOP),${csvCell(column)}`;
    const at = field === 'compute' ? 3 : 4;
    const row = (text: string) => (field === 'compute' ? `Good Net,2020-01-01,${text}` : `Good Net,2020-01-01,1e20,${text}`);
    const build = (text: string) => (dir: string) => writeFileSync(join(dir, 'export.csv'), `${header}\n${row(text)}\n`);
    const below = bound.min <= 0 ? -1 : bound.min / 2;
    for (const [side, value] of [['below', below], ['above', bound.max * 2]] as const) {
      cases.push({
        family: 'upstream numeric cell out of bounds (value dropped)',
        name: `${column} ${side} ${formatLimit(side === 'below' ? bound.min : bound.max)}`,
        build: build(String(value)),
        expect: { outcome: 'accepted', records: 1, warnings: [{ file: 'export.csv', line: 2, column: at, message: `${outOfBounds(column, value, bound, side)}; value dropped` }] },
      });
    }
    // An unusual value is kept, with a warning. The compute bounds must still bracket the compute
    // (1e20): no unusually high lower bound, no unusually low upper bound.
    const high = bound.warnMax !== undefined && field !== 'computeLow' ? { value: (bound.warnMax + bound.max) / 2, side: 'above' as const } : null;
    const low = bound.warnMin !== undefined && field !== 'computeHigh' ? { value: (bound.warnMin + bound.min) / 2, side: 'below' as const } : null;
    for (const u of [high, low]) {
      if (u === null) continue;
      const value = bound.integer ? Math.round(u.value) : u.value;
      cases.push({
        family: 'upstream numeric cell unusual (kept, warning)',
        name: `${column} ${u.side} ${formatLimit((u.side === 'below' ? bound.warnMin : bound.warnMax)!)}`,
        build: build(String(value)),
        expect: { outcome: 'accepted', records: 1, warnings: [{ file: 'export.csv', line: 2, column: at, message: unusual(column, value, bound, u.side) }] },
      });
    }
  }
  return cases;
}

// ---------------------------------------------------------------- dates

function dateFamilies(): FamilyCase[] {
  return [
    {
      family: 'dates',
      name: 'a source older than the system',
      build: writeModels([{ ...PLAIN, publication_date: '2021-03', source_year: '2019' }]),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 2, column: COLUMN.source_year, message: messages.sourceBeforePublication('2019', '2021-03') }] },
    },
    {
      family: 'dates',
      name: 'a source later than the system (accepted)',
      build: writeModels([{ ...PLAIN, publication_date: '1959', source_year: '2016' }]),
      expect: { outcome: 'accepted', records: 1 },
    },
    {
      family: 'dates',
      name: 'a publication date after the run date',
      build: writeModels([{ ...PLAIN, publication_date: '2027-01-05', source_year: '2026' }]),
      expect: { outcome: 'error', stage: 'normalize', problems: [{ file: 'models.csv', line: 2, column: COLUMN.publication_date, message: messages.cannotParse('publication_date', 'Date is after today (2026-11-24): "2027-01-05"') }] },
    },
  ];
}

// ---------------------------------------------------------------- files that are not regular files

type Special = 'folder' | 'fifo' | 'link to /dev/zero' | 'broken link' | 'link loop';
const SPECIALS: Special[] = ['folder', 'fifo', 'link to /dev/zero', 'broken link', 'link loop'];
const KIND_WORDS: Record<Special, string> = {
  folder: 'a folder',
  fifo: 'a FIFO (named pipe)',
  'link to /dev/zero': 'a character device',
  'broken link': 'a symbolic link to nothing',
  'link loop': 'a symbolic link loop',
};

export function makeSpecial(path: string, kind: Special): void {
  if (kind === 'folder') mkdirSync(path);
  else if (kind === 'fifo') execFileSync('mkfifo', [path]);
  else if (kind === 'link to /dev/zero') symlinkSync('/dev/zero', path);
  else if (kind === 'broken link') symlinkSync(join(path, '..', 'nothing-here'), path);
  else symlinkSync(path, path);
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const EXPORT = 'Model,Publication date,Training compute (FLOP)\nGood Net,2020-01-01,1e20\nOther Net,2021-01-01,2e21\n';

/** A snapshot of EXPORT (or `text`) with correct metadata, unless changed by `meta`. */
export function writeSnapshot(dir: string, date: string, text = EXPORT, meta: Record<string, unknown> = {}, source = 'epoch-notable'): void {
  const folder = join(dir, 'snapshots', source);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${date}.csv`), text);
  const rows = text.trimEnd().split('\n').length - 1;
  const record = { source, snapshot_date: date, retrieved_from: 'fixture', retrieved_at: '2026-01-01T00:00:00.000Z', sha256: sha(text), bytes: Buffer.byteLength(text), rows, license: 'CC-BY-4.0', citation: 'fixture', ...meta };
  writeFileSync(join(folder, `${date}.meta.json`), `${JSON.stringify(record, null, 2)}\n`);
}

function fileFamilies(): FamilyCase[] {
  const cases: FamilyCase[] = [];
  const places: [string, string, (dir: string) => void][] = [
    ['models.csv', 'models.csv', () => {}],
    ['hardware.csv', 'hardware.csv', (dir) => writeFileSync(join(dir, 'models.csv'), modelsCsv([PLAIN]))],
    ['assumptions.yaml', 'assumptions.yaml', (dir) => writeFileSync(join(dir, 'models.csv'), modelsCsv([PLAIN]))],
    ['an export', 'export.csv', (dir) => writeFileSync(join(dir, 'models.csv'), modelsCsv([PLAIN]))],
    ['aliases.csv', 'aliases.csv', (dir) => writeFileSync(join(dir, 'models.csv'), modelsCsv([PLAIN]))],
    ['pins.yaml', 'snapshots/pins.yaml', (dir) => (writeFileSync(join(dir, 'models.csv'), modelsCsv([PLAIN])), writeSnapshot(dir, '2024-01-01'))],
    ['a snapshot', 'snapshots/epoch-notable/2024-01-01.csv', (dir) => writeSnapshot(dir, '2024-01-01')],
    ['snapshot metadata', 'snapshots/epoch-notable/2024-01-01.meta.json', (dir) => writeSnapshot(dir, '2024-01-01')],
  ];
  for (const [what, file, prepare] of places) {
    for (const kind of SPECIALS) {
      cases.push({
        family: 'a file ingest reads is not a regular file',
        name: `${what} is ${kind}`,
        needsFifo: kind === 'fifo',
        build: (dir) => {
          prepare(dir);
          const path = join(dir, file);
          try {
            execFileSync('rm', ['-f', path]);
          } catch {
            // nothing there
          }
          makeSpecial(path, kind);
        },
        expect: { outcome: 'error', stage: 'ingest', problems: [{ file, line: 1, column: 1, message: messages.notRegularFile(KIND_WORDS[kind]) }] },
      });
    }
  }
  // Things ingest never opens: whatever they are, the run is not affected.
  for (const [name, kind] of [
    ['pipe', 'fifo'],
    ['zero', 'link to /dev/zero'],
    ['.#models.csv', 'broken link'],
    ['.hidden.csv', 'fifo'],
    ['notes.txt', 'link loop'],
    ['snapshots/epoch-notable/.tmp-2024-02-01.csv-1', 'fifo'],
  ] as [string, Special][]) {
    cases.push({
      family: 'an unrelated special file is never opened (accepted)',
      name: `${name} is ${kind}`,
      needsFifo: kind === 'fifo',
      build: (dir) => {
        writeFileSync(join(dir, 'models.csv'), modelsCsv([PLAIN]));
        if (name.startsWith('snapshots/')) writeSnapshot(dir, '2024-01-01');
        makeSpecial(join(dir, name), kind);
      },
      expect: { outcome: 'accepted', records: name.startsWith('snapshots/') ? 3 : 1 },
    });
  }
  return cases;
}

// ---------------------------------------------------------------- snapshots

function snapshotFamilies(): FamilyCase[] {
  const csv = 'snapshots/epoch-notable/2024-01-01.csv';
  const meta = 'snapshots/epoch-notable/2024-01-01.meta.json';
  const lineOf = (key: string) => ['{', 'source', 'snapshot_date', 'retrieved_from', 'retrieved_at', 'sha256', 'bytes', 'rows'].indexOf(key) + 1;
  const cases: FamilyCase[] = [
    {
      family: 'snapshot not as its metadata records',
      name: 'no metadata file',
      build: (dir) => (writeSnapshot(dir, '2024-01-01'), execFileSync('rm', [join(dir, meta)])),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: csv, line: 1, column: 1, message: messages.snapshotNoMeta(`test-families/${meta}`) }] },
    },
    {
      family: 'snapshot not as its metadata records',
      name: 'metadata not JSON',
      build: (dir) => (writeSnapshot(dir, '2024-01-01'), writeFileSync(join(dir, meta), '{"sha256": ')),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: meta, line: 1, column: 1, message: /^the snapshot's metadata cannot be read: / }] },
    },
    {
      family: 'snapshot not as its metadata records',
      name: 'metadata an array',
      build: (dir) => (writeSnapshot(dir, '2024-01-01'), writeFileSync(join(dir, meta), '[]')),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: meta, line: 1, column: 1, message: messages.snapshotMetaUnreadable('it is not a JSON object') }] },
    },
  ];
  const edited = EXPORT.replace('2e21', '3e21');
  const mismatches: [string, (dir: string) => void, string, string, string, string][] = [
    ['bytes edited since import', (dir) => (writeSnapshot(dir, '2024-01-01'), writeFileSync(join(dir, csv), edited)), 'sha256', sha(edited), JSON.stringify(sha(EXPORT)), ''],
    ['a row cut off (sha256 and rows recorded for it)', (dir) => writeSnapshot(dir, '2024-01-01', EXPORT, { rows: 5 }), 'rows', '2', '5', ''],
    ['another source recorded', (dir) => writeSnapshot(dir, '2024-01-01', EXPORT, { source: 'elsewhere' }), 'source', '"epoch-notable"', '"elsewhere"', ''],
    ['another date recorded', (dir) => writeSnapshot(dir, '2024-01-01', EXPORT, { snapshot_date: '2023-12-01' }), 'snapshot_date', '"2024-01-01"', '"2023-12-01"', ''],
    ['another size recorded', (dir) => writeSnapshot(dir, '2024-01-01', EXPORT, { bytes: 1 }), 'bytes', String(Buffer.byteLength(EXPORT)), '1', ''],
  ];
  for (const [what, build, field, found, recorded] of mismatches) {
    cases.push({
      family: 'snapshot not as its metadata records',
      name: what,
      build,
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: meta, line: lineOf(field), column: 1, message: messages.snapshotMismatch(field, found, recorded) }] },
    });
  }
  cases.push(
    {
      family: 'snapshot dates',
      name: 'not a real day',
      build: (dir) => writeSnapshot(dir, '2024-02-30'),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'snapshots/epoch-notable/2024-02-30.csv', line: 1, column: 1, message: messages.snapshotBadDate('2024-02-30') }] },
    },
    {
      family: 'snapshot dates',
      name: 'after the run date',
      build: (dir) => writeSnapshot(dir, '2030-01-01'),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'snapshots/epoch-notable/2030-01-01.csv', line: 1, column: 1, message: messages.snapshotInFuture('2030-01-01', '2026-11-24') }] },
    },
    {
      family: 'snapshot dates',
      name: 'a CSV not named like a snapshot',
      build: (dir) => (writeSnapshot(dir, '2024-01-01'), writeFileSync(join(dir, 'snapshots/epoch-notable/latest.csv'), EXPORT)),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'snapshots/epoch-notable/latest.csv', line: 1, column: 1, message: messages.snapshotUnknownFile('latest.csv') }] },
    },
    {
      family: 'the same export read twice',
      name: 'a top-level copy of the snapshot',
      build: (dir) => (writeSnapshot(dir, '2024-01-01'), writeFileSync(join(dir, 'epoch.csv'), EXPORT)),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: csv, line: 1, column: 1, message: messages.sameExportTwice('test-families/epoch.csv', sha(EXPORT)) }] },
    },
    {
      family: 'the same export read twice',
      name: 'two identical top-level files',
      build: (dir) => (writeFileSync(join(dir, 'a.csv'), EXPORT), writeFileSync(join(dir, 'b.csv'), EXPORT)),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'b.csv', line: 1, column: 1, message: messages.sameExportTwice('test-families/a.csv', sha(EXPORT)) }] },
    },
    {
      family: 'the same export read twice',
      name: 'two sources with the same bytes',
      build: (dir) => (writeSnapshot(dir, '2024-01-01'), writeSnapshot(dir, '2024-01-01', EXPORT, {}, 'mirror')),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'snapshots/mirror/2024-01-01.csv', line: 1, column: 1, message: messages.sameExportTwice(`test-families/${csv}`, sha(EXPORT)) }] },
    },
  );
  return cases;
}

// ---------------------------------------------------------------- CSV shapes

function shapeFamilies(): FamilyCase[] {
  const semicolons = RAW_MODEL_COLUMNS.length - 1;
  const rows = (sep: string, quote: boolean) => {
    const cell = (v: string) => (quote && v !== '' ? `"${v}"` : v);
    return [RAW_MODEL_COLUMNS.join(sep), RAW_MODEL_COLUMNS.map((c) => cell(PLAIN[c] ?? '')).join(sep)].join('\n') + '\n';
  };
  const cases: FamilyCase[] = [];
  for (const [name, sep] of [['semicolon', ';'], ['tab', '\t'], ['pipe', '|']] as const) {
    cases.push({
      family: 'CSV of another shape',
      name: `${name}-delimited`,
      build: (dir) => writeFileSync(join(dir, 'models.csv'), rows(sep, false)),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 1, column: 1, message: messages.looksDelimited(name, semicolons, 0) }] },
    });
    cases.push({
      family: 'CSV of another shape',
      name: `${name}-delimited with quotes`,
      build: (dir) => writeFileSync(join(dir, 'models.csv'), rows(sep, true)),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 2, message: new RegExp(`^${escape(messages.looksDelimited(name, semicolons, 0))} \\(`) }] },
    });
  }
  cases.push({
    family: 'CSV of another shape',
    name: 'mixed line ends',
    build: (dir) => {
      const quoted = { notes: 'a "quoted" note' };
      const [header, a, b] = modelsCsv([{ ...PLAIN, ...quoted }, { ...PLAIN, ...quoted, id: 'b', name: 'B Net' }]).split('\n');
      writeFileSync(join(dir, 'models.csv'), `${header}\r\n${a}\n${b}\r\n`);
    },
    expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 2, message: new RegExp(`^${escape(messages.mixedLineEnds('CRLF (Windows)', 1, 'LF (Unix)', 2))} \\(`) }] },
  });
  return cases;
}

/** Encodings that are not UTF-8. */
function encodingFamilies(): FamilyCase[] {
  const text = modelsCsv([PLAIN]);
  const cases: FamilyCase[] = [];
  for (const [name, bytes] of [
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ] as const) {
    cases.push({
      family: 'not UTF-8',
      name,
      build: (dir) => writeFileSync(join(dir, 'models.csv'), bytes),
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 1, column: 1, message: messages.utf16File }] },
    });
  }
  for (const [name, byte] of [['Latin-1 é', 0xe9], ['Windows-1252 quote', 0x93], ['a lone continuation byte', 0x80]] as const) {
    cases.push({
      family: 'not UTF-8',
      name,
      build: (dir) => {
        const [before, after] = text.split('Plain Lab');
        writeFileSync(join(dir, 'models.csv'), Buffer.concat([Buffer.from(`${before}Plain L`), Buffer.from([byte]), Buffer.from(`b${after}`)]));
      },
      expect: { outcome: 'error', stage: 'ingest', problems: [{ file: 'models.csv', line: 2, message: messages.notUtf8(byte) }] },
    });
  }
  return cases;
}

/** Every generated case. */
export function families(): FamilyCase[] {
  return [
    ...numericFamilies(),
    ...upstreamNumericFamilies(),
    ...hardwareFamilies(),
    ...assumptionFamilies(),
    ...textFamilies(),
    ...identityFamilies(),
    ...aliasFamilies(),
    ...dateFamilies(),
    ...fileFamilies(),
    ...snapshotFamilies(),
    ...shapeFamilies(),
    ...encodingFamilies(),
  ];
}
