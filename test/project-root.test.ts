/**
 * pipeline/project-root.ts from the sources. From the compiled bundles in .build/<key>/<entry>/ it is
 * exercised by test/launch.test.ts (the compiled pipeline reads data/raw/ and pipeline/schema/).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../pipeline/project-root.ts';

describe('projectRoot', () => {
  it('is the folder holding package.json, seen from pipeline/', () => {
    expect(projectRoot).toBe(resolve(import.meta.dirname, '..'));
  });
});
