/**
 * The catalogue rule (ARCHITECTURE.md, "Messages"): what the pipeline says to a user comes from
 * pipeline/messages.ts. A located error (PipelineError, ParseError) or a line a command prints
 * whose text is written out in another module fails here, naming the place. Programmer errors
 * (RangeError, TypeError, plain Error for broken invariants) are not messages to users and are
 * not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grouped, messages } from '../pipeline/messages.ts';
import { projectRoot } from '../pipeline/project-root.ts';

const pipelineDir = join(projectRoot, 'pipeline');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** A user-facing call whose first argument is a string written in place. */
const WRITTEN_IN_PLACE = /\b(new (?:PipelineError|ParseError)\(|io\.(?:out|err)\(|console\.(?:log|error|warn)\()\s*(['"`])/g;

function writtenInPlace(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(WRITTEN_IN_PLACE)) {
    const line = text.slice(0, m.index).split('\n').length;
    const source = text.split('\n')[line - 1].trim();
    // A line that only frames a catalogued text ("error: …", "  <problem>") is allowed.
    if (/^io\.err\(`(error: \$\{|  \$\{)/.test(source.replace(/^.*?(io\.err)/, '$1'))) continue;
    found.push(`${relative(projectRoot, file)}:${line}: ${source.slice(0, 120)}`);
  }
  return found;
}

describe('the message catalogue', () => {
  it('holds every located error and printed line of the pipeline: none is written in another module', () => {
    const files = sources(pipelineDir).filter((f) => relative(pipelineDir, f) !== 'messages.ts');
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(writtenInPlace)).toEqual([]);
  });

  it('catches a message written in place, and passes one from the catalogue', () => {
    const sample = (code: string) => [...code.matchAll(WRITTEN_IN_PLACE)].length;
    expect(sample("throw new PipelineError('no such file');")).toBe(1);
    expect(sample('throw new ParseError(`Not a number: "${t}"`, t, e);')).toBe(1);
    expect(sample("io.out(`done in ${s} s`);")).toBe(1);
    expect(sample('throw new PipelineError(messages.fit.badBreakpoints(bp), [], 2);')).toBe(0);
    expect(messages.fit.badBreakpoints('7')).toBe('fit: --breakpoints must be auto, 0, 1, 2 or 3, got "7"');
    expect(messages.runDone(1.234)).toBe('done in 1.2 s');
  });
});

describe('grouped: numbers in messages, with thousands separators', () => {
  it("writes what toLocaleString('en-US') writes, for whole numbers of any size and for fractions", () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_234_567, -1000, -999, Number.MAX_SAFE_INTEGER, 1234.5678, 0.1, 1e21, -2.5e6]) {
      expect(grouped(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => grouped(n) === n.toLocaleString('en-US')));
  });
});
