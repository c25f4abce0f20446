import { afterEach, describe, expect, it } from 'vitest';
import { borrow, releaseScratch } from '../../../pipeline/analyze/stats/scratch.ts';

describe('scratch buffers', () => {
  afterEach(() => releaseScratch());

  it('lends a zero-filled array of the length asked, reusing the slot’s memory', () => {
    const a = borrow('t.a', 10);
    expect(a.length).toBe(10);
    expect([...a].every((v) => v === 0)).toBe(true);
    a.fill(7);
    const again = borrow('t.a', 8);
    expect(again.buffer).toBe(a.buffer);
    expect([...again]).toEqual(new Array(8).fill(0));
  });

  it('keeps slots apart and grows a slot when a longer array is asked for', () => {
    const a = borrow('t.a', 4).fill(1);
    const b = borrow('t.b', 4).fill(2);
    expect([...a]).toEqual([1, 1, 1, 1]);
    expect(b.buffer).not.toBe(a.buffer);
    const longer = borrow('t.a', 100);
    expect(longer.length).toBe(100);
    expect(longer.buffer).not.toBe(a.buffer);
  });
});
