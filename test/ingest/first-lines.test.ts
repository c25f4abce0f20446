import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstLines, SystemLines } from '../../pipeline/ingest/first-lines.ts';
import { identityKey } from '../../pipeline/values/identity.ts';

/** The Map version these tables replace: the key of a system is `${identityKey(name)}|${year}`. */
const systemKey = (name: string, date: string) => `${identityKey(name)}|${date.slice(0, 4)}`;

describe('FirstLines', () => {
  it('returns the first line of a key, as a Map get-then-set would, past many doublings', () => {
    const table = new FirstLines();
    const map = new Map<string, number>();
    for (let line = 0; line < 50_000; line++) {
      const key = `id-${(line * 7919) % 30_000}`;
      const first = map.get(key);
      if (first === undefined) map.set(key, line);
      expect(table.firstOrAdd(key, line)).toBe(first);
    }
    expect(table.size).toBe(map.size);
  });

  it('tells apart keys whose 32-bit hashes collide', () => {
    // FNV-1a collisions, found by search.
    const table = new FirstLines();
    expect(table.firstOrAdd('id-149599', 1)).toBeUndefined();
    expect(table.firstOrAdd('id-312382', 2)).toBeUndefined();
    expect(table.firstOrAdd('id-312382', 3)).toBe(2);
    expect(table.firstOrAdd('id-149599', 4)).toBe(1);
    expect(table.firstOrAdd('', 5)).toBeUndefined();
    expect(table.firstOrAdd('', 6)).toBe(5);
  });
});

describe('SystemLines', () => {
  it('matches names as identityKey does, and years as the first four characters of the date', () => {
    const names = ['GPT-3', 'gpt 3', 'g.p.t.3', 'Ünïcödé', 'unicode', 'Ｆｕｌｌ', 'full', '!!!', '', 'Model 179599', 'Model 362382', 'é', 'e',
      'OPT-1.3B', 'OPT-13B', 'opt 1.3b', 'Gemma 2 9B', 'Gemma 29B', 'Gemma-2-9B', 'Command R+', 'Command R', 'v1..3', 'v1 3', 'x.5', '3.a', '1.2.3', '1.2. 3'];
    const dates = ['2020', '2020-05', '2021-01-01', '20', '', '２０２０', '2020|'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...dates), fc.boolean()), { maxLength: 60 }), (ops) => {
        const table = new SystemLines();
        const map = new Map<string, number>();
        ops.forEach(([name, date, replace], line) => {
          const key = systemKey(name, date);
          if (replace) {
            map.set(key, line);
            table.set(name, date, line);
          } else {
            const first = map.get(key);
            if (first === undefined) map.set(key, line);
            expect(table.firstOrAdd(name, date, line)).toBe(first);
          }
        });
        expect(table.size).toBe(map.size);
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });

  it('tells apart systems whose hashes collide', () => {
    const table = new SystemLines();
    expect(table.firstOrAdd('Model 179599', '2020-01', 1)).toBeUndefined();
    expect(table.firstOrAdd('Model 362382', '2020-01', 2)).toBeUndefined();
    expect(table.firstOrAdd('model-362382', '2020', 3)).toBe(2);
  });
});
