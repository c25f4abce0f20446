/**
 * Shared test helpers: where the reference data live and how to read them. The reference folder
 * sits beside the project (../shared); tests that need it skip cleanly when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedDir = resolve(projectRoot, '../shared');
export const referenceDir = resolve(sharedDir, 'reference/segmented');
export const hasReference = existsSync(resolve(referenceDir, 'expected.json'));

/** Read a two-column x,y CSV of the reference folder (simple numeric files, quoted header). */
export function loadXY(file: string): { x: number[]; y: number[] } {
  const lines = readFileSync(resolve(referenceDir, file), 'utf8').trim().split(/\r?\n/).slice(1);
  const x: number[] = [];
  const y: number[] = [];
  for (const line of lines) {
    const [a, b] = line.split(',');
    x.push(Number(a));
    y.push(Number(b));
  }
  return { x, y };
}

/** expected.json, loosely typed (its shape is documented in the file itself). */
export function loadExpected(): any {
  return JSON.parse(readFileSync(resolve(referenceDir, 'expected.json'), 'utf8'));
}

/** |actual − expected| ≤ tol·|expected|, with a readable failure message. */
export function relClose(actual: number, expected: number, tol: number): boolean {
  return Math.abs(actual - expected) <= tol * Math.abs(expected);
}

/** The G3 generator from expected.json (so tests without ../shared can still use the data). */
export function g3(): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 1; i <= 40; i++) {
    const e = ((i * 37) % 17) / 17 - 0.5;
    x.push(i);
    y.push(5 + 1.0 * i - 1.5 * Math.max(i - 12, 0) + 1.2 * Math.max(i - 28, 0) + 1.5 * e);
  }
  return { x, y };
}
