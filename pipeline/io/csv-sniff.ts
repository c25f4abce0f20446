/**
 * What a CSV file that failed to read looks like, so the problem names what was seen instead of
 * the first quoting rule it broke: a file delimited by semicolons or tabs (a spreadsheet saved in
 * a European locale) reads as "a quote inside an unquoted field", and a file whose lines end
 * partly in CRLF and partly in LF as "text after the closing quote". Run only on a failure.
 */
import type { Problem } from '../errors.ts';
import { messages } from '../messages.ts';

export interface CsvShape {
  /** Another delimiter outnumbers commas on the first line. */
  delimiter: { name: string; count: number; commas: number } | null;
  /** Two kinds of line end in one file, with the first line each is seen on. */
  lineEnds: { first: string; firstLine: number; other: string; otherLine: number } | null;
}

const DELIMITERS: [string, string][] = [
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
];

/** Counts of each delimiter outside double quotes on the first line of `text`. */
function firstLineCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>([[',', 0], ...DELIMITERS.map(([d]) => [d, 0] as [string, number])]);
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return counts;
}

/** The delimiter a header row (as read with commas) suggests, or null. */
export function otherDelimiter(line: string): CsvShape['delimiter'] {
  const counts = firstLineCounts(line);
  const commas = counts.get(',')!;
  let best: CsvShape['delimiter'] = null;
  for (const [d, name] of DELIMITERS) {
    const count = counts.get(d)!;
    if (count > commas && count > (best?.count ?? 0)) best = { name, count, commas };
  }
  return best;
}

const LINE_END_NAMES = { crlf: 'CRLF (Windows)', lf: 'LF (Unix)', cr: 'CR (old Mac)' } as const;

/**
 * The first two kinds of line end between records in `text` (outside quotes: a quoted note may
 * hold line breaks of any kind), with the lines they end; null when there is one kind.
 */
function lineEnds(text: string): CsvShape['lineEnds'] {
  let firstKind: keyof typeof LINE_END_NAMES | null = null;
  let firstLine = 0;
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    if (c !== 10 && c !== 13) continue;
    const kind = c === 10 ? 'lf' : text.charCodeAt(i + 1) === 10 ? 'crlf' : 'cr';
    if (quoted) {
      if (kind === 'crlf') i++;
      line++;
      continue;
    }
    if (firstKind === null) {
      firstKind = kind;
      firstLine = line;
    } else if (kind !== firstKind) {
      return { first: LINE_END_NAMES[firstKind], firstLine, other: LINE_END_NAMES[kind], otherLine: line };
    }
    if (kind === 'crlf') i++;
    line++;
  }
  return null;
}

export function sniffCsvShape(text: string): CsvShape {
  return { delimiter: otherDelimiter(text), lineEnds: lineEnds(text) };
}

/**
 * The problem the scanner reported, its message replaced by what the file looks like when it
 * looks like another shape (the scanner's own words kept in brackets). Quoted fields may hold
 * line breaks of another kind, so mixed line ends are named only when reading failed.
 */
export function explainScanProblem<P extends Omit<Problem, 'file'>>(text: string | (() => CsvShape), problem: P): P {
  const shape = typeof text === 'string' ? sniffCsvShape(text) : text();
  if (shape.delimiter) {
    const { name, count, commas } = shape.delimiter;
    return { ...problem, message: `${messages.looksDelimited(name, count, commas)} (${problem.message})`, expected: 'comma-separated values' };
  }
  if (shape.lineEnds) {
    const { first, firstLine, other, otherLine } = shape.lineEnds;
    return { ...problem, message: `${messages.mixedLineEnds(first, firstLine, other, otherLine)} (${problem.message})`, expected: 'one kind of line end' };
  }
  return problem;
}
