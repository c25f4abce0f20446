import { afterEach, describe, expect, it } from 'vitest';
import { borrow, borrowInt32, releaseScratch, reserve } from '../../../pipeline/analyze/stats/scratch.ts';

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

describe('scratch buffers for writers', () => {
  afterEach(() => releaseScratch());

  it('lends an Int32Array slot as it is, and a Float64Array slot unfilled when asked', () => {
    const a = borrowInt32('t.i', 6);
    a.set([1, 2, 3, 4, 5, 6]);
    const again = borrowInt32('t.i', 4);
    expect(again.buffer).toBe(a.buffer);
    expect([...again]).toEqual([1, 2, 3, 4]); // not cleared: the caller writes what it reads
    const f = borrow('t.f', 3).fill(9);
    expect([...borrow('t.f', 3, false)]).toEqual([9, 9, 9]);
    expect(f.buffer).toBe(borrow('t.f', 3).buffer);
    expect([...borrow('t.f', 3)]).toEqual([0, 0, 0]);
  });

  it('reserves the largest of a sequence of requests at once', () => {
    reserve('t.r', 100);
    const small = borrow('t.r', 10);
    const large = borrow('t.r', 100);
    expect(large.buffer).toBe(small.buffer);
    expect(small.buffer.byteLength).toBe(100 * 8);
  });

  it('lets go of Int32 slots too', () => {
    const a = borrowInt32('t.i', 4);
    releaseScratch();
    expect(borrowInt32('t.i', 4).buffer).not.toBe(a.buffer);
  });
});
