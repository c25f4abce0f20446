/**
 * One error class for the whole pipeline (in the style of Observable Framework's CliError):
 * it carries every located problem found, and the exit code the CLI should end with.
 */
export interface Location {
  file: string;
  /** 1-based line in the file, counting the header as line 1. */
  line: number;
  /** 1-based column (field index) in the CSV row. */
  column: number;
  /** Name of the column, when known. */
  columnName?: string;
}

export interface Problem extends Partial<Location> {
  /** What is wrong, in words a maintainer can act on. */
  message: string;
  /** The offending text, exactly as found. */
  text?: string;
  /** What was expected instead. */
  expected?: string;
}

export class PipelineError extends Error {
  readonly problems: Problem[];
  readonly exitCode: number;
  constructor(message: string, problems: Problem[] = [], exitCode = 1) {
    super(message);
    this.name = 'PipelineError';
    this.problems = problems;
    this.exitCode = exitCode;
  }
}

/** Thrown by the pure parsers in pipeline/normalize; the stage that calls them adds the location. */
export class ParseError extends Error {
  readonly text: string;
  readonly expected: string;
  constructor(message: string, text: string, expected: string) {
    super(message);
    this.name = 'ParseError';
    this.text = text;
    this.expected = expected;
  }
}

/**
 * Appends `items` to `into` one by one: `into.push(...items)` passes every item as an argument and
 * overflows the stack past ~100,000 of them (a large file in which every row has a problem).
 */
export function append<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
}
