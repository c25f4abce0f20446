/**
 * The modules a file reaches by static value imports (not `import type`, not `import()`): what a
 * command loads at start whatever it then does. The tests of lazily loaded stages walk it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)';/gm)) {
      if (m[1]) continue;
      const spec = m[2];
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec.split('/')[0]);
    }
  };
  visit(entry);
  return { files, packages };
}
